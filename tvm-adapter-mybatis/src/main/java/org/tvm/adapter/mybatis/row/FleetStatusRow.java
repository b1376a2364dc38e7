package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;
import org.tvm.domain.fleet.VehicleLocation;

/**
 * Flat MyBatis row: a row of the fleet-status dashboard (spec 8.1 query 2), only the columns the read model needs.
 * PostgreSQL extracts the zone in SQL ({@code zone}); H2 has no JSON operator, so it returns the location document
 * ({@code location}) and the zone is taken from it.
 */
public final class FleetStatusRow {
    public UUID id;
    public String name;
    public String status;
    public Integer batteryLevel;
    String zone;
    VehicleLocation location;
    public Instant lastHeartbeat;

    public String zoneOrFromLocation() {
        return zone != null || location == null ? zone : location.zone();
    }
}
