package org.tvm.domain;

/**
 * A WGS-84 position. Rounded to 7 decimals (about 1 cm) at construction because that is what the
 * database keeps (NUMERIC(10,7) / geography), so a stored and reloaded point compares equal.
 */
public record GeoPoint(double latitude, double longitude) {

    private static final double SCALE = 1e7;

    /** Mean Earth radius (IUGG) in metres, the sphere of {@link #distanceTo}. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public GeoPoint {
        latitude = check("latitude", latitude, 90.0);
        longitude = check("longitude", longitude, 180.0);
    }

    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    /**
     * Great-circle (haversine) distance on the sphere of {@link #EARTH_RADIUS_METERS}; this is the distance adapters
     * report when the database cannot compute the spheroid one (see the ports' {@code Capability.SPATIAL_DISTANCE}).
     *
     * @param other non-null point
     * @return metres, finite and {@code >= 0} (0 for the same point; rounding never yields NaN)
     */
    public double distanceTo(GeoPoint other) {
        DomainChecks.required("GeoPoint", "other", other);
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double sinLat = Math.sin(dLat / 2);
        double sinLon = Math.sin(dLon / 2);
        double h = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * sinLon * sinLon;
        // rounding can push h a hair outside [0, 1], where sqrt/asin return NaN
        double d = 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1.0, Math.max(0.0, h))));
        return Double.isFinite(d) ? d : 0.0;
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
