package org.tvm.ports.maintenance;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.MissionId;

/**
 * The data lifecycle job: one idempotent run keeps every table inside its {@link RetentionPolicy} and partitions ready
 * ahead of time. Runs across all facilities with the administrative database role ({@code tvm_admin}), without a
 * facility context. Thread-safe.
 *
 * <p><b>One runner at a time.</b> A run takes a database-wide lock (a PostgreSQL advisory lock); a second runner,
 * in this process or any other, gets {@link MaintenanceReport.Outcome#SKIPPED_LOCKED} at once and changes nothing.
 *
 * <p><b>Restart-safe.</b> Steps run in {@link MaintenanceStep} order; each works in batches of
 * {@link RetentionPolicy#batchSize()}, each batch its own transaction, and each step computes its work from the
 * current data. A run killed anywhere loses at most its open batch (rolled back) and the next run finishes the job:
 * nothing is lost (a mission is deleted only in the transaction that archived and verified it) and nothing is done
 * twice (what was done no longer matches).
 *
 * <p>Every non-dry run is recorded (start, end, outcome, per-step rows, partitions and error kind) and readable with
 * {@link #lastRuns(int)}. Errors never carry row values.
 */
public interface TvmMaintenance extends AutoCloseable {

    /**
     * Runs every step once.
     *
     * @param policy   non-null retention policy
     * @param dryRun   true: change nothing and return the plan (outcome {@code DRY_RUN}, counts of what would go)
     * @param listener non-null progress listener ({@link MaintenanceListener#NONE})
     * @return the report; a failed step yields outcome {@code FAILED} (not an exception)
     */
    MaintenanceReport run(RetentionPolicy policy, boolean dryRun, MaintenanceListener listener);

    /** Same as {@code run(policy, false, MaintenanceListener.NONE)}. */
    default MaintenanceReport run(RetentionPolicy policy) {
        return run(policy, false, MaintenanceListener.NONE);
    }

    /**
     * The lifecycle's health now: partitions, table sizes, backlog past {@code policy}, last runs, and what needs
     * attention (no telemetry partition for next month, no successful run for more than 2 days, a backlog past
     * retention, a failed last run).
     *
     * @param policy non-null retention policy to measure the backlog against
     */
    MaintenanceStatus status(RetentionPolicy policy);

    /** @return up to {@code limit} (1..1000) recorded runs, newest first */
    List<MaintenanceReport> lastRuns(int limit);

    /**
     * @param facilityId non-null facility
     * @param month      non-null month of the missions' finish (UTC)
     * @return the archived missions of that facility that finished in that month, by mission id
     */
    List<ArchivedMission> archivedMissions(FacilityId facilityId, YearMonth month);

    /** @return the archived mission, or empty when it was never archived */
    Optional<ArchivedMission> archivedMission(MissionId missionId);

    /**
     * In-process scheduling for applications that prefer it to cron: runs {@code run(policy)} on {@code executor}
     * after {@code initialDelay} and then every {@code period}, taking the same database-wide lock (so it never
     * overlaps a command-line run or another instance). A failed or skipped run does not stop the schedule.
     *
     * @return the schedule; cancel it to stop
     */
    default ScheduledFuture<?> schedule(ScheduledExecutorService executor, RetentionPolicy policy,
                                        Duration initialDelay, Duration period) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(policy, "policy");
        if (period.isNegative() || period.isZero() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("period must be positive and initialDelay not negative");
        }
        return executor.scheduleWithFixedDelay(() -> {
            try {
                run(policy);
            } catch (RuntimeException e) {
                // a scheduled run must not kill the schedule; the failure is recorded in maintenance_runs
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases resources this instance created; never closes a caller-supplied {@code DataSource}. Idempotent. */
    @Override
    void close();
}
