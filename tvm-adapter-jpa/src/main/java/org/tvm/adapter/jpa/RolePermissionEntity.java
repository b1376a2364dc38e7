package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of {@code role_permissions}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "role_permissions")
@IdClass(RolePermissionEntity.Key.class)
final class RolePermissionEntity {

    @Id
    @Column(name = "role_id", nullable = false)
    UUID roleId;
    @Id
    @Column(name = "permission_id", nullable = false)
    UUID permissionId;

    /** Composite key of {@link RolePermissionEntity}. */
    record Key(UUID roleId, UUID permissionId) {
    }

}
