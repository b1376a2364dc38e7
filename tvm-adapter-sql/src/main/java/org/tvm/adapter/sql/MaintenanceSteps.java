package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.StepResult;

/**
 * The steps of one run at one instant under one policy: {@link #run} does a step, {@link #plan} says what it would do.
 * Every step derives its work from the data as it is now, so running it again after a crash only does what is left.
 */
final class MaintenanceSteps {

    static final String TELEMETRY_PARTITION = "^telemetry_[0-9]{4}_[0-9]{2}$";
    static final String AUDIT_PARTITION = "^audit_logs_[0-9]{4}$";
    static final String RESIDENT_NOT_ANONYMISED =
            "deleted_at < ? AND NOT (first_name = 'Deleted' AND last_name = 'User #' || CAST(id AS VARCHAR(36)))";

    private final MaintenanceDatabase db;
    private final TvmAdministration administration;
    private final MissionArchiver archiver;
    private final RetentionPolicy policy;
    private final Instant now;
    private final MaintenanceListener listener;
    private long rows;
    private List<String> partitions = new ArrayList<>();

    MaintenanceSteps(MaintenanceDatabase db, TvmAdministration administration, MissionArchiver archiver,
                     RetentionPolicy policy, Instant now, MaintenanceListener listener) {
        this.db = db;
        this.administration = administration;
        this.archiver = archiver;
        this.policy = policy;
        this.now = now;
        this.listener = listener;
    }

    // ------------------------------------------------------------------ cut-offs (all UTC)

    Instant telemetryCutoff() {
        return now.minus(policy.telemetry());
    }

    Instant vehicleLogCutoff() {
        return now.minus(policy.vehicleLogs());
    }

    Instant missionCutoff() {
        return now.atOffset(ZoneOffset.UTC).minus(policy.missions()).toInstant();
    }

    int auditKeepFromYear() {
        return now.atOffset(ZoneOffset.UTC).minus(policy.audit()).getYear();
    }

    Instant residentCutoff() {
        return now.atOffset(ZoneOffset.UTC).minus(policy.residentAnonymisation()).toInstant();
    }

    YearMonth firstTelemetryMonth() {
        return JdbcTvmMaintenance.month(now).minusMonths(1);
    }

    YearMonth lastTelemetryMonth() {
        return JdbcTvmMaintenance.month(now).plusMonths(policy.telemetryMonthsAhead());
    }

    long rowsSoFar() {
        return rows;
    }

    List<String> partitionsSoFar() {
        return partitions;
    }

    // ------------------------------------------------------------------ run

    StepResult run(MaintenanceStep step) throws SQLException {
        rows = 0;
        partitions = new ArrayList<>();
        switch (step) {
            case TELEMETRY_PARTITIONS -> {
                if (db.postgres()) {
                    try (Connection c = db.connect()) {
                        List<String> missing = missingTelemetryPartitions(c);
                        MaintenanceDatabase.count(c, "SELECT tvm_ensure_telemetry_partitions(?, ?)",
                                firstTelemetryMonth().atDay(1), lastTelemetryMonth().atDay(1));
                        partitions.addAll(missing);
                    }
                }
                return result(step, "months " + firstTelemetryMonth() + " .. " + lastTelemetryMonth());
            }
            case AUDIT_PARTITIONS -> {
                if (db.postgres()) {
                    try (Connection c = db.connect()) {
                        List<String> missing = missingAuditPartitions(c);
                        MaintenanceDatabase.count(c, "SELECT tvm_ensure_audit_partitions(?, ?)", year(), year() + policy.auditYearsAhead());
                        partitions.addAll(missing);
                    }
                }
                return result(step, "years " + year() + " .. " + (year() + policy.auditYearsAhead()));
            }
            case TELEMETRY_RETENTION -> {
                if (db.postgres()) {
                    try (Connection c = db.connect()) {
                        partitions.addAll(MaintenanceDatabase.strings(c, "SELECT * FROM tvm_drop_telemetry_partitions_before(?)",
                                JdbcTvmMaintenance.month(telemetryCutoff()).atDay(1)));
                    }
                }
                deleteInBatches(step, "DELETE FROM telemetry WHERE (id, \"timestamp\") IN (SELECT id, \"timestamp\" FROM telemetry "
                        + "WHERE \"timestamp\" < ? LIMIT ?)", telemetryCutoff());
                return result(step, "older than " + telemetryCutoff());
            }
            case VEHICLE_LOG_RETENTION -> {
                deleteInBatches(step, "DELETE FROM vehicle_logs WHERE id IN (SELECT id FROM vehicle_logs WHERE logged_at < ? "
                        + "ORDER BY id LIMIT ?)", vehicleLogCutoff());
                return result(step, "older than " + vehicleLogCutoff());
            }
            case MISSION_ARCHIVE -> {
                int n;
                do {
                    n = archiver.archiveBatch(missionCutoff(), now, policy.batchSize());
                    rows += n;
                    if (n > 0) {
                        listener.batchCommitted(step, n);
                    }
                } while (n > 0);
                return result(step, "finished before " + missionCutoff());
            }
            case AUDIT_RETENTION -> {
                if (db.postgres()) {
                    try (Connection c = db.connect()) {
                        partitions.addAll(MaintenanceDatabase.strings(c, "SELECT * FROM tvm_drop_audit_partitions_before(?)",
                                auditKeepFromYear()));
                    }
                }
                return result(step, db.postgres() ? "yearly partitions before " + auditKeepFromYear()
                        : "not partitioned: audit rows kept");
            }
            case RESIDENT_ANONYMISATION -> {
                rows = administration.anonymiseResidentsDeletedBefore(residentCutoff());
                return result(step, "deleted before " + residentCutoff());
            }
            case AUDIT_CHAIN -> {
                if (db.postgres()) {
                    try (Connection c = db.connect()) {
                        rows = JdbcAuditTrail.linkWaitingEntries(c, true);
                    }
                }
                return result(step, db.postgres() ? "waiting entries moved into the chain" : "linked when written");
            }
            case MISSION_SUMMARY_REFRESH -> {
                administration.refreshMissionSummary();
                return result(step, db.postgres() ? "refreshed" : "no materialized view");
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }

    private void deleteInBatches(MaintenanceStep step, String sql, Instant cutoff) throws SQLException {
        int n;
        do {
            try (Connection c = db.connect()) {
                c.setAutoCommit(true);  // one batch, one transaction
                n = MaintenanceDatabase.update(c, sql, cutoff, policy.batchSize());
            }
            rows += n;
            if (n > 0) {
                listener.batchCommitted(step, n);
            }
        } while (n > 0);
    }

    private StepResult result(MaintenanceStep step, String detail) {
        return new StepResult(step, rows, partitions, detail, null);
    }

    private int year() {
        return now.atOffset(ZoneOffset.UTC).getYear();
    }

    // ------------------------------------------------------------------ plan (and backlog)

    StepResult plan(Connection c, MaintenanceStep step) throws SQLException {
        long n = 0;
        List<String> names = new ArrayList<>();
        String detail;
        switch (step) {
            case TELEMETRY_PARTITIONS -> {
                names.addAll(missingTelemetryPartitions(c));
                detail = db.postgres() ? "create missing months " + firstTelemetryMonth() + " .. " + lastTelemetryMonth()
                        : "not partitioned";
            }
            case AUDIT_PARTITIONS -> {
                names.addAll(missingAuditPartitions(c));
                detail = db.postgres() ? "create missing years " + year() + " .. " + (year() + policy.auditYearsAhead())
                        : "not partitioned";
            }
            case TELEMETRY_RETENTION -> {
                names.addAll(telemetryPartitionsToDrop(c));
                n = MaintenanceDatabase.count(c, "SELECT count(*) FROM telemetry WHERE \"timestamp\" >= ? AND \"timestamp\" < ?",
                        db.postgres() ? MissionArchiver.monthStart(JdbcTvmMaintenance.month(telemetryCutoff())) : Instant.EPOCH,
                        telemetryCutoff());
                detail = "drop whole months, then delete rows older than " + telemetryCutoff();
            }
            case VEHICLE_LOG_RETENTION -> {
                n = MaintenanceDatabase.count(c, "SELECT count(*) FROM vehicle_logs WHERE logged_at < ?", vehicleLogCutoff());
                detail = "delete lines older than " + vehicleLogCutoff();
            }
            case MISSION_ARCHIVE -> {
                n = archiver.countPastRetention(c, missionCutoff());
                detail = "archive, verify and delete missions finished before " + missionCutoff();
            }
            case AUDIT_RETENTION -> {
                names.addAll(auditPartitionsToDrop(c));
                detail = db.postgres() ? "drop yearly partitions before " + auditKeepFromYear() : "not partitioned: audit rows kept";
            }
            case RESIDENT_ANONYMISATION -> {
                n = MaintenanceDatabase.count(c, "SELECT count(*) FROM residents WHERE " + RESIDENT_NOT_ANONYMISED, residentCutoff());
                detail = "anonymise residents deleted before " + residentCutoff();
            }
            case AUDIT_CHAIN -> {
                n = db.postgres() ? MaintenanceDatabase.count(c, "SELECT count(*) FROM audit_logs_pending") : 0;
                detail = db.postgres() ? "move waiting audit entries into the chain" : "linked when written";
            }
            case MISSION_SUMMARY_REFRESH -> detail = db.postgres() ? "refresh mission_summary" : "no materialized view";
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return new StepResult(step, n, names, detail, null);
    }

    List<String> telemetryPartitions(Connection c) throws SQLException {
        return db.partitions(c, "telemetry", TELEMETRY_PARTITION);
    }

    List<String> auditPartitions(Connection c) throws SQLException {
        return db.partitions(c, "audit_logs", AUDIT_PARTITION);
    }

    private List<String> missingTelemetryPartitions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        if (!db.postgres()) {
            return out;
        }
        List<String> present = telemetryPartitions(c);
        for (YearMonth m = firstTelemetryMonth(); !m.isAfter(lastTelemetryMonth()); m = m.plusMonths(1)) {
            String name = String.format("telemetry_%04d_%02d", m.getYear(), m.getMonthValue());
            if (!present.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private List<String> missingAuditPartitions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        if (!db.postgres()) {
            return out;
        }
        List<String> present = auditPartitions(c);
        for (int y = year(); y <= year() + policy.auditYearsAhead(); y++) {
            String name = String.format("audit_logs_%04d", y);
            if (!present.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    List<String> telemetryPartitionsToDrop(Connection c) throws SQLException {
        LocalDate keepFrom = JdbcTvmMaintenance.month(telemetryCutoff()).atDay(1);
        return telemetryPartitions(c).stream().filter(p -> YearMonth.of(Integer.parseInt(p.substring(10, 14)),
                Integer.parseInt(p.substring(15, 17))).atDay(1).isBefore(keepFrom)).toList();
    }

    List<String> auditPartitionsToDrop(Connection c) throws SQLException {
        return auditPartitions(c).stream().filter(p -> Integer.parseInt(p.substring(11)) < auditKeepFromYear()).toList();
    }
}
