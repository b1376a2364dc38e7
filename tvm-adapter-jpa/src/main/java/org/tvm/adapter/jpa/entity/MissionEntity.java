package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** Row of {@code missions}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "missions")
public final class MissionEntity {

    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "resident_id", nullable = false)
    public UUID residentId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "created_by_user_id", nullable = false)
    public UUID createdByUserId;
    @Column(name = "pickup_location", nullable = false, length = 200)
    public String pickupLocation;
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "pickup_coordinates")
    public Point pickupCoordinates;
    @Column(name = "dropoff_location", nullable = false, length = 200)
    public String dropoffLocation;
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "dropoff_coordinates")
    public Point dropoffCoordinates;
    @Column(name = "priority", nullable = false, length = 20)
    public String priority;
    @Column(name = "status", nullable = false, length = 50)
    public String status;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "notes")
    public String notes;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "last_progress", length = 50)
    public String lastProgress;
    /** Optimistic lock; bumped only by the explicit conditional UPDATE of the repositories. */
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

}
