package org.tvm.ports.maintenance;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Health of the data lifecycle at one instant, for {@code tvm status} and monitoring.
 *
 * @param at                  the instant it describes (the maintenance clock)
 * @param partitioned         whether the database partitions telemetry and audit (PostgreSQL); without it the
 *                            partition lists are empty and partition checks do not apply
 * @param telemetryPartitions monthly telemetry partitions present, oldest first
 * @param auditPartitions     yearly audit partitions present, oldest first
 * @param telemetryReadyThrough last month with a telemetry partition, empty when none (or not partitioned)
 * @param tables              per table: estimated rows and bytes on disk ({@code -1} when the database cannot say)
 * @param backlog             rows (partitions, for audit) past retention that a run would remove, per step
 * @param lastRun             the most recent recorded run (any outcome), empty when none
 * @param lastSuccess         when the most recent successful run finished, empty when none
 * @param attention           reasons an operator must act, empty when healthy
 */
public record MaintenanceStatus(Instant at, boolean partitioned, List<String> telemetryPartitions,
                                List<String> auditPartitions, Optional<YearMonth> telemetryReadyThrough,
                                Map<String, TableSize> tables, Map<MaintenanceStep, Long> backlog,
                                Optional<MaintenanceReport> lastRun, Optional<Instant> lastSuccess, List<String> attention) {

    /** Size of one table (all partitions summed). */
    public record TableSize(long rows, long bytes) {
    }

    public MaintenanceStatus {
        Objects.requireNonNull(at, "at");
        telemetryPartitions = List.copyOf(telemetryPartitions);
        auditPartitions = List.copyOf(auditPartitions);
        Objects.requireNonNull(telemetryReadyThrough, "telemetryReadyThrough");
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));  // keeps the caller's order
        backlog = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(backlog.isEmpty()
                ? new java.util.EnumMap<MaintenanceStep, Long>(MaintenanceStep.class) : backlog));
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        attention = List.copyOf(attention);
    }

    public boolean healthy() {
        return attention.isEmpty();
    }

    /** A successful run older than this (or none) needs attention. */
    public static final java.time.Duration MAX_SILENCE = java.time.Duration.ofDays(2);

    /**
     * The attention rules, one place for every implementation: no telemetry partition for next month (partitioned
     * databases), no successful run within {@link #MAX_SILENCE}, a failed last run, rows or partitions past retention.
     */
    public static List<String> attentionFor(Instant at, boolean partitioned, Optional<YearMonth> telemetryReadyThrough,
                                         Map<MaintenanceStep, Long> backlog, Optional<MaintenanceReport> lastRun,
                                         Optional<Instant> lastSuccess) {
        List<String> out = new java.util.ArrayList<>();
        YearMonth next = YearMonth.from(at.atOffset(java.time.ZoneOffset.UTC)).plusMonths(1);
        if (partitioned && telemetryReadyThrough.map(m -> m.isBefore(next)).orElse(true)) {
            out.add("no telemetry partition for next month " + next);
        }
        if (lastSuccess.isEmpty()) {
            out.add("maintenance has never succeeded");
        } else if (lastSuccess.get().isBefore(at.minus(MAX_SILENCE))) {
            out.add("maintenance has not succeeded for more than 2 days (last success " + lastSuccess.get() + ")");
        }
        lastRun.filter(r -> r.outcome() == MaintenanceReport.Outcome.FAILED)
                .ifPresent(r -> out.add("last maintenance run " + r.runId() + " failed"));
        for (MaintenanceStep step : MaintenanceStep.values()) {
            long n = backlog.getOrDefault(step, 0L);
            // audit entries waiting for the chain are normal between runs (a silent maintenance is flagged above)
            if (n > 0 && step != MaintenanceStep.TELEMETRY_PARTITIONS && step != MaintenanceStep.AUDIT_PARTITIONS
                    && step != MaintenanceStep.AUDIT_CHAIN) {
                out.add(n + (step == MaintenanceStep.AUDIT_RETENTION ? " partitions" : " rows") + " past retention for "
                        + step.code());
            }
        }
        return out;
    }
}
