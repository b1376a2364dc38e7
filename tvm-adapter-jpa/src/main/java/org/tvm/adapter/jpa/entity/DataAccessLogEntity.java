package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Row of {@code data_access_logs} (append-only; written with multi-row INSERTs). Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "data_access_logs")
@Immutable
public final class DataAccessLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "resident_id", nullable = false)
    public UUID residentId;
    @Column(name = "access_type", nullable = false, length = 10)
    public String accessType;
    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

}
