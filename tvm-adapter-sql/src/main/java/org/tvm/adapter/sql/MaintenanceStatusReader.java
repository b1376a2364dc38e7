package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStatus.TableSize;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.StepResult;

/** Reads {@link MaintenanceStatus}: partitions, sizes, backlog (the dry-run plan's counts) and the run record. */
final class MaintenanceStatusReader {

    static final List<String> TABLES = List.of("telemetry", "vehicle_logs", "missions", "mission_events", "audit_logs",
            "residents", "mission_archive", "maintenance_runs");

    private final MaintenanceDatabase db;
    private final MaintenanceRunLog log;

    MaintenanceStatusReader(MaintenanceDatabase db, MaintenanceRunLog log, MissionArchiver archiver) {
        this.db = db;
        this.log = log;
    }

    MaintenanceStatus read(RetentionPolicy policy, Instant now, MaintenanceSteps steps) throws SQLException {
        try (Connection c = db.connect()) {
            List<String> telemetry = steps.telemetryPartitions(c);
            List<String> audit = steps.auditPartitions(c);
            Optional<YearMonth> readyThrough = telemetry.isEmpty() ? Optional.empty() : Optional.of(YearMonth.of(
                    Integer.parseInt(last(telemetry).substring(10, 14)), Integer.parseInt(last(telemetry).substring(15, 17))));
            Map<String, TableSize> tables = new LinkedHashMap<>();
            for (String t : TABLES) {
                tables.put(t, size(c, t));
            }
            Map<MaintenanceStep, Long> backlog = new EnumMap<>(MaintenanceStep.class);
            for (MaintenanceStep step : MaintenanceStep.values()) {
                if (step == MaintenanceStep.MISSION_SUMMARY_REFRESH) {
                    continue;
                }
                StepResult planned = steps.plan(c, step);
                backlog.put(step, planned.rows() + planned.partitions().size());
            }
            List<MaintenanceReport> runs = log.last(1);
            Optional<MaintenanceReport> lastRun = runs.stream().findFirst();
            Optional<Instant> lastSuccess = Optional.ofNullable(log.lastSuccess());

            List<String> attention = MaintenanceStatus.attentionFor(now, db.postgres(), readyThrough, backlog, lastRun, lastSuccess);
            return new MaintenanceStatus(now, db.postgres(), telemetry, audit, readyThrough, tables, backlog, lastRun,
                    lastSuccess, attention);
        }
    }

    private static String last(List<String> names) {
        return names.get(names.size() - 1);
    }

    private TableSize size(Connection c, String table) throws SQLException {
        if (!db.postgres()) {
            return new TableSize(MaintenanceDatabase.count(c, "SELECT count(*) FROM " + table), -1);
        }
        // estimates from the catalogue (ANALYZE keeps them fresh): a count(*) of telemetry would scan months of rows
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE(sum(GREATEST(k.reltuples, 0)), 0)::bigint, COALESCE(sum(pg_total_relation_size(k.oid)), 0)::bigint
                FROM pg_partition_tree(to_regclass(?)) t JOIN pg_class k ON k.oid = t.relid""")) {
            ps.setString(1, "public." + table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new TableSize(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
