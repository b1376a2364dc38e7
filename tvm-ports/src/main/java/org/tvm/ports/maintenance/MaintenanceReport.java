package org.tvm.ports.maintenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one {@link TvmMaintenance#run} call.
 *
 * @param runId      id of the recorded run in {@code maintenance_runs}; 0 for dry runs and skipped runs
 * @param outcome    see {@link Outcome}
 * @param startedAt  when the run started (the maintenance clock)
 * @param finishedAt when it ended
 * @param steps      the steps done (or planned, for a dry run), in order; a failed run ends with the failed step
 */
public record MaintenanceReport(long runId, Outcome outcome, Instant startedAt, Instant finishedAt, List<StepResult> steps) {

    /** How a run ended. */
    public enum Outcome {
        /** Every step finished. */
        SUCCEEDED,
        /** A step failed; the steps before it are kept, the failed step rolled back its open batch. Run again. */
        FAILED,
        /** Another runner holds the maintenance lock; nothing was done. */
        SKIPPED_LOCKED,
        /** Nothing was changed; {@link #steps()} is the plan. */
        DRY_RUN,
        /** Only in recorded runs: still running, or killed before it could record its end. */
        RUNNING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Action of the system event every recorded run writes (audit entry without facility, in the system chain). */
    public static final String SYSTEM_EVENT_ACTION = "maintenance.run";
    /** Resource type of that event. */
    public static final String SYSTEM_EVENT_RESOURCE = "maintenance_run";

    public MaintenanceReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        steps = List.copyOf(steps);
    }

    /** @return the result of {@code step}, or null when the run did not reach it */
    public StepResult step(MaintenanceStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElse(null);
    }

    /**
     * The details of the run's system event: {@code run} (the run id), {@code outcome}, and for each step that changed
     * something {@code <step>.rows} and {@code <step>.partitions} (comma-separated names), and {@code <step>.error} for
     * the failed step (its kind, never a row value). Counts and partition names only: no personal data.
     */
    public Map<String, String> systemEventDetails() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("run", Long.toString(runId));
        d.put("outcome", outcome.code());
        for (StepResult s : steps) {
            String key = s.step().code();
            if (s.rows() > 0) {
                d.put(key + ".rows", Long.toString(s.rows()));
            }
            if (!s.partitions().isEmpty()) {
                d.put(key + ".partitions", String.join(",", s.partitions()));
            }
            if (s.failed()) {
                d.put(key + ".error", s.error());
            }
        }
        return d;
    }
}
