package org.tvm.testkit.data;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityId;

/** Audit entry: action "mission.view" on a random mission id, successful, at the builder's creation instant. */
public final class AuditEntryData {
    private final AuditEntry.Builder b = AuditEntry.builder();

    AuditEntryData(FacilityId facilityId) {
        b.facilityId(facilityId).action("mission.view").resourceType("mission").resourceId(UUID.randomUUID())
                .timestamp(TvmTestData.now());
    }

    public AuditEntryData facilityId(FacilityId facilityId) { b.facilityId(facilityId); return this; }
    public AuditEntryData user(UserId userId, String email) { b.userId(userId).userEmail(email); return this; }
    public AuditEntryData action(String action) { b.action(action); return this; }
    public AuditEntryData resource(String type, UUID id) { b.resourceType(type).resourceId(id); return this; }
    public AuditEntryData at(Instant timestamp) { b.timestamp(timestamp); return this; }
    public AuditEntryData failed(String reason) { b.failed(reason); return this; }

    /**
     * Sets details, IP address and user agent to valid, non-default values. Does NOT set the user fields (set them with
     * {@link #user}) nor a failure reason (use {@link #failed}); an every-field round trip needs both entries.
     */
    public AuditEntryData allFields() {
        b.details(Map.of("reason", "routine check", "channel", "dashboard")).ipAddress("192.168.10.77")
                .userAgent("Mozilla/5.0 (TVM test)");
        return this;
    }

    public AuditEntryData with(UnaryOperator<AuditEntry.Builder> f) { f.apply(b); return this; }
    public AuditEntry build() { return b.build(); }
}
