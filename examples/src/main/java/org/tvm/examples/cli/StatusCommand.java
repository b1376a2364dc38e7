package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tvm.migrations.SchemaInfo;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.TvmMaintenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tvm status}: schema version and pending migrations, partitions and how far ahead, table sizes, rows past
 * retention, the last maintenance run, capabilities. Exit codes: 0 healthy; 3 something needs attention (listed);
 * 1 the database could not be read; 2 bad usage. Suits a monitoring check.
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Report the schema, partitions, table sizes, retention backlog and last maintenance run; exit 3 "
                + "when something needs attention (no partition for next month, no successful maintenance for more than "
                + "2 days, rows past retention, pending migrations).")
final class StatusCommand implements Callable<Integer> {

    /** Exit code when the report lists something that needs attention. */
    static final int ATTENTION = 3;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HikariDataSource dataSource = db.dataSource("tvm-status");
             TvmMaintenance maintenance = db.adapter.maintenance(dataSource);
             TvmPersistence persistence = db.adapter.open(dataSource)) {
            SchemaInfo schema = TvmMigrations.info(dataSource);
            MaintenanceStatus status = maintenance.status(db.policy());
            List<String> attention = new ArrayList<>();
            if (schema.pendingCount() > 0) {
                attention.add(schema.pendingCount() + " pending migration(s): run tvm migrate");
            }
            attention.addAll(status.attention());

            out.printf(Locale.ROOT, "Schema: %s at version %s, %d pending migration(s)%n", schema.vendor(),
                    schema.currentVersion().orElse("(none)"), schema.pendingCount());
            out.printf(Locale.ROOT, "Capabilities: %s%n", persistence.capabilities());
            if (status.partitioned()) {
                out.printf(Locale.ROOT, "Telemetry partitions: %d (%s .. %s), ready through %s%n",
                        status.telemetryPartitions().size(), first(status.telemetryPartitions()), last(status.telemetryPartitions()),
                        status.telemetryReadyThrough().map(Object::toString).orElse("-"));
                out.printf(Locale.ROOT, "Audit partitions: %s%n", String.join(" ", status.auditPartitions()));
            } else {
                out.println("Partitions: none (this database does not partition)");
            }
            TextTable tables = new TextTable("table", "rows", "bytes");
            for (Map.Entry<String, MaintenanceStatus.TableSize> e : status.tables().entrySet()) {
                tables.row(e.getKey(), e.getValue().rows(), e.getValue().bytes() < 0 ? "-" : e.getValue().bytes());
            }
            out.println("Tables (rows estimated on PostgreSQL):");
            tables.print(out, "  ");
            TextTable backlog = new TextTable("step", "past retention / missing");
            for (MaintenanceStep step : MaintenanceStep.values()) {
                if (status.backlog().containsKey(step)) {
                    backlog.row(step.code(), status.backlog().get(step));
                }
            }
            out.println("Backlog:");
            backlog.print(out, "  ");
            out.printf(Locale.ROOT, "Last maintenance run: %s%n", status.lastRun().map(r -> "#" + r.runId() + " "
                    + r.outcome().code() + " started " + r.startedAt()).orElse("never"));
            out.printf(Locale.ROOT, "Last success: %s%n", status.lastSuccess().map(Object::toString).orElse("never"));
            if (attention.isEmpty()) {
                out.println("Status: OK");
            } else {
                out.println("Status: ATTENTION");
                attention.forEach(a -> out.println("  - " + a));
            }
            out.flush();
            return attention.isEmpty() ? 0 : ATTENTION;
        }
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? "-" : names.get(0);
    }

    private static String last(List<String> names) {
        return names.isEmpty() ? "-" : names.get(names.size() - 1);
    }
}
