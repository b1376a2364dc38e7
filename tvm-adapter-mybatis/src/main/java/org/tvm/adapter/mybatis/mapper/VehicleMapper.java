package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.VehicleLogRow;
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.domain.fleet.VehicleLocation;

public interface VehicleMapper {

    int insert(VehicleRow row);

    int update(VehicleRow row);

    VehicleRow find(UUID facilityId, UUID id, boolean includeDeleted);

    VehicleRow findByName(UUID facilityId, String name);

    List<VehicleRow> list(UUID facilityId);

    int heartbeat(UUID facilityId, UUID id, Instant at, Integer battery, VehicleLocation location);

    int softDelete(UUID facilityId, UUID id, Instant at, boolean onlyIfUnbound);

    /** Active (assigned/in_progress, non-deleted) missions of the vehicle other than {@code exceptMission}. */
    int countActiveMissions(UUID facilityId, UUID vehicleId, UUID exceptMission);

    /** Dispatch: bind to a mission with the status the domain decided, optimistic version check. */
    int assign(UUID facilityId, UUID id, UUID missionId, String status, long expectedVersion);

    /** Mission transition to assigned: bind to the mission, version + 1. */
    int bindMission(UUID facilityId, UUID id, UUID missionId);

    /** Mission became terminal: unbind every vehicle still pointing to it, version + 1. */
    int releaseMission(UUID facilityId, UUID missionId);

    int insertLog(VehicleLogRow row);

    List<VehicleLogRow> logs(UUID facilityId, UUID vehicleId, Instant fromInclusive, Instant toExclusive, int limit);

    /** PostgreSQL: KNN on current_point (GiST), exact spheroid distance; H2: all candidates (distance in Java). */
    List<VehicleRow> nearestAvailable(UUID facilityId, double latitude, double longitude, int minBattery,
            Instant onlineAfter, int limit);
}
