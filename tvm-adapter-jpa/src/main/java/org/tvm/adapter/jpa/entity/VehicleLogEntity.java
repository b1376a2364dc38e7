package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code vehicle_logs} (append-only; written in JDBC batches by the vehicle repository). Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "vehicle_logs")
@Immutable
public final class VehicleLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "vehicle_id", nullable = false)
    public UUID vehicleId;
    @Column(name = "level", nullable = false, length = 10)
    public String level;
    @Column(name = "code", length = 50)
    public String code;
    @Column(name = "message", nullable = false, length = 2000)
    public String message;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    public String details;  // JSON text; a String JSON attribute passes through Hibernate unchanged (JsonDetailsCodec)
    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

}
