package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.audit.AuditChain;
import org.tvm.domain.audit.AuditChainKey;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.ChainBreak;
import org.tvm.domain.audit.ChainCheckpoint;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.AuditTrail;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * {@link AuditTrail}: a facility's audit and data-access entries form one intact hash chain whatever wrote them;
 * sealing signs the head; checkpoints made with an unknown key are reported; system events have their own chain.
 * (Tampering with stored rows needs raw database access: see the adapters' tamper matrix tests.)
 */
public abstract class AuditTrailContract {

    private static final AuditChainKey KEY = AuditChainKey.of("contract-1",
            "contract key of thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private static final AuditChainKey OTHER = AuditChainKey.of("contract-2",
            "another key, also 32 bytes long!".getBytes(StandardCharsets.UTF_8));

    protected abstract PersistenceUnderTest subject();

    private AuditTrail trail(AuditChainKey current, AuditChainKey... retired) {
        return subject().administration().auditTrail(current, retired);
    }

    /** A facility with explicit audit entries and resident reads (data-access entries) by a nurse. */
    private FacilityWorld activity() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        w.run((TvmTransaction tx) -> {
            tx.audit().append(TvmTestData.auditEntry(w.facilityId()).user(w.userId(RoleName.NURSE), null).at(now).build());
            tx.audit().append(TvmTestData.auditEntry(w.facilityId()).at(now.plusSeconds(1)).build());
        });
        subject().persistence().run(w.contextOf(RoleName.NURSE), tx -> {
            tx.residents().findById(w.residentId(0));
            tx.residents().findById(w.residentId(1));
        });
        return w;
    }

    @Test
    void aFacilitysEntriesFormOneIntactChain() {
        FacilityWorld w = activity();
        ChainVerification v = trail(KEY).verify(w.facilityId().value());
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.auditEntries()).isGreaterThanOrEqualTo(2);
        assertThat(v.accessEntries()).isGreaterThanOrEqualTo(2);
        assertThat(v.lastSeq()).isEqualTo(v.rowsChecked());
    }

    /**
     * An audited change's entry is readable from its commit on and joins the chain when the administration links the
     * waiting entries (PostgreSQL keeps the triggers' entries waiting until then; elsewhere they are linked when
     * written): a second link finds nothing, and what the repositories read does not change.
     */
    @Test
    void waitingEntriesAreReadableAtOnceAndLinkedExactlyOnce() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = TvmTestData.resident(w.facilityId()).at(now).build();
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.residents().insert(r);
            return null;
        });
        List<AuditEntry> before = w.inTransaction((TvmTransaction tx) ->
                tx.audit().byResource("resident", r.id().value(), PageRequest.first(10)).items());
        assertThat(before).extracting(AuditEntry::action).containsExactly("resident.create");

        assertThat(subject().administration().linkWaitingAuditEntries()).isNotNegative();
        assertThat(subject().administration().linkWaitingAuditEntries()).isZero();
        assertThat(w.inTransaction((TvmTransaction tx) ->
                tx.audit().byResource("resident", r.id().value(), PageRequest.first(10)).items())).isEqualTo(before);
        ChainVerification v = trail(KEY).verify(w.facilityId().value());
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.lastSeq()).isEqualTo(v.rowsChecked());
    }

    @Test
    void anUnknownChainIsIntactAndEmpty() {
        ChainVerification v = trail(KEY).verify(UUID.randomUUID());
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isZero();
        assertThat(trail(KEY).seal(UUID.randomUUID(), Instant.now())).isEmpty();
    }

    @Test
    void sealingSignsTheHeadOnceAndLaterEntriesExtendTheChain() {
        FacilityWorld w = activity();
        UUID chain = w.facilityId().value();
        ChainCheckpoint cp = trail(KEY).seal(chain, Instant.now()).orElseThrow();
        assertThat(cp.signedBy(KEY)).isTrue();
        assertThat(cp.seq()).isEqualTo(trail(KEY).verify(chain).lastSeq());
        assertThat(trail(KEY).seal(chain, Instant.now())).contains(cp);

        subject().persistence().run(w.contextOf(RoleName.NURSE), tx -> tx.residents().findById(w.residentId(0)));
        ChainVerification after = trail(KEY).verify(chain);
        assertThat(after.intact()).as(after.toString()).isTrue();
        assertThat(after.checkpointsChecked()).isEqualTo(1);
        assertThat(after.lastSeq()).isGreaterThan(cp.seq());
    }

    @Test
    void checkpointsOfAnUnknownKeyAreReportedAndRetiredKeysStillVerify() {
        FacilityWorld w = activity();
        UUID chain = w.facilityId().value();
        trail(OTHER).seal(chain, Instant.now()).orElseThrow();

        ChainVerification withoutIt = trail(KEY).verify(chain);
        assertThat(withoutIt.firstBreak()).get().extracting(ChainBreak::reason)
                .isEqualTo(ChainBreak.Reason.FORGED_CHECKPOINT);
        assertThat(trail(KEY, OTHER).verify(chain).intact()).isTrue();

        // rotating to KEY: the next seal is signed with it and the rotation is a system event
        subject().persistence().run(w.contextOf(RoleName.NURSE), tx -> tx.residents().findById(w.residentId(0)));
        long systemBefore = trail(KEY).verify(AuditChain.SYSTEM_CHAIN).auditEntries();
        assertThat(trail(KEY, OTHER).seal(chain, Instant.now())).get().extracting(ChainCheckpoint::keyId)
                .isEqualTo(KEY.keyId());
        assertThat(trail(KEY, OTHER).verify(chain).intact()).isTrue();
        assertThat(trail(KEY).verify(AuditChain.SYSTEM_CHAIN).auditEntries()).isGreaterThan(systemBefore);
    }

    @Test
    void systemEventsHaveTheirOwnVerifiableChain() {
        AuditTrail trail = trail(KEY);
        AuditEntry event = AuditEntry.builder().action("system.key_rotation").resourceType("audit_chain")
                .details(java.util.Map.of("key_id", KEY.keyId())).timestamp(Instant.now()).build();
        long before = trail.verify(AuditChain.SYSTEM_CHAIN).auditEntries();
        trail.recordSystemEvent(event);
        ChainVerification v = trail.verify(AuditChain.SYSTEM_CHAIN);
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.auditEntries()).isGreaterThan(before);
        assertThatThrownBy(() -> trail.recordSystemEvent(event.toBuilder()
                .facilityId(org.tvm.domain.facility.FacilityId.newId()).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMaintenanceRunIsASystemEventADryRunIsNot() {
        Assumptions.assumeTrue(subject().maintenance(Clock.systemUTC()).isPresent(),
                subject().name() + " declares no maintenance job");
        // a clock years in the past, as in MaintenanceContract: nothing written at the real "now" is past retention
        TvmMaintenance maintenance = subject().maintenance(
                Clock.fixed(MaintenanceContract.T0, ZoneOffset.UTC)).orElseThrow();
        RetentionPolicy policy = RetentionPolicy.defaults();
        AuditTrail trail = trail(KEY);
        long before = trail.verify(AuditChain.SYSTEM_CHAIN).auditEntries();

        maintenance.run(policy, true, MaintenanceListener.NONE);
        assertThat(trail.verify(AuditChain.SYSTEM_CHAIN).auditEntries()).as("a dry run changes nothing").isEqualTo(before);

        MaintenanceReport run = maintenance.run(policy, false,
                MaintenanceListener.NONE);
        assertThat(run.outcome()).isEqualTo(MaintenanceReport.Outcome.SUCCEEDED);
        ChainVerification v = trail.verify(AuditChain.SYSTEM_CHAIN);
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.auditEntries()).as("one system event per run").isEqualTo(before + 1);
        assertThat(run.systemEventDetails()).containsEntry("run", Long.toString(run.runId()))
                .containsEntry("outcome", "succeeded");
    }
}
