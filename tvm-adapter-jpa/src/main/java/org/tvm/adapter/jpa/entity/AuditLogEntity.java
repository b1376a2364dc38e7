package org.tvm.adapter.jpa.entity;

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

/**
 * Row of the {@code audit_entries} view: {@code audit_logs} (yearly partitions on PostgreSQL; append-only) and the
 * entries still waiting for the chain (migration V22). Read only: appends are native inserts into {@code audit_logs}.
 * Mapped to the domain by {@code LogEntityMapper}.
 */
@Entity
@Table(name = "audit_entries")
@Immutable
@IdClass(AuditLogEntity.Key.class)
public final class AuditLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    public Long id;
    @Id
    @Column(name = "timestamp", nullable = false)
    public Instant timestamp;
    @Column(name = "facility_id")
    public UUID facilityId;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "user_email", length = 255)
    public String userEmail;
    @Column(name = "action", nullable = false, length = 100)
    public String action;
    @Column(name = "resource_type", length = 50)
    public String resourceType;
    @Column(name = "resource_id")
    public UUID resourceId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    public String details;  // JSON text; a String JSON attribute passes through Hibernate unchanged (JsonDetailsCodec)
    @JdbcTypeCode(SqlTypes.INET)
    @Column(name = "ip_address")
    public String ipAddress;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "success", nullable = false)
    public boolean success;
    @Column(name = "failure_reason")
    public String failureReason;

    /** Composite key of {@link AuditLogEntity}. */
    record Key(Long id, Instant timestamp) {
    }

}
