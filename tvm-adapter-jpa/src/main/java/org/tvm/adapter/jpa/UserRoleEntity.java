package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code user_roles}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "user_roles")
@IdClass(UserRoleEntity.Key.class)
final class UserRoleEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    UUID userId;
    @Id
    @Column(name = "role_id", nullable = false)
    UUID roleId;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "assigned_at")
    Instant assignedAt;
    @Column(name = "assigned_by_user_id")
    UUID assignedByUserId;

    /** Composite key of {@link UserRoleEntity}. */
    record Key(UUID userId, UUID roleId) {
    }

}
