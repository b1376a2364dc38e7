package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code audit_logs} (yearly partitions on PostgreSQL; append-only). Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "audit_logs")
@Immutable
@IdClass(AuditLogEntity.Key.class)
final class AuditLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Id
    @Column(name = "timestamp", nullable = false)
    Instant timestamp;
    @Column(name = "facility_id")
    UUID facilityId;
    @Column(name = "user_id")
    UUID userId;
    @Column(name = "user_email", length = 255)
    String userEmail;
    @Column(name = "action", nullable = false, length = 100)
    String action;
    @Column(name = "resource_type", length = 50)
    String resourceType;
    @Column(name = "resource_id")
    UUID resourceId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    String details;  // JSON text; a String JSON attribute passes through Hibernate unchanged (JsonDetailsCodec)
    @JdbcTypeCode(SqlTypes.INET)
    @Column(name = "ip_address")
    String ipAddress;
    @Column(name = "user_agent")
    String userAgent;
    @Column(name = "success", nullable = false)
    boolean success;
    @Column(name = "failure_reason")
    String failureReason;

    /** Composite key of {@link AuditLogEntity}. */
    record Key(Long id, Instant timestamp) {
    }

}
