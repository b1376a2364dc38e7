package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code roles} (global catalogue, read-only for the application). Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "roles")
public final class RoleEntity {

    @Id
    UUID id;
    @Column(name = "name", nullable = false, length = 50)
    public String name;
    @Column(name = "description")
    public String description;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

}
