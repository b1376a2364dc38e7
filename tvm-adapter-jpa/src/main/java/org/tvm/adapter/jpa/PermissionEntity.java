package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code permissions} (global catalogue). Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "permissions")
final class PermissionEntity {

    @Id
    UUID id;
    @Column(name = "resource", nullable = false, length = 50)
    String resource;
    @Column(name = "action", nullable = false, length = 50)
    String action;
    @Column(name = "description")
    String description;
    @Column(name = "created_at")
    Instant createdAt;

}
