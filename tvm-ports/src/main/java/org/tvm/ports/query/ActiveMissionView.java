package org.tvm.ports.query;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;

/**
 * One row of the active-missions dashboard (spec 8.1 query 1).
 *
 * @param id              non-null mission id
 * @param status          non-null; pending, assigned or in_progress
 * @param priority        non-null priority
 * @param pickupLocation  non-null pickup place label ({@code missions.pickup_location})
 * @param dropoffLocation non-null dropoff place label ({@code missions.dropoff_location})
 * @param residentName    non-null {@code firstName + " " + lastName} of the resident (also when the resident is
 *                        soft-deleted; after anonymisation the anonymised name)
 * @param vehicleName     nullable name of the assigned vehicle, null while unassigned
 * @param createdAt       non-null creation time of the mission
 */
public record ActiveMissionView(MissionId id, MissionStatus status, MissionPriority priority, String pickupLocation,
        String dropoffLocation, String residentName, String vehicleName, Instant createdAt) {

    /**
     * @throws NullPointerException     if a non-null component is null
     * @throws IllegalArgumentException if status is terminal (completed, cancelled, failed)
     */
    public ActiveMissionView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(pickupLocation, "pickupLocation");
        Objects.requireNonNull(dropoffLocation, "dropoffLocation");
        Objects.requireNonNull(residentName, "residentName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (status.isTerminal()) {
            throw new IllegalArgumentException("ActiveMissionView.status must be pending, assigned or in_progress (was "
                    + status.code() + ")");
        }
    }
}
