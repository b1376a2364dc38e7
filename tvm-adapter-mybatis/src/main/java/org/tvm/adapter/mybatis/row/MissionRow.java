package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;
import org.tvm.domain.GeoPoint;

/** Flat MyBatis row: a missions row. Mapped to/from the domain in {@code RowMapper}. */
public final class MissionRow {
    public UUID id;
    public UUID facilityId;
    public UUID residentId;
    public UUID vehicleId;
    public UUID createdByUserId;
    public String pickupLocation;
    public GeoPoint pickupCoordinates;
    public String dropoffLocation;
    public GeoPoint dropoffCoordinates;
    public String priority;
    public String status;
    public Instant scheduledAt;
    public Instant assignedAt;
    public Instant startedAt;
    public Instant completedAt;
    public String notes;
    public String failureReason;
    public String lastProgress;
    public Long version;
    public Long expectedVersion;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;
}
