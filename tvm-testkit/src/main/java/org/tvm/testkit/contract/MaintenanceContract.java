package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.maintenance.ArchivedMission;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceReport.Outcome;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link TvmMaintenance}: one run removes exactly what is past the retention policy (telemetry, vehicle
 * logs, finished missions into the verified archive, residents anonymised, audit whole yearly partitions) and nothing
 * inside it; it is idempotent; a dry run changes nothing; a second runner is skipped while the first holds the lock;
 * an interrupted run is finished by the next with nothing lost and nothing done twice; runs are recorded; the status
 * reports backlog and what needs attention; the in-process schedule runs it.
 *
 * <p>Maintenance works across all facilities of the shared test database, so every test drives it with a simulated
 * clock years in the past ({@link #T0} and later) and data placed relative to that clock: rows of other tests (at the
 * real "now") are never past retention for these clocks. Capabilities: needs {@link PersistenceUnderTest#maintenance};
 * audit partition retention needs {@link Capability#PARTITIONED_TELEMETRY} (partitioned databases).
 */
public abstract class MaintenanceContract {

    /** The simulated "now" of most tests: far enough in the past that real-time data is never touched. */
    static final Instant T0 = Instant.parse("2004-06-15T02:00:00Z");

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private TvmMaintenance maintenance(Instant now) {
        return subject().maintenance(Clock.fixed(now, ZoneOffset.UTC)).orElseThrow(() -> new IllegalStateException(
                subject().name() + " has no maintenance"));
    }

    private void requireMaintenance() {
        Assumptions.assumeTrue(subject().maintenance(Clock.systemUTC()).isPresent(),
                subject().name() + " declares no maintenance job");
    }

    @Test
    void runRemovesExactlyWhatIsPastRetentionAndIsIdempotent() {
        requireMaintenance();
        AgedFacility data = new AgedFacility(subject(), T0, 2);
        try (TvmMaintenance m = maintenance(T0)) {
            MaintenanceReport first = m.run(RetentionPolicy.defaults());

            assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(first.steps()).extracting(s -> s.step()).containsExactly(MaintenanceStep.values());
            assertThat(first.step(MaintenanceStep.VEHICLE_LOG_RETENTION).rows()).isGreaterThanOrEqualTo(1);
            assertThat(first.step(MaintenanceStep.MISSION_ARCHIVE).rows()).isGreaterThanOrEqualTo(2);
            assertThat(first.step(MaintenanceStep.RESIDENT_ANONYMISATION).rows()).isGreaterThanOrEqualTo(1);
            data.assertRetentionApplied(m);

            MaintenanceReport again = m.run(RetentionPolicy.defaults());
            assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
            for (MaintenanceStep step : List.of(MaintenanceStep.TELEMETRY_RETENTION, MaintenanceStep.VEHICLE_LOG_RETENTION,
                    MaintenanceStep.MISSION_ARCHIVE, MaintenanceStep.RESIDENT_ANONYMISATION, MaintenanceStep.TELEMETRY_PARTITIONS,
                    MaintenanceStep.AUDIT_PARTITIONS)) {
                assertThat(again.step(step).rows()).as(step.code()).isZero();
                assertThat(again.step(step).partitions()).as(step.code()).isEmpty();
            }
            data.assertRetentionApplied(m);
            assertThat(m.archivedMissions(data.w.facilityId(), YearMonth.from(
                    m.archivedMission(data.oldMissions.get(0)).orElseThrow().finishedAt().atOffset(ZoneOffset.UTC))))
                    .extracting(ArchivedMission::missionId).contains(data.oldMissions.get(0));
        }
    }

    @Test
    void dryRunPlansWithoutChangingAnything() {
        requireMaintenance();
        Instant now = T0.plus(Duration.ofDays(3));
        AgedFacility data = new AgedFacility(subject(), now, 1);
        try (TvmMaintenance m = maintenance(now)) {
            int runsBefore = m.lastRuns(1000).size();
            MaintenanceReport plan = m.run(RetentionPolicy.defaults(), true, MaintenanceListener.NONE);

            assertThat(plan.outcome()).isEqualTo(Outcome.DRY_RUN);
            assertThat(plan.runId()).isZero();
            assertThat(plan.step(MaintenanceStep.VEHICLE_LOG_RETENTION).rows()).isGreaterThanOrEqualTo(1);
            assertThat(plan.step(MaintenanceStep.MISSION_ARCHIVE).rows()).isGreaterThanOrEqualTo(1);
            assertThat(plan.step(MaintenanceStep.RESIDENT_ANONYMISATION).rows()).isGreaterThanOrEqualTo(1);
            assertThat(plan.steps()).allSatisfy(s -> assertThat(s.detail()).isNotBlank());
            assertThat(data.telemetry()).containsExactlyInAnyOrder(data.oldSample, data.freshSample);
            assertThat(data.logs()).hasSize(2);
            assertThat(data.missionExists(data.oldMissions.get(0))).isTrue();
            assertThat(data.resident(data.longDeleted).firstName()).isEqualTo(data.longDeleted.firstName());
            assertThat(m.lastRuns(1000)).hasSize(runsBefore);
            m.run(RetentionPolicy.defaults());
            data.assertRetentionApplied(m);
        }
    }

    @Test
    void aSecondRunnerIsSkippedWhileTheFirstHoldsTheLock() throws Exception {
        requireMaintenance();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TvmMaintenance first = maintenance(T0); TvmMaintenance second = maintenance(T0)) {
            CompletableFuture<MaintenanceReport> running = CompletableFuture.supplyAsync(() ->
                    first.run(RetentionPolicy.defaults(), false, new MaintenanceListener() {
                        @Override
                        public void stepStarted(MaintenanceStep step, int index, int total) {
                            if (index == 0) {
                                inside.countDown();
                                await(release);
                            }
                        }
                    }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            MaintenanceReport skipped = second.run(RetentionPolicy.defaults());
            MaintenanceReport skippedDry = second.run(RetentionPolicy.defaults(), true, MaintenanceListener.NONE);
            release.countDown();

            assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED_LOCKED);
            assertThat(skipped.steps()).isEmpty();
            assertThat(skippedDry.outcome()).isEqualTo(Outcome.SKIPPED_LOCKED);
            assertThat(running.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(second.run(RetentionPolicy.defaults()).outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    void anInterruptedRunIsFinishedByTheNextWithNothingLostOrDoneTwice() {
        requireMaintenance();
        Instant now = T0.plus(Duration.ofDays(6));
        AgedFacility data = new AgedFacility(subject(), now, 3);
        RetentionPolicy oneByOne = RetentionPolicy.defaults().withBatchSize(1);
        try (TvmMaintenance m = maintenance(now)) {
            // killed after the first archived mission was committed
            MaintenanceReport killed = m.run(oneByOne, false, new MaintenanceListener() {
                @Override
                public void batchCommitted(MaintenanceStep step, long rows) {
                    if (step == MaintenanceStep.MISSION_ARCHIVE) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            });
            assertThat(killed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(killed.steps().get(killed.steps().size() - 1).step()).isEqualTo(MaintenanceStep.MISSION_ARCHIVE);
            assertThat(killed.steps().get(killed.steps().size() - 1).error()).isNotNull();
            assertThat(data.oldMissions.stream().filter(id -> m.archivedMission(id).isPresent()).count()).isEqualTo(1);
            assertThat(data.oldMissions.stream().filter(data::missionExists).count()).isEqualTo(2);
            assertThat(m.lastRuns(1).get(0).outcome()).isEqualTo(Outcome.FAILED);

            // killed between two steps
            MaintenanceReport killedBetween = m.run(oneByOne, false, new MaintenanceListener() {
                @Override
                public void stepFinished(org.tvm.ports.maintenance.StepResult result) {
                    if (result.step() == MaintenanceStep.MISSION_ARCHIVE) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            });
            assertThat(killedBetween.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(killedBetween.step(MaintenanceStep.MISSION_ARCHIVE).rows()).isGreaterThanOrEqualTo(2);

            MaintenanceReport finished = m.run(oneByOne);
            assertThat(finished.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(finished.step(MaintenanceStep.MISSION_ARCHIVE).rows()).isZero();
            data.assertRetentionApplied(m);
            assertThat(m.lastRuns(3)).extracting(MaintenanceReport::outcome)
                    .containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.FAILED);
        }
    }

    @Test
    void runsAreRecordedWithTheirSteps() {
        requireMaintenance();
        Instant now = T0.plus(Duration.ofDays(9));
        try (TvmMaintenance m = maintenance(now)) {
            MaintenanceReport report = m.run(RetentionPolicy.defaults());
            MaintenanceReport recorded = m.lastRuns(1).get(0);

            assertThat(recorded.runId()).isEqualTo(report.runId()).isPositive();
            assertThat(recorded.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(recorded.startedAt()).isEqualTo(now);
            assertThat(recorded.steps()).isEqualTo(report.steps());
        }
    }

    @Test
    void statusReportsBacklogAndWhatNeedsAttention() {
        requireMaintenance();
        Instant now = T0.plus(Duration.ofDays(12));
        AgedFacility data = new AgedFacility(subject(), now, 1);
        try (TvmMaintenance m = maintenance(now)) {
            MaintenanceStatus before = m.status(RetentionPolicy.defaults());
            assertThat(before.at()).isEqualTo(now);
            assertThat(before.backlog().get(MaintenanceStep.MISSION_ARCHIVE)).isGreaterThanOrEqualTo(1);
            assertThat(before.backlog().get(MaintenanceStep.VEHICLE_LOG_RETENTION)).isGreaterThanOrEqualTo(1);
            assertThat(before.healthy()).isFalse();
            assertThat(before.attention()).anySatisfy(a -> assertThat(a).contains("past retention"));
            assertThat(before.tables()).containsKeys("telemetry", "missions", "audit_logs", "mission_archive");

            m.run(RetentionPolicy.defaults());
            MaintenanceStatus after = m.status(RetentionPolicy.defaults());
            assertThat(after.backlog().values()).allSatisfy(n -> assertThat(n).isZero());
            assertThat(after.lastRun()).get().extracting(MaintenanceReport::outcome).isEqualTo(Outcome.SUCCEEDED);
            assertThat(after.lastSuccess()).contains(now);
            assertThat(after.attention()).isEmpty();
            if (after.partitioned()) {
                YearMonth next = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1);
                assertThat(after.telemetryPartitions()).contains(String.format("telemetry_%04d_%02d", next.getYear(), next.getMonthValue()));
                assertThat(after.telemetryReadyThrough()).get().matches(mth -> !mth.isBefore(next));
            }
            data.assertRetentionApplied(m);
        }
        // three days later without a run: the silence needs attention
        try (TvmMaintenance later = maintenance(now.plus(Duration.ofDays(3)))) {
            assertThat(later.status(RetentionPolicy.defaults()).attention())
                    .anySatisfy(a -> assertThat(a).contains("more than 2 days"));
        }
    }

    @Test
    void auditIsRemovedOnlyByWholeYearlyPartitionsWithTheRestUnchanged() {
        requireMaintenance();
        Assumptions.assumeTrue(subject().capabilities().contains(Capability.PARTITIONED_TELEMETRY),
                subject().name() + " does not partition (audit retention drops whole yearly partitions only)");
        Instant y1998 = Instant.parse("1998-03-01T00:00:00Z");
        FacilityWorld w = FacilityWorld.create(subject(), y1998);
        UUID resource = UUID.randomUUID();
        try (TvmMaintenance early = maintenance(y1998)) {
            early.run(RetentionPolicy.defaults());  // creates audit_logs_1998 and audit_logs_1999
        }
        AuditEntry old = TvmTestData.auditEntry(w.facilityId()).resource("mission", resource).at(y1998.plusSeconds(5)).build();
        AuditEntry kept = TvmTestData.auditEntry(w.facilityId()).resource("mission", resource)
                .at(Instant.parse("1999-07-01T00:00:00Z")).build();
        w.run((TvmTransaction tx) -> {
            tx.audit().append(old);
            tx.audit().append(kept);
        });
        try (TvmMaintenance later = maintenance(Instant.parse("2006-02-01T00:00:00Z"))) {
            MaintenanceReport report = later.run(RetentionPolicy.defaults());
            assertThat(report.step(MaintenanceStep.AUDIT_RETENTION).partitions()).contains("audit_logs_1998")
                    .doesNotContain("audit_logs_1999");
        }
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.audit().byResource("mission", resource, PageRequest.first(10)).items()))
                .containsExactly(kept);
    }

    @Test
    void theInProcessScheduleRunsUnderTheSameLock() throws Exception {
        requireMaintenance();
        Instant now = T0.plus(Duration.ofDays(15));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (TvmMaintenance m = maintenance(now)) {
            AtomicInteger seen = new AtomicInteger();
            long before = m.lastRuns(1000).stream().filter(r -> r.startedAt().equals(now)).count();
            ScheduledFuture<?> schedule = m.schedule(executor, RetentionPolicy.defaults(), Duration.ZERO, Duration.ofMillis(50));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.get() < 2 && System.nanoTime() < deadline) {
                seen.set((int) (m.lastRuns(1000).stream().filter(r -> r.startedAt().equals(now)).count() - before));
                Thread.sleep(20);
            }
            schedule.cancel(false);
            assertThat(seen.get()).isGreaterThanOrEqualTo(2);
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
