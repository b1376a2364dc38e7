package org.tvm.ports.query;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;

/**
 * One mission as the KPI read models see it (a row of the mission summary). Adapters read these; {@link Kpis}
 * aggregates them, so every adapter computes the same numbers.
 *
 * @param id             mission id
 * @param status         current status
 * @param priority       priority
 * @param vehicleId      assigned vehicle, null when never assigned
 * @param requestedAt    creation (request) instant
 * @param assignedAt     assignment instant, null when never assigned
 * @param pickupArrivedAt when the vehicle reported arriving at the pickup, null when it never did
 * @param startedAt      start instant, null when never started
 * @param completedAt    completion instant, null unless completed
 * @param finishedAt     completion, cancel or failure instant; null while not finished
 * @param endReason      failure reason, or the cancel reason given (null when none)
 */
public record MissionFacts(MissionId id, MissionStatus status, MissionPriority priority, VehicleId vehicleId,
                           Instant requestedAt, Instant assignedAt, Instant pickupArrivedAt, Instant startedAt,
                           Instant completedAt, Instant finishedAt, String endReason) {
    public MissionFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
