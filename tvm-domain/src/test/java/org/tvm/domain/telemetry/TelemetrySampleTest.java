package org.tvm.domain.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.TestData;

class TelemetrySampleTest {

    private static TelemetrySample.Builder sample() {
        return TelemetrySample.builder().vehicleId(TestData.VEHICLE).facilityId(TestData.FACILITY).timestamp(NOW);
    }

    @Test
    void minimalSampleHasEmptyErrorCodes() {
        TelemetrySample s = sample().build();
        assertThat(s.errorCodes()).isEmpty();
        assertThat(s.position()).isNull();
        assertThat(s.heading()).isNull();
        assertThat(sample().errorCodes(null).build().errorCodes()).isEmpty();
    }

    @Test
    void fullSampleRoundsAndRoundTrips() {
        List<String> codes = new ArrayList<>(List.of("VEH-NAV-001", "VEH-LID-001"));
        TelemetrySample s = sample().timestamp(NOW.plusNanos(123)).position(GeoPoint.of(35.6, 139.7)).heading(359.996)
                .speedMps(1.234).accelerationMps2(-0.005).batteryLevel(87).batteryVoltage(48.125).batteryCurrent(-12.344)
                .lidarStatus(SensorStatus.OK).cameraStatus(SensorStatus.DEGRADED).imuStatus(SensorStatus.ERROR)
                .cpuUsage(55).memoryUsageMb(2048).diskUsage(70).errorCodes(codes).build();
        codes.clear();
        assertThat(s.timestamp()).isEqualTo(NOW);
        assertThat(s.heading()).isEqualTo(360.0);
        assertThat(s.speedMps()).isEqualTo(1.23);
        assertThat(s.accelerationMps2()).isEqualTo(0.0);
        assertThat(s.batteryVoltage()).isEqualTo(48.13);
        assertThat(s.batteryCurrent()).isEqualTo(-12.34);
        assertThat(s.errorCodes()).containsExactly("VEH-NAV-001", "VEH-LID-001");
        assertThatThrownBy(() -> s.errorCodes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(s.toString()).contains("VEH-NAV-001");
    }

    @Test
    void requiredFields() {
        assertInvalid(() -> sample().vehicleId(null).build(), "TelemetrySample", "vehicleId");
        assertInvalid(() -> sample().facilityId(null).build(), "TelemetrySample", "facilityId");
        assertInvalid(() -> sample().timestamp(null).build(), "TelemetrySample", "timestamp");
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                bad("heading", (b, v) -> b.heading(v), -0.01, 360.01, 400.0, Double.NaN),
                bad("speedMps", (b, v) -> b.speedMps(v), 100.0, -100.0, 99.996, Double.POSITIVE_INFINITY),
                bad("accelerationMps2", (b, v) -> b.accelerationMps2(v), 100.0, -150.0, Double.NaN),
                bad("batteryVoltage", (b, v) -> b.batteryVoltage(v), 1000.0, -1000.0, 999.999),
                bad("batteryCurrent", (b, v) -> b.batteryCurrent(v), 10000.0, -10000.0, Double.NEGATIVE_INFINITY));
    }

    private static Arguments bad(String field, BiFunction<TelemetrySample.Builder, Double, TelemetrySample.Builder> set,
                                 Double... values) {
        return Arguments.of(field, set, Arrays.asList(values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void decimalRanges(String field, BiFunction<TelemetrySample.Builder, Double, TelemetrySample.Builder> set, List<Double> values) {
        for (Double v : values) {
            assertInvalid(() -> set.apply(sample(), v).build(), "TelemetrySample", field);
        }
        assertThat(set.apply(sample(), null).build()).isEqualTo(sample().build());
    }

    @Test
    void decimalBoundsAccepted() {
        TelemetrySample s = sample().heading(0.0).speedMps(99.99).accelerationMps2(-99.99).batteryVoltage(999.99)
                .batteryCurrent(-9999.99).build();
        assertThat(s.heading()).isZero();
        assertThat(s.speedMps()).isEqualTo(99.99);
        assertThat(sample().heading(360.0).build().heading()).isEqualTo(360.0);
    }

    @Test
    void integerRanges() {
        assertInvalid(() -> sample().batteryLevel(-1).build(), "TelemetrySample", "batteryLevel");
        assertInvalid(() -> sample().batteryLevel(101).build(), "TelemetrySample", "batteryLevel");
        assertInvalid(() -> sample().cpuUsage(-1).build(), "TelemetrySample", "cpuUsage");
        assertInvalid(() -> sample().cpuUsage(101).build(), "TelemetrySample", "cpuUsage");
        assertInvalid(() -> sample().diskUsage(-1).build(), "TelemetrySample", "diskUsage");
        assertInvalid(() -> sample().diskUsage(101).build(), "TelemetrySample", "diskUsage");
        assertInvalid(() -> sample().memoryUsageMb(-1).build(), "TelemetrySample", "memoryUsageMb");
        assertThat(sample().batteryLevel(0).cpuUsage(100).diskUsage(0).memoryUsageMb(0).build().memoryUsageMb()).isZero();
    }

    @Test
    void errorCodeLengths() {
        assertThat(sample().errorCodes(List.of("x".repeat(100))).build().errorCodes()).hasSize(1);
        assertInvalid(() -> sample().errorCodes(List.of("x".repeat(101))).build(), "TelemetrySample", "errorCodes");
        assertInvalid(() -> sample().errorCodes(List.of("")).build(), "TelemetrySample", "errorCodes");
        assertInvalid(() -> sample().errorCodes(Arrays.asList("A", null)).build(), "TelemetrySample", "errorCodes");
    }

    @Property
    void roundedValuesSurviveANumericRoundTrip(@ForAll @Scale(6) @DoubleRange(min = -99.99, max = 99.99) double speed) {
        TelemetrySample s = sample().speedMps(speed).build();
        // what NUMERIC(4,2) would hand back
        double reloaded = new BigDecimal(s.speedMps().toString()).setScale(2, RoundingMode.UNNECESSARY).doubleValue();
        assertThat(sample().speedMps(reloaded).build()).isEqualTo(s);
        assertThat(Math.abs(s.speedMps() - speed)).isLessThanOrEqualTo(0.005 + 1e-9);
    }
}
