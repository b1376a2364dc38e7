package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.TvmAdministration}: facilities are created and found; telemetry retention removes
 * every sample older than the given month and keeps newer ones (dropping monthly partitions and reporting their names
 * in ascending order with {@link Capability#PARTITIONED_TELEMETRY}, deleting rows and returning an empty list without
 * it); partition creation is idempotent and validated; GDPR anonymisation rewrites exactly the residents soft-deleted
 * before the cutoff, keeps ids, facility and deletion time, and is idempotent; permission grants and revokes change the
 * global catalogue immediately and idempotently. Global changes made here are undone before each test ends; retention
 * only touches months at least two months in the past.
 *
 * <p>Capabilities: {@link Capability#PARTITIONED_TELEMETRY} selects which retention variant runs (the other is shown
 * as skipped).
 */
public abstract class AdministrationContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static YearMonth currentMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    private static Instant middleOf(YearMonth month) {
        return month.atDay(10).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    /** Writes samples four months ago and one minute ago; returns {old..., recent}. */
    private List<TelemetrySample> oldAndRecentTelemetry(FacilityWorld w, Instant now) {
        YearMonth old = currentMonth().minusMonths(4);
        subject().administration().ensureTelemetryPartitions(old, old);
        List<TelemetrySample> samples = new ArrayList<>();
        samples.add(TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(middleOf(old)).battery(11).build());
        samples.add(TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(middleOf(old).plusSeconds(3600)).battery(12).build());
        samples.add(TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now.minusSeconds(60)).battery(13).build());
        w.run((TvmTransaction tx) -> tx.telemetry().append(samples));
        return samples;
    }

    private List<TelemetrySample> allTelemetry(FacilityWorld w) {
        return w.inTransaction((TvmTransaction tx) -> tx.telemetry().range(w.vehicleId(0), WINDOW_START, WINDOW_END, 1000));
    }

    @Test
    void createdFacilityIsFoundWithEveryField() {
        Instant now = baseNow();
        Facility facility = TvmTestData.facility().at(now).build();

        subject().administration().createFacility(facility);

        assertThat(subject().administration().findFacility(facility.id())).contains(facility);
    }

    @Test
    void retentionRemovesTelemetryOlderThanTheMonthAndKeepsNewer() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<TelemetrySample> samples = oldAndRecentTelemetry(w, now);
        assertThat(allTelemetry(w)).hasSize(3);

        subject().administration().dropTelemetryPartitionsBefore(currentMonth().minusMonths(2));

        assertThat(allTelemetry(w)).containsExactly(samples.get(2));
    }

    @Test
    void retentionKeepsTelemetryOfTheGivenMonth() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<TelemetrySample> samples = oldAndRecentTelemetry(w, now);

        subject().administration().dropTelemetryPartitionsBefore(currentMonth().minusMonths(5));

        assertThat(allTelemetry(w)).containsExactlyInAnyOrderElementsOf(samples);
    }

    /**
     * What retention reports depends on the declared storage, and both are contract: with
     * PARTITIONED_TELEMETRY whole monthly partitions are dropped and named (ascending, each once);
     * without it rows are deleted and no partition is named. Either way the old rows are gone.
     */
    @Test
    void retentionReportsTheDroppedPartitionsOrNoneForRowStorage() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        boolean partitioned = subject().capabilities().contains(Capability.PARTITIONED_TELEMETRY);
        if (partitioned) {
            YearMonth older = currentMonth().minusMonths(5);
            subject().administration().ensureTelemetryPartitions(older, older);
        }
        List<TelemetrySample> samples = oldAndRecentTelemetry(w, now);

        List<String> dropped = subject().administration().dropTelemetryPartitionsBefore(currentMonth().minusMonths(2));

        if (partitioned) {
            assertThat(dropped).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
            assertThat(subject().administration().dropTelemetryPartitionsBefore(currentMonth().minusMonths(2))).isEmpty();
        } else {
            assertThat(dropped).isEmpty();
        }
        assertThat(allTelemetry(w)).containsExactly(samples.get(2));
    }

    @Test
    void ensuringPartitionsIsIdempotentAndValidatesTheRange() {
        YearMonth month = currentMonth().plusMonths(2);

        assertThatCode(() -> {
            subject().administration().ensureTelemetryPartitions(month, month.plusMonths(1));
            subject().administration().ensureTelemetryPartitions(month, month.plusMonths(1));
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> subject().administration().ensureTelemetryPartitions(month.plusMonths(1), month))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anonymisationRewritesResidentsDeletedBeforeTheCutoff() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident full = TvmTestData.resident(w.facilityId()).allFields().dateOfBirth(LocalDate.of(1938, 7, 23)).at(now).build();
        Resident recent = TvmTestData.resident(w.facilityId()).allFields().at(now).build();
        Instant longAgo = now.minus(Duration.ofDays(40));
        w.run((TvmTransaction tx) -> {
            tx.residents().insert(full);
            tx.residents().insert(recent);
            tx.residents().softDelete(full.id(), longAgo);
            tx.residents().softDelete(recent.id(), now.minusSeconds(60));
        });

        int count = subject().administration().anonymiseResidentsDeletedBefore(now.minus(Duration.ofDays(1)));

        assertThat(count).isGreaterThanOrEqualTo(1);
        Resident anonymised = w.inTransaction((TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(full.id()).orElseThrow());
        assertThat(anonymised.id()).isEqualTo(full.id());
        assertThat(anonymised.facilityId()).isEqualTo(w.facilityId());
        assertThat(anonymised.deletedAt()).isEqualTo(longAgo);
        assertThat(anonymised.firstName()).isEqualTo("Deleted");
        assertThat(anonymised.lastName()).isEqualTo("User #" + full.id());
        assertThat(anonymised.dateOfBirth()).isEqualTo(LocalDate.of(1938, 1, 1));
        assertThat(anonymised.phone()).isNull();
        assertThat(anonymised.emergencyContactName()).isNull();
        assertThat(anonymised.emergencyContactPhone()).isNull();
        assertThat(anonymised.medicalNotes()).isNull();
        assertThat(anonymised.photoUrl()).isNull();
        Resident untouched = w.inTransaction((TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(recent.id()).orElseThrow());
        assertThat(untouched.firstName()).isEqualTo(recent.firstName());
        assertThat(untouched.medicalNotes()).isEqualTo(recent.medicalNotes());
        assertThat(untouched.phone()).isEqualTo(PhoneNumber.of("+4930123456789"));
    }

    @Test
    void anonymisationIsIdempotentAndSparesLivingResidents() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident living = TvmTestData.resident(w.facilityId()).medicalNotes("keep me").at(now).build();
        Resident gone = TvmTestData.resident(w.facilityId()).medicalNotes("forget me").at(now).build();
        w.run((TvmTransaction tx) -> {
            tx.residents().insert(living);
            tx.residents().insert(gone);
            tx.residents().softDelete(gone.id(), now.minus(Duration.ofDays(10)));
        });

        int first = subject().administration().anonymiseResidentsDeletedBefore(now.minus(Duration.ofDays(5)));
        int second = subject().administration().anonymiseResidentsDeletedBefore(now.minus(Duration.ofDays(5)));

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        w.run((TvmTransaction tx) -> {
            Resident livingRead = tx.residents().findById(living.id()).orElseThrow();
            assertThat(livingRead).isEqualTo(living);
            assertThat(livingRead.medicalNotes()).isEqualTo(SensitiveText.of("keep me"));
            Resident goneRead = tx.residents().findByIdIncludingDeleted(gone.id()).orElseThrow();
            assertThat(goneRead.medicalNotes()).isNull();
            assertThat(goneRead.firstName()).isEqualTo("Deleted");
        });
    }

    @Test
    void refreshingTheMissionSummaryWorks() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        w.run((TvmTransaction tx) -> tx.missions().insert(
                TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(now).build()));

        assertThatCode(() -> {
            subject().administration().refreshMissionSummary();
            subject().administration().refreshMissionSummary();
        }).doesNotThrowAnyException();
    }

    @Test
    void grantedPermissionIsEffectiveImmediatelyAndRevokeRemovesIt() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        Permission probe = Permission.of("contract_" + TvmTestData.randomLetters(10), "probe");
        try {
            subject().administration().grantPermission(RoleName.GUEST, probe);
            subject().administration().grantPermission(RoleName.GUEST, probe);

            w.run((TvmTransaction tx) -> {
                assertThat(tx.accessControl().permissionsOf(RoleName.GUEST)).contains(probe);
                assertThat(tx.accessControl().permissionsOf(RoleName.NURSE)).doesNotContain(probe);
                assertThat(tx.accessControl().hasPermission(w.userId(RoleName.GUEST), probe)).isTrue();
            });

            subject().administration().revokePermission(RoleName.GUEST, probe);
            subject().administration().revokePermission(RoleName.GUEST, probe);

            w.run((TvmTransaction tx) -> {
                assertThat(tx.accessControl().permissionsOf(RoleName.GUEST)).doesNotContain(probe);
                assertThat(tx.accessControl().hasPermission(w.userId(RoleName.GUEST), probe)).isFalse();
            });
        } finally {
            subject().administration().revokePermission(RoleName.GUEST, probe);
        }
    }

    @Test
    void revokingASeededGrantTakesEffectAndGrantingRestoresIt() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        Permission dashboard = Permission.parse("dashboard:read");
        try {
            subject().administration().revokePermission(RoleName.GUEST, dashboard);

            assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(w.userId(RoleName.GUEST), dashboard)))
                    .isFalse();
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(w.userId(RoleName.NURSE), dashboard)))
                    .isTrue();
        } finally {
            subject().administration().grantPermission(RoleName.GUEST, dashboard);
        }
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(w.userId(RoleName.GUEST), dashboard)))
                .isTrue();
    }
}
