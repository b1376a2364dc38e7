package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** Row of {@code missions}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "missions")
final class MissionEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "resident_id", nullable = false)
    UUID residentId;
    @Column(name = "vehicle_id")
    UUID vehicleId;
    @Column(name = "created_by_user_id", nullable = false)
    UUID createdByUserId;
    @Column(name = "pickup_location", nullable = false, length = 200)
    String pickupLocation;
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "pickup_coordinates")
    Point pickupCoordinates;
    @Column(name = "dropoff_location", nullable = false, length = 200)
    String dropoffLocation;
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "dropoff_coordinates")
    Point dropoffCoordinates;
    @Column(name = "priority", nullable = false, length = 20)
    String priority;
    @Column(name = "status", nullable = false, length = 50)
    String status;
    @Column(name = "scheduled_at")
    Instant scheduledAt;
    @Column(name = "assigned_at")
    Instant assignedAt;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "completed_at")
    Instant completedAt;
    @Column(name = "notes")
    String notes;
    @Column(name = "failure_reason")
    String failureReason;
    @Column(name = "last_progress", length = 50)
    String lastProgress;
    /** Optimistic lock; bumped only by the explicit conditional UPDATE of the repositories. */
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;

}
