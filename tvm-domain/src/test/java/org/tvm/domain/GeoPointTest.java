package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

    @Test
    void roundsToSevenDecimals() {
        GeoPoint p = new GeoPoint(35.123456789, -139.987654321);
        assertThat(p.latitude()).isEqualTo(35.1234568);
        assertThat(p.longitude()).isEqualTo(-139.9876543);
        assertThat(p).isEqualTo(GeoPoint.of(35.1234568, -139.9876543));
    }

    @Test
    void acceptsBoundsAndNormalisesNegativeZero() {
        assertThat(GeoPoint.of(90, 180)).isEqualTo(new GeoPoint(90.0, 180.0));
        assertThat(GeoPoint.of(-90, -180).latitude()).isEqualTo(-90.0);
        assertThat(GeoPoint.of(-0.0, -0.0)).isEqualTo(GeoPoint.of(0.0, 0.0));
        assertThat(GeoPoint.of(-0.00000001, 0).latitude()).isEqualTo(0.0);
    }

    @ParameterizedTest
    @CsvSource({"90.0000001, 0, latitude", "-90.0001, 0, latitude", "0, 180.0000001, longitude", "0, -181, longitude",
            "NaN, 0, latitude", "0, NaN, longitude", "Infinity, 0, latitude", "0, -Infinity, longitude"})
    void rejectsOutOfRange(double lat, double lon, String field) {
        assertInvalid(() -> new GeoPoint(lat, lon), "GeoPoint", field);
    }

    @Property
    void everyInRangePointIsAcceptedAndStable(@ForAll @Scale(9) @DoubleRange(min = -90, max = 90) double lat,
                                              @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon) {
        GeoPoint p = GeoPoint.of(lat, lon);
        assertThat(p.latitude()).isBetween(-90.0, 90.0);
        assertThat(p.longitude()).isBetween(-180.0, 180.0);
        assertThat(Math.abs(p.latitude() - lat)).isLessThanOrEqualTo(0.5e-7 + 1e-12);
        // rounding is idempotent: a reloaded point equals the stored one
        assertThat(GeoPoint.of(p.latitude(), p.longitude())).isEqualTo(p);
    }

    @Property
    void everyOutOfRangeLatitudeIsRejected(@ForAll @Scale(9) @DoubleRange(min = 90.0001, max = 1e6) double lat) {
        assertInvalid(() -> GeoPoint.of(lat, 0), "GeoPoint", "latitude");
        assertInvalid(() -> GeoPoint.of(-lat, 0), "GeoPoint", "latitude");
    }

    @Property
    void everyOutOfRangeLongitudeIsRejected(@ForAll @Scale(9) @DoubleRange(min = 180.0001, max = 1e6) double lon) {
        assertInvalid(() -> GeoPoint.of(0, lon), "GeoPoint", "longitude");
        assertInvalid(() -> GeoPoint.of(0, -lon), "GeoPoint", "longitude");
    }

    @Test
    void distanceIsTheGreatCircleOnTheMeanEarthRadius() {
        double oneDegree = Math.PI / 180 * GeoPoint.EARTH_RADIUS_METERS; // 111,195.08 m
        assertThat(GeoPoint.of(0, 0).distanceTo(GeoPoint.of(1, 0))).isCloseTo(oneDegree, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(GeoPoint.of(0, 0).distanceTo(GeoPoint.of(0, 1))).isCloseTo(oneDegree, org.assertj.core.data.Offset.offset(1e-6));
        // Tokyo Station -> Osaka Station, about 403 km on the sphere
        assertThat(GeoPoint.of(35.681236, 139.767125).distanceTo(GeoPoint.of(34.702485, 135.495951)))
                .isBetween(402_000.0, 405_000.0);
        assertThat(GeoPoint.of(0, 0).distanceTo(GeoPoint.of(0, 180))).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_METERS,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Property
    void distanceIsSymmetricFiniteAndZeroOnlyForTheSamePoint(
            @ForAll @DoubleRange(min = -90, max = 90) double lat1, @ForAll @DoubleRange(min = -180, max = 180) double lon1,
            @ForAll @DoubleRange(min = -90, max = 90) double lat2, @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
        GeoPoint a = GeoPoint.of(lat1, lon1);
        GeoPoint b = GeoPoint.of(lat2, lon2);
        double d = a.distanceTo(b);
        assertThat(d).isFinite().isBetween(0.0, Math.PI * GeoPoint.EARTH_RADIUS_METERS + 1e-6);
        assertThat(b.distanceTo(a)).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.distanceTo(a)).isZero();
        // antipodes and near-identical points are where unguarded haversine turns NaN
        assertThat(a.distanceTo(GeoPoint.of(-a.latitude(), a.longitude() > 0 ? a.longitude() - 180 : a.longitude() + 180)))
                .isFinite();
    }
}
