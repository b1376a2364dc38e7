package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code vehicle_logs} (append-only; written in JDBC batches by the vehicle repository). Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "vehicle_logs")
@Immutable
final class VehicleLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "vehicle_id", nullable = false)
    UUID vehicleId;
    @Column(name = "level", nullable = false, length = 10)
    String level;
    @Column(name = "code", length = 50)
    String code;
    @Column(name = "message", nullable = false, length = 2000)
    String message;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    String details;  // JSON text; a String JSON attribute passes through Hibernate unchanged (JsonDetailsCodec)
    @Column(name = "logged_at", nullable = false)
    Instant loggedAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

}
