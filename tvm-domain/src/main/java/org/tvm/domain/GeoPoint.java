package org.tvm.domain;

/**
 * A WGS-84 position. Rounded to 7 decimals (about 1 cm) at construction because that is what the
 * database keeps (NUMERIC(10,7) / geography), so a stored and reloaded point compares equal.
 */
public record GeoPoint(double latitude, double longitude) {

    private static final double SCALE = 1e7;

    public GeoPoint {
        latitude = check("latitude", latitude, 90.0);
        longitude = check("longitude", longitude, 180.0);
    }

    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    private static double check(String field, double value, double limit) {
        if (!Double.isFinite(value)) {
            throw new DomainValidationException("GeoPoint", field, "must be a finite number");
        }
        double rounded = Math.round(value * SCALE) / SCALE;
        if (rounded < -limit || rounded > limit) {
            throw new DomainValidationException("GeoPoint", field,
                    "must be between -" + (int) limit + " and " + (int) limit);
        }
        // normalise -0.0 so equals/hashCode treat it like 0.0
        return rounded == 0.0 ? 0.0 : rounded;
    }
}
