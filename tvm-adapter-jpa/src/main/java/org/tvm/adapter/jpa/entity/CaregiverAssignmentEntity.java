package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code caregiver_assignments}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "caregiver_assignments")
@IdClass(CaregiverAssignmentEntity.Key.class)
public final class CaregiverAssignmentEntity {

    @Id
    @Column(name = "caregiver_user_id", nullable = false)
    public UUID caregiverUserId;
    @Id
    @Column(name = "resident_id", nullable = false)
    public UUID residentId;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
    @Column(name = "assigned_by_user_id")
    public UUID assignedByUserId;

    /** Composite key of {@link CaregiverAssignmentEntity}. */
    record Key(UUID caregiverUserId, UUID residentId) {
    }

}
