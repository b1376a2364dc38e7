package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code user_roles}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "user_roles")
@IdClass(UserRoleEntity.Key.class)
public final class UserRoleEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Id
    @Column(name = "role_id", nullable = false)
    public UUID roleId;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "assigned_by_user_id")
    public UUID assignedByUserId;

    /** Composite key of {@link UserRoleEntity}. */
    record Key(UUID userId, UUID roleId) {
    }

}
