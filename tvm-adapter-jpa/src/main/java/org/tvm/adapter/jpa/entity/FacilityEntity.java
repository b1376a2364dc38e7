package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code facilities}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "facilities")
public final class FacilityEntity {

    @Id
    public UUID id;
    @Column(name = "name", nullable = false, length = 200)
    public String name;
    @Column(name = "address", length = 500)
    public String address;
    @Column(name = "timezone", nullable = false, length = 64)
    public String timezone;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

}
