package org.tvm.domain.fleet;

import java.time.Instant;
import org.tvm.domain.DomainChecks;

/**
 * One heartbeat of a vehicle: when, and optionally its battery level and location (null = unchanged).
 *
 * @param vehicleId    non-null vehicle
 * @param at           non-null time of the heartbeat (truncated to microseconds)
 * @param batteryLevel nullable battery level, 0..100
 * @param location     nullable location
 */
public record VehicleHeartbeat(VehicleId vehicleId, Instant at, Integer batteryLevel, VehicleLocation location) {

    private static final String E = "VehicleHeartbeat";

    public VehicleHeartbeat {
        DomainChecks.required(E, "vehicleId", vehicleId);
        at = DomainChecks.instant(E, "at", at);
        DomainChecks.range(E, "batteryLevel", batteryLevel, 0, 100);
    }
}
