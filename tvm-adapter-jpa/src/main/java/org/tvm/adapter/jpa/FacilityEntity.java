package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code facilities}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "facilities")
final class FacilityEntity {

    @Id
    UUID id;
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "address", length = 500)
    String address;
    @Column(name = "timezone", nullable = false, length = 64)
    String timezone;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

}
