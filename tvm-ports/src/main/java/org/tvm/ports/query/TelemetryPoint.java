package org.tvm.ports.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sample of the recent-telemetry query (spec 8.1 query 3).
 *
 * @param timestamp    non-null sample time
 * @param latitude     nullable; null iff longitude is null (no position reported)
 * @param longitude    nullable; null iff latitude is null
 * @param speedMps     nullable speed in metres per second
 * @param batteryLevel nullable battery percentage 0..100
 * @param errorCodes   non-null, unmodifiable copy, no null elements, possibly empty, in reported order
 */
public record TelemetryPoint(Instant timestamp, Double latitude, Double longitude, Double speedMps, Integer batteryLevel,
        List<String> errorCodes) {

    /**
     * @throws NullPointerException     if timestamp, errorCodes or an error code is null
     * @throws IllegalArgumentException if exactly one of latitude/longitude is null, or batteryLevel is outside 0..100
     */
    public TelemetryPoint {
        Objects.requireNonNull(timestamp, "timestamp");
        errorCodes = List.copyOf(Objects.requireNonNull(errorCodes, "errorCodes"));
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("TelemetryPoint: latitude and longitude must both be present or both absent");
        }
        if (batteryLevel != null && (batteryLevel < 0 || batteryLevel > 100)) {
            throw new IllegalArgumentException("TelemetryPoint.batteryLevel must be 0..100 (was " + batteryLevel + ")");
        }
    }
}
