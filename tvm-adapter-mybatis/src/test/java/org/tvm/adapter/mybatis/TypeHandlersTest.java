package org.tvm.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;

/** Pure checks of the value encodings the handlers and the COPY path rely on. */
class TypeHandlersTest {

    @Test
    void copyTextEscapesSeparatorsAndArrayQuoting() {
        TelemetrySample s = TelemetrySample.builder().vehicleId(VehicleId.newId()).facilityId(FacilityId.newId())
                .timestamp(Instant.parse("2025-01-02T03:04:05.123456Z"))
                .errorCodes(List.of("E\t1", "q\"uo\\te")).build();
        String line = TelemetryCopy.encode(List.of(s));
        // array literal {"E<tab>1","q\"uo\\te"}, then COPY escaping of tab and backslashes
        assertThat(line).endsWith("\t{\"E\\t1\",\"q\\\\\"uo\\\\\\\\te\"}\n")
                .contains("\t2025-01-02T03:04:05.123456Z\t")
                .contains("\\N");
        assertThat(line.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }
}
