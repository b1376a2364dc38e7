package org.tvm.adapter.mybatis.row;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: an audit_logs row. Mapped to/from the domain in {@code RowMapper}. */
public final class AuditRow {
    public Long id;
    public UUID facilityId;
    public UUID userId;
    public String userEmail;
    public String action;
    public String resourceType;
    public UUID resourceId;
    public JsonObject details;
    public Instant timestamp;
    public String ipAddress;
    public String userAgent;
    public Boolean success;
    public String failureReason;
}
