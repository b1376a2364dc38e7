package org.tvm.adapter.mybatis;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: an audit_logs row. Mapped to/from the domain in {@link DomainRows}. */
final class AuditRow {
    Long id;
    UUID facilityId;
    UUID userId;
    String userEmail;
    String action;
    String resourceType;
    UUID resourceId;
    JsonObject details;
    Instant timestamp;
    String ipAddress;
    String userAgent;
    Boolean success;
    String failureReason;
}
