package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;
import org.tvm.domain.GeoPoint;

/** Flat MyBatis row: a missions row. Mapped to/from the domain in {@link DomainRows}. */
final class MissionRow {
    UUID id;
    UUID facilityId;
    UUID residentId;
    UUID vehicleId;
    UUID createdByUserId;
    String pickupLocation;
    GeoPoint pickupCoordinates;
    String dropoffLocation;
    GeoPoint dropoffCoordinates;
    String priority;
    String status;
    Instant scheduledAt;
    Instant assignedAt;
    Instant startedAt;
    Instant completedAt;
    String notes;
    String failureReason;
    String lastProgress;
    Long version;
    Long expectedVersion;
    Instant createdAt;
    Instant updatedAt;
    Instant deletedAt;
}
