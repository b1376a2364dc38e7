package org.tvm.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.TestData;

class AuditEntryTest {

    private static AuditEntry.Builder entry() {
        return AuditEntry.builder().facilityId(TestData.FACILITY).userId(TestData.USER).userEmail("nurse@example.org")
                .action("mission_create").resourceType("mission").resourceId(UUID.randomUUID())
                .details(Map.of("new_status", "pending")).timestamp(NOW.plusNanos(9)).ipAddress("2001:DB8::1")
                .userAgent("Mozilla/5.0");
    }

    @Test
    void validEntryRoundTrips() {
        AuditEntry e = entry().build();
        assertThat(e.timestamp()).isEqualTo(NOW);
        assertThat(e.ipAddress()).isEqualTo("2001:db8::1");
        assertThat(e.success()).isTrue();
        assertThat(e.failureReason()).isNull();
        assertThat(e.toBuilder().build()).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(e.toString()).contains("mission_create");
        AuditEntry system = AuditEntry.builder().action("retention_run").timestamp(NOW).build();
        assertThat(system.facilityId()).isNull();
        assertThat(system.userId()).isNull();
        assertThat(system.details()).isEmpty();
    }

    @Test
    void failureReasonRequiredExactlyWhenFailed() {
        AuditEntry failed = entry().failed("unauthorized").build();
        assertThat(failed.success()).isFalse();
        assertThat(failed.failureReason()).isEqualTo("unauthorized");
        assertInvalid(() -> entry().success(false).build(), "AuditEntry", "failureReason");
        assertInvalid(() -> entry().success(false).failureReason(" ").build(), "AuditEntry", "failureReason");
        assertInvalid(() -> entry().failureReason("x").build(), "AuditEntry", "failureReason");
    }

    @Test
    void fieldRules() {
        assertInvalid(() -> entry().action(null).build(), "AuditEntry", "action");
        assertInvalid(() -> entry().action("").build(), "AuditEntry", "action");
        assertInvalid(() -> entry().action("a".repeat(101)).build(), "AuditEntry", "action");
        assertThat(entry().action("a".repeat(100)).build().action()).hasSize(100);
        assertInvalid(() -> entry().resourceType("r".repeat(51)).build(), "AuditEntry", "resourceType");
        assertInvalid(() -> entry().userEmail("e".repeat(256)).build(), "AuditEntry", "userEmail");
        assertThat(entry().userEmail("not-an-email").build().userEmail()).isEqualTo("not-an-email");
        assertInvalid(() -> entry().timestamp(null).build(), "AuditEntry", "timestamp");
        assertInvalid(() -> entry().ipAddress("example.org").build(), "AuditEntry", "ipAddress");
        assertThat(entry().ipAddress(null).build().ipAddress()).isNull();
        assertInvalid(() -> entry().userAgent("").build(), "AuditEntry", "userAgent");
    }

    @Test
    void dataAccessEntry() {
        DataAccessEntry e = new DataAccessEntry(TestData.FACILITY, null, TestData.RESIDENT, DataAccessType.READ, NOW.plusNanos(1));
        assertThat(e.accessedAt()).isEqualTo(NOW);
        assertThat(e.userId()).isNull();
        assertInvalid(() -> new DataAccessEntry(null, null, TestData.RESIDENT, DataAccessType.READ, NOW), "DataAccessEntry", "facilityId");
        assertInvalid(() -> new DataAccessEntry(TestData.FACILITY, null, null, DataAccessType.READ, NOW), "DataAccessEntry", "residentId");
        assertInvalid(() -> new DataAccessEntry(TestData.FACILITY, null, TestData.RESIDENT, null, NOW), "DataAccessEntry", "accessType");
        assertInvalid(() -> new DataAccessEntry(TestData.FACILITY, null, TestData.RESIDENT, DataAccessType.EXPORT, null), "DataAccessEntry", "accessedAt");
    }
}
