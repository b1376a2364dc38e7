package org.tvm.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.TestData;

class VehicleLocationAndLogTest {

    @Test
    void locationJsonHasTheSpecShape() {
        assertThat(VehicleLocation.of(35.6, 139.7, "Building A").toJson())
                .isEqualTo("{\"lat\":35.6,\"lon\":139.7,\"zone\":\"Building A\"}");
        assertThat(VehicleLocation.of(-1, 0, null).toJson()).isEqualTo("{\"lat\":-1,\"lon\":0,\"zone\":null}");
    }

    @Test
    void locationJsonRoundTrips() {
        for (VehicleLocation loc : new VehicleLocation[] {
                VehicleLocation.of(35.6812362, 139.7671248, "Bldg \"A\" \\ wing\n2"),
                VehicleLocation.of(-90, 180, null), VehicleLocation.of(0.0000001, -0.0000001, "ü ✓")}) {
            assertThat(VehicleLocation.fromJson(loc.toJson())).isEqualTo(loc);
        }
        assertThat(VehicleLocation.fromJson(" { \"zone\" : \"Z\", \"extra\": true, \"lon\": 1e1, \"lat\": -2.5 } "))
                .isEqualTo(VehicleLocation.of(-2.5, 10, "Z"));
        assertThat(VehicleLocation.fromJson("{\"lat\":1,\"lon\":2,\"zone\":\"\\u0041\"}").zone()).isEqualTo("A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"lat\":1}", "{\"lat\":\"1\",\"lon\":2}", "{\"lat\":1,\"lon\":2,\"zone\":3}",
            "{\"lat\":1,\"lon\":2} x", "{\"lat\":1 \"lon\":2}", "{\"lat\":1,\"lon\":2,\"zone\":\"\\q\"}"})
    void malformedLocationJson(String json) {
        assertInvalid(() -> VehicleLocation.fromJson(json), "VehicleLocation", "json");
    }

    @Test
    void locationInvariants() {
        assertInvalid(() -> VehicleLocation.fromJson(null), "VehicleLocation", "json");
        assertInvalid(() -> new VehicleLocation(null, "A"), "VehicleLocation", "point");
        assertInvalid(() -> new VehicleLocation(GeoPoint.of(0, 0), "z".repeat(101)), "VehicleLocation", "zone");
        assertInvalid(() -> VehicleLocation.fromJson("{\"lat\":91,\"lon\":0}"), "GeoPoint", "latitude");
    }

    private static VehicleLogEntry.Builder log() {
        return VehicleLogEntry.builder().vehicleId(TestData.VEHICLE).facilityId(TestData.FACILITY).level(LogLevel.WARN)
                .code("VEH-NAV-001").message("path blocked").details(Map.of("x", "1")).loggedAt(NOW.plusNanos(7));
    }

    @Test
    void logEntry() {
        VehicleLogEntry e = log().build();
        assertThat(e.loggedAt()).isEqualTo(NOW);
        assertThat(e.details()).containsEntry("x", "1");
        assertThat(e.toBuilder().build()).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(log().details(null).code(null).build().details()).isEmpty();
        assertThat(e.toString()).contains("path blocked");
        assertInvalid(() -> log().vehicleId(null).build(), "VehicleLogEntry", "vehicleId");
        assertInvalid(() -> log().facilityId(null).build(), "VehicleLogEntry", "facilityId");
        assertInvalid(() -> log().level(null).build(), "VehicleLogEntry", "level");
        assertInvalid(() -> log().code("c".repeat(51)).build(), "VehicleLogEntry", "code");
        assertInvalid(() -> log().message(null).build(), "VehicleLogEntry", "message");
        assertInvalid(() -> log().message("m".repeat(2001)).build(), "VehicleLogEntry", "message");
        assertInvalid(() -> log().loggedAt(null).build(), "VehicleLogEntry", "loggedAt");
        assertThat(log().message("m".repeat(2000)).build().message()).hasSize(2000);
    }
}
