package org.tvm.ports.query;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;

/**
 * One row of the fleet-status dashboard (spec 8.1 query 2).
 *
 * @param id            non-null vehicle id
 * @param name          non-null vehicle name
 * @param status        non-null vehicle status
 * @param batteryLevel  nullable battery percentage 0..100 (null when never reported)
 * @param zone          nullable zone of the current location ({@code current_location->>'zone'})
 * @param lastHeartbeat nullable last heartbeat
 * @param connectivity  non-null; must equal {@link Connectivity#at(Instant, Instant)} for the query's {@code now}
 */
public record FleetStatusView(VehicleId id, String name, VehicleStatus status, Integer batteryLevel, String zone,
        Instant lastHeartbeat, Connectivity connectivity) {

    /**
     * @throws NullPointerException     if a non-null component is null
     * @throws IllegalArgumentException if batteryLevel is outside 0..100, or connectivity is ONLINE without heartbeat
     */
    public FleetStatusView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectivity, "connectivity");
        if (batteryLevel != null && (batteryLevel < 0 || batteryLevel > 100)) {
            throw new IllegalArgumentException("FleetStatusView.batteryLevel must be 0..100 (was " + batteryLevel + ")");
        }
        if (connectivity == Connectivity.ONLINE && lastHeartbeat == null) {
            throw new IllegalArgumentException("FleetStatusView: a vehicle without heartbeat cannot be online");
        }
    }
}
