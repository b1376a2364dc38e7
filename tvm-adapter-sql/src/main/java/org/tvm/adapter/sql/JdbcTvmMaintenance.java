package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.MissionId;
import org.tvm.migrations.SystemEvents;
import org.tvm.migrations.Vendor;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.maintenance.ArchivedMission;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceReport.Outcome;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.StepResult;
import org.tvm.ports.maintenance.TvmMaintenance;

/**
 * {@link TvmMaintenance} on plain JDBC, shared by both SQL adapters ({@code JpaTvmPersistence.maintenance},
 * {@code MyBatisTvmPersistence.maintenance} return it). Written once here rather than per adapter because every step
 * is set-based SQL or a plpgsql function over all facilities (partitions, batched deletes, the archive): there is no
 * entity to map, and an ORM would only add a session around the same statements. Resident anonymisation and the
 * summary refresh go through the adapter's {@link TvmAdministration}, so each rule stays in one place.
 *
 * <p>Runs on the administrative {@code DataSource} ({@code tvm_admin}). Thread-safe; concurrent runs are serialised
 * by the database-wide lock (see {@link TvmMaintenance}).
 */
public final class JdbcTvmMaintenance implements TvmMaintenance {

    private final MaintenanceDatabase db;
    private final TvmAdministration administration;
    private final boolean ownsAdministration;
    private final Clock clock;
    private final MaintenanceRunLog log;
    private final MissionArchiver archiver;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcTvmMaintenance(DataSource adminDataSource, TvmAdministration administration, boolean ownsAdministration,
                               Clock clock) {
        this.db = new MaintenanceDatabase(Objects.requireNonNull(adminDataSource, "adminDataSource"));
        this.administration = Objects.requireNonNull(administration, "administration");
        this.ownsAdministration = ownsAdministration;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = new MaintenanceRunLog(db);
        this.archiver = new MissionArchiver(db);
    }

    /**
     * @param adminDataSource the administrative pool ({@code tvm_admin} on PostgreSQL); not closed by {@link #close()}
     * @param administration  the adapter's administration on the same pool
     * @param ownsAdministration whether {@link #close()} closes {@code administration}
     * @param clock           "now" for cut-offs and the run record (a fixed or offset clock in tests)
     */
    public static JdbcTvmMaintenance create(DataSource adminDataSource, TvmAdministration administration,
                                            boolean ownsAdministration, Clock clock) {
        return new JdbcTvmMaintenance(adminDataSource, administration, ownsAdministration, clock);
    }

    @Override
    public MaintenanceReport run(RetentionPolicy policy, boolean dryRun, MaintenanceListener listener) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        checkOpen();
        Instant started = clock.instant();
        MaintenanceDatabase.Lock lock;
        try {
            lock = db.tryLock();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the maintenance lock (SQLState " + e.getSQLState() + ")", e);
        }
        if (lock == null) {
            return new MaintenanceReport(0, Outcome.SKIPPED_LOCKED, started, clock.instant(), List.of());
        }
        try (lock) {
            return dryRun ? plan(policy, started, listener) : runLocked(policy, started, listener);
        }
    }

    private MaintenanceReport runLocked(RetentionPolicy policy, Instant started, MaintenanceListener listener) {
        long runId;
        try {
            runId = log.start(started);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the maintenance run (SQLState " + e.getSQLState() + ")", e);
        }
        MaintenanceSteps steps = new MaintenanceSteps(db, administration, archiver, policy, started, listener);
        List<StepResult> done = new ArrayList<>();
        MaintenanceStep[] all = MaintenanceStep.values();
        for (int i = 0; i < all.length; i++) {
            listener.stepStarted(all[i], i, all.length);
            StepResult result;
            try {
                result = steps.run(all[i]);
                done.add(result);
                record(runId, done, null, null);
                listener.stepFinished(result);
            } catch (SQLException | RuntimeException e) {
                String error = errorKind(e);
                if (done.isEmpty() || done.get(done.size() - 1).step() != all[i]) {
                    done.add(new StepResult(all[i], steps.rowsSoFar(), steps.partitionsSoFar(), "failed", error));
                }
                record(runId, done, Outcome.FAILED, error);
                return recordedAsSystemEvent(new MaintenanceReport(runId, Outcome.FAILED, started, clock.instant(), done));
            }
        }
        record(runId, done, Outcome.SUCCEEDED, null);
        return recordedAsSystemEvent(new MaintenanceReport(runId, Outcome.SUCCEEDED, started, clock.instant(), done));
    }

    private MaintenanceReport plan(RetentionPolicy policy, Instant now, MaintenanceListener listener) {
        MaintenanceSteps steps = new MaintenanceSteps(db, administration, archiver, policy, now, listener);
        List<StepResult> planned = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (MaintenanceStep step : MaintenanceStep.values()) {
                planned.add(steps.plan(c, step));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plan maintenance (SQLState " + e.getSQLState() + ")", e);
        }
        return new MaintenanceReport(0, Outcome.DRY_RUN, now, clock.instant(), planned);
    }

    private void record(long runId, List<StepResult> steps, Outcome outcome, String error) {
        try {
            log.record(runId, steps, outcome, outcome == null ? null : clock.instant(), error);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the maintenance run (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Every recorded run, succeeded or failed, is a system event: the audit trail shows what retention removed. */
    private MaintenanceReport recordedAsSystemEvent(MaintenanceReport report) {
        try (Connection c = db.connect()) {
            SystemEvents.insert(c, db.postgres() ? Vendor.POSTGRESQL : Vendor.H2, MaintenanceReport.SYSTEM_EVENT_ACTION,
                    MaintenanceReport.SYSTEM_EVENT_RESOURCE, report.systemEventDetails());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("maintenance run " + report.runId() + " " + report.outcome().code()
                    + ", but its system event could not be recorded (SQLState " + e.getSQLState() + ")", e);
        }
        return report;
    }

    /** The failure's kind only: messages of driver exceptions may quote row values. */
    static String errorKind(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SQLException s) {
                return s.getClass().getSimpleName() + " (SQLState " + s.getSQLState() + ")";
            }
            t = t.getCause();
        }
        return e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("mission archive")
                ? e.getMessage() : e.getClass().getName();
    }

    @Override
    public MaintenanceStatus status(RetentionPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        checkOpen();
        Instant now = clock.instant();
        try {
            return new MaintenanceStatusReader(db, log, archiver).read(policy, now,
                    new MaintenanceSteps(db, administration, archiver, policy, now, MaintenanceListener.NONE));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the maintenance status (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public List<MaintenanceReport> lastRuns(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000 (was " + limit + ")");
        }
        checkOpen();
        try {
            return log.last(limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read maintenance runs (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public List<ArchivedMission> archivedMissions(FacilityId facilityId, YearMonth month) {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(month, "month");
        checkOpen();
        try {
            return archiver.read("facility_id = ? AND finished_at >= ? AND finished_at < ?", facilityId.value(),
                    MissionArchiver.monthStart(month), MissionArchiver.monthStart(month.plusMonths(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the mission archive (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public Optional<ArchivedMission> archivedMission(MissionId missionId) {
        Objects.requireNonNull(missionId, "missionId");
        checkOpen();
        try {
            return archiver.read("mission_id = ?", missionId.value()).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the mission archive (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("TvmMaintenance is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsAdministration) {
            administration.close();
        }
    }

    static YearMonth month(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC));
    }
}
