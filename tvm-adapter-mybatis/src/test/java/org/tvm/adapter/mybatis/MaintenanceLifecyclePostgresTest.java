package org.tvm.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.maintenance.ArchivedMission;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;

/**
 * The data lifecycle end to end on PostgreSQL: 15 simulated months of telemetry, vehicle logs, missions and audit
 * entries, with maintenance run by a simulated monthly "cron" (so partitions exist before data arrives), then a final
 * run that is interrupted once and rerun. Proves: every row past retention is gone or archived (and readable from the
 * archive), every row inside retention is untouched, partitions exist ahead, and the status is healthy.
 *
 * <p>Runs in the shared test database with simulated dates in 2011-2012, where no other test keeps data.
 */
class MaintenanceLifecyclePostgresTest {

    private static final Instant START = Instant.parse("2011-01-01T00:00:00Z");
    private static final int MONTHS = 15;
    /** A deployment's overrides, short enough that 15 months exercise every kind of retention. */
    private static final RetentionPolicy POLICY = RetentionPolicy.defaults().withMissions(java.time.Period.ofMonths(6))
            .withAudit(java.time.Period.ofMonths(3)).withResidentAnonymisation(java.time.Period.ofMonths(6)).withBatchSize(3);

    private final JdbcPersistenceUnderTest subject = MyBatisSubject.postgres();

    private TvmMaintenance maintenance(Instant now) {
        return subject.maintenance(Clock.fixed(now, ZoneOffset.UTC)).orElseThrow();
    }

    private static Instant month(int i, int day, int hour) {
        return ZonedDateTime.ofInstant(START, ZoneOffset.UTC).plusMonths(i).withDayOfMonth(day).withHour(hour).toInstant();
    }

    @Test
    void fifteenMonthsKeepExactlyWhatIsInsideRetention() {
        FacilityWorld w = FacilityWorld.create(subject, START.minus(Duration.ofDays(1)));
        VehicleId vehicle = w.vehicleId(0);
        UserId operator = w.userId(RoleName.OPERATOR);
        UUID auditResource = UUID.randomUUID();
        List<TelemetrySample> samples = new ArrayList<>();
        List<VehicleLogEntry> logs = new ArrayList<>();
        List<Finished> finished = new ArrayList<>();
        List<AuditEntry> audits = new ArrayList<>();

        for (int i = 0; i < MONTHS; i++) {
            try (TvmMaintenance cron = maintenance(month(i, 1, 2))) {   // the nightly job, once a month here
                assertThat(cron.run(POLICY).outcome()).isEqualTo(MaintenanceReport.Outcome.SUCCEEDED);
            }
            List<TelemetrySample> monthSamples = new ArrayList<>();
            List<VehicleLogEntry> monthLogs = new ArrayList<>();
            for (int day = 2; day <= 28; day += 6) {
                monthSamples.add(TvmTestData.telemetry(w.facilityId(), vehicle).at(month(i, day, 10)).build());
                monthLogs.add(TvmTestData.vehicleLog(w.facilityId(), vehicle).at(month(i, day, 11)).build());
            }
            AuditEntry audit = TvmTestData.auditEntry(w.facilityId()).resource("mission", auditResource)
                    .at(month(i, 15, 9)).build();
            w.run((TvmTransaction tx) -> {
                tx.telemetry().append(monthSamples);
                tx.vehicles().appendLogs(monthLogs);
                tx.audit().append(audit);
            });
            samples.addAll(monthSamples);
            logs.addAll(monthLogs);
            audits.add(audit);
            finished.add(completed(w, month(i, 10, 8), vehicle, operator));
            finished.add(cancelled(w, month(i, 20, 8)));
        }

        Instant end = month(MONTHS, 1, 2);
        // the final run is killed once after its first archived batch, then run again
        try (TvmMaintenance m = maintenance(end)) {
            AtomicBoolean crashed = new AtomicBoolean();
            MaintenanceReport killed = m.run(POLICY, false, new MaintenanceListener() {
                @Override
                public void batchCommitted(MaintenanceStep step, long rows) {
                    if (step == MaintenanceStep.MISSION_ARCHIVE && crashed.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            });
            assertThat(killed.outcome()).isEqualTo(MaintenanceReport.Outcome.FAILED);
            MaintenanceReport rerun = m.run(POLICY);
            assertThat(rerun.outcome()).isEqualTo(MaintenanceReport.Outcome.SUCCEEDED);

            Instant telemetryCutoff = end.minus(POLICY.telemetry());
            Instant logCutoff = end.minus(POLICY.vehicleLogs());
            Instant missionCutoff = end.atOffset(ZoneOffset.UTC).minus(POLICY.missions()).toInstant();
            int keepAuditFrom = end.atOffset(ZoneOffset.UTC).minus(POLICY.audit()).getYear();

            List<TelemetrySample> keptSamples = samples.stream().filter(s -> !s.timestamp().isBefore(telemetryCutoff)).toList();
            assertThat(keptSamples).isNotEmpty().hasSizeLessThan(samples.size());
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.telemetry().range(vehicle, START, end, 1000)))
                    .containsExactlyInAnyOrderElementsOf(keptSamples);
            List<VehicleLogEntry> keptLogs = logs.stream().filter(l -> !l.loggedAt().isBefore(logCutoff)).toList();
            assertThat(keptLogs).isNotEmpty().hasSizeLessThan(logs.size());
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().logs(vehicle, START, end, 1000)))
                    .containsExactlyInAnyOrderElementsOf(keptLogs);

            int archived = 0;
            for (Finished f : finished) {
                Mission mission = f.mission();
                Instant finishedAt = f.at();
                var live = w.inTransaction((TvmTransaction tx) -> tx.missions().findByIdIncludingDeleted(mission.id()));
                if (finishedAt.isBefore(missionCutoff)) {
                    assertThat(live).as("past retention: %s", finishedAt).isEmpty();
                    ArchivedMission a = m.archivedMission(mission.id()).orElseThrow();
                    assertThat(a.finishedAt()).isEqualTo(finishedAt);
                    assertThat(m.archivedMissions(w.facilityId(), YearMonth.from(finishedAt.atOffset(ZoneOffset.UTC))))
                            .extracting(ArchivedMission::missionId).contains(mission.id());
                    // completed: created, assigned, started, every progress step, completed; cancelled: created, cancelled
                    assertThat(a.eventCount()).isEqualTo(mission.completedAt() != null ? 4 + ProgressStep.values().length : 2);
                    archived++;
                } else {
                    assertThat(live).as("inside retention: %s", finishedAt).contains(mission);
                    assertThat(m.archivedMission(mission.id())).isEmpty();
                }
            }
            assertThat(archived).isPositive().isLessThan(finished.size());

            List<AuditEntry> keptAudit = audits.stream().filter(a -> a.timestamp().atOffset(ZoneOffset.UTC).getYear() >= keepAuditFrom)
                    .toList();
            assertThat(keptAudit).isNotEmpty().hasSizeLessThan(audits.size());
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.audit().byResource("mission", auditResource,
                    PageRequest.first(100)).items())).containsExactlyElementsOf(keptAudit);

            MaintenanceStatus status = m.status(POLICY);
            YearMonth endMonth = YearMonth.from(end.atOffset(ZoneOffset.UTC));
            assertThat(status.telemetryReadyThrough()).get().matches(r -> !r.isBefore(endMonth.plusMonths(3)));
            assertThat(status.auditPartitions()).contains("audit_logs_" + (endMonth.getYear() + 1))
                    .doesNotContain("audit_logs_" + (keepAuditFrom - 1));
            assertThat(status.telemetryPartitions()).allMatch(p -> p.compareTo(String.format("telemetry_%04d_%02d",
                    YearMonth.from(telemetryCutoff.atOffset(ZoneOffset.UTC)).getYear(),
                    YearMonth.from(telemetryCutoff.atOffset(ZoneOffset.UTC)).getMonthValue())) >= 0);
            assertThat(status.backlog().values()).allMatch(n -> n == 0);
            assertThat(status.attention()).isEmpty();
        }
    }

    /** A finished mission and when it finished (the domain's time: the database stamps updated_at itself). */
    private record Finished(Mission mission, Instant at) {
    }

    private static Finished completed(FacilityWorld w, Instant at, VehicleId vehicle, UserId operator) {
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(2), operator).at(at).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        Mission m = apply(w, created.mission().assign(vehicle, at.plusSeconds(60), operator));
        m = apply(w, m.start(at.plusSeconds(120), operator));
        int second = 300;
        for (ProgressStep step : ProgressStep.values()) {
            m = apply(w, m.recordProgress(step, at.plusSeconds(second), null));
            second += 100;
        }
        return new Finished(apply(w, m.complete(at.plusSeconds(900), operator)), at.plusSeconds(900));
    }

    private static Finished cancelled(FacilityWorld w, Instant at) {
        UserId nurse = w.userId(RoleName.NURSE);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(2), nurse).at(at).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return new Finished(apply(w, created.mission().cancel("not needed", at.plusSeconds(300), nurse)), at.plusSeconds(300));
    }

    private static Mission apply(FacilityWorld w, MissionTransition t) {
        return w.inTransaction((TvmTransaction tx) -> tx.missions().apply(t));
    }
}
