package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code roles} (global catalogue, read-only for the application). Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "roles")
final class RoleEntity {

    @Id
    UUID id;
    @Column(name = "name", nullable = false, length = 50)
    String name;
    @Column(name = "description")
    String description;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

}
