package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of {@code role_permissions}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "role_permissions")
@IdClass(RolePermissionEntity.Key.class)
public final class RolePermissionEntity {

    @Id
    @Column(name = "role_id", nullable = false)
    public UUID roleId;
    @Id
    @Column(name = "permission_id", nullable = false)
    public UUID permissionId;

    /** Composite key of {@link RolePermissionEntity}. */
    public record Key(UUID roleId, UUID permissionId) {
    }

}
