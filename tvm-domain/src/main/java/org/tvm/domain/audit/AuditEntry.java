package org.tvm.domain.audit;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.IpAddressLiteral;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;

/**
 * One immutable security/compliance audit record. {@code userEmail} is a plain string on purpose: it
 * is denormalised (the user may be deleted) and failed logins must be auditable even with a
 * malformed address. A failure reason exists exactly when {@code success} is false.
 */
public final class AuditEntry {
    private static final String E = "AuditEntry";

    private final FacilityId facilityId;
    private final UserId userId;
    private final String userEmail;
    private final String action;
    private final String resourceType;
    private final UUID resourceId;
    private final JsonObject details;
    private final Instant timestamp;
    private final String ipAddress;
    private final String userAgent;
    private final boolean success;
    private final String failureReason;

    private AuditEntry(Builder b) {
        this.facilityId = b.facilityId;
        this.userId = b.userId;
        this.userEmail = optionalText(E, "userEmail", b.userEmail, "audit_logs.user_email");
        this.action = text(E, "action", b.action, "audit_logs.action");
        this.resourceType = optionalText(E, "resourceType", b.resourceType, "audit_logs.resource_type");
        this.resourceId = b.resourceId;
        this.details = JsonObject.validated(b.details, E, "details");
        this.timestamp = instant(E, "timestamp", b.timestamp);
        this.ipAddress = IpAddressLiteral.normalise(E, "ipAddress", b.ipAddress);
        this.userAgent = optionalText(E, "userAgent", b.userAgent);
        this.success = b.success;
        this.failureReason = optionalText(E, "failureReason", b.failureReason);
        if (!success && failureReason == null) {
            throw new DomainValidationException(E, "failureReason", "is required when success is false");
        }
        if (success && failureReason != null) {
            throw new DomainValidationException(E, "failureReason", "must be null when success is true");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().facilityId(facilityId).userId(userId).userEmail(userEmail).action(action)
                .resourceType(resourceType).resourceId(resourceId).detailsJson(details).timestamp(timestamp)
                .ipAddress(ipAddress).userAgent(userAgent).success(success).failureReason(failureReason);
    }

    public FacilityId facilityId() { return facilityId; }
    public UserId userId() { return userId; }
    public String userEmail() { return userEmail; }
    public String action() { return action; }
    public String resourceType() { return resourceType; }
    public UUID resourceId() { return resourceId; }
    /** Flat text view of {@link #detailsJson()} (see {@link JsonObject#asText()}). */
    public Map<String, String> details() { return details.asText(); }
    /** The stored {@code details} document: any JSON object within {@link JsonObject}'s limits, never null. */
    public JsonObject detailsJson() { return details; }
    public Instant timestamp() { return timestamp; }
    public String ipAddress() { return ipAddress; }
    public String userAgent() { return userAgent; }
    public boolean success() { return success; }
    public String failureReason() { return failureReason; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuditEntry a)) {
            return false;
        }
        return success == a.success && Objects.equals(facilityId, a.facilityId) && Objects.equals(userId, a.userId)
                && Objects.equals(userEmail, a.userEmail) && action.equals(a.action)
                && Objects.equals(resourceType, a.resourceType) && Objects.equals(resourceId, a.resourceId)
                && details.equals(a.details) && timestamp.equals(a.timestamp) && Objects.equals(ipAddress, a.ipAddress)
                && Objects.equals(userAgent, a.userAgent) && Objects.equals(failureReason, a.failureReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facilityId, userId, userEmail, action, resourceType, resourceId, details, timestamp,
                ipAddress, userAgent, success, failureReason);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + timestamp + " " + action + " " + (resourceType == null ? "" : resourceType + "/" + resourceId)
                + " user=" + userId + " success=" + success + "]";
    }

    /** Mutable assembly; {@link #build()} validates. Defaults: success = true, no details. */
    public static final class Builder {
        private FacilityId facilityId;
        private UserId userId;
        private String userEmail;
        private String action;
        private String resourceType;
        private UUID resourceId;
        private JsonObject details = JsonObject.empty();
        private Instant timestamp;
        private String ipAddress;
        private String userAgent;
        private boolean success = true;
        private String failureReason;

        private Builder() {
        }

        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder userId(UserId userId) { this.userId = userId; return this; }
        public Builder userEmail(String userEmail) { this.userEmail = userEmail; return this; }
        public Builder action(String action) { this.action = action; return this; }
        public Builder resourceType(String resourceType) { this.resourceType = resourceType; return this; }
        public Builder resourceId(UUID resourceId) { this.resourceId = resourceId; return this; }
        /** Text-valued details: keys not blank, values not null. */
        public Builder details(Map<String, String> details) {
            this.details = JsonObject.of(DomainChecks.details(E, "details", details), E, "details");
            return this;
        }
        /** Any JSON object within {@link JsonObject}'s limits; null means empty. */
        public Builder detailsJson(JsonObject details) { this.details = details; return this; }
        public Builder timestamp(Instant timestamp) { this.timestamp = timestamp; return this; }
        public Builder ipAddress(String ipAddress) { this.ipAddress = ipAddress; return this; }
        public Builder userAgent(String userAgent) { this.userAgent = userAgent; return this; }
        public Builder success(boolean success) { this.success = success; return this; }
        public Builder failureReason(String failureReason) { this.failureReason = failureReason; return this; }
        /** Shorthand for a failed action: success = false with its reason. */
        public Builder failed(String reason) { this.success = false; this.failureReason = reason; return this; }

        public AuditEntry build() {
            return new AuditEntry(this);
        }
    }
}
