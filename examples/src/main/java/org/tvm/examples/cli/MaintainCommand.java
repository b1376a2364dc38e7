package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.StepResult;
import org.tvm.ports.maintenance.TvmMaintenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tvm maintain}: one run of the data lifecycle job (partitions ahead, retention, mission archive, anonymisation,
 * summary refresh). Idempotent and restart-safe; safe to schedule daily (cron) next to other runners: the second one
 * reports the lock and exits 0. Exit codes: 0 done, dry run or skipped; 1 a step failed (run it again); 2 bad usage.
 */
@Command(name = "maintain",
        mixinStandardHelpOptions = true,
        description = "Run the data lifecycle job once: create partitions ahead, apply retention (telemetry and vehicle "
                + "logs 90 days, finished missions 3 years into the archive, audit 7 years, residents anonymised 3 years "
                + "after deletion), refresh the mission summary. Run it with the admin role.")
final class MaintainCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Option(names = "--dry-run", description = "Print the plan (what would be created, dropped, archived, deleted); change nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RetentionPolicy policy = db.policy();
        try (HikariDataSource dataSource = db.dataSource("tvm-maintain");
             TvmMaintenance maintenance = db.adapter.maintenance(dataSource)) {
            MaintenanceProgress progress = new MaintenanceProgress(err, !dryRun && ProgressBar.stderrIsTerminal());
            MaintenanceReport report = maintenance.run(policy, dryRun, dryRun ? MaintenanceListener.NONE : progress);
            progress.finish();
            print(out, policy, report);
            out.flush();
            return report.outcome() == MaintenanceReport.Outcome.FAILED ? 1 : 0;
        }
    }

    static void print(PrintWriter out, RetentionPolicy policy, MaintenanceReport report) {
        switch (report.outcome()) {
            case SKIPPED_LOCKED -> {
                out.println("Another maintenance run holds the lock; nothing was done.");
                return;
            }
            case DRY_RUN -> out.printf(Locale.ROOT, "Maintenance plan at %s (dry run: nothing changed)%n", report.startedAt());
            default -> out.printf(Locale.ROOT, "Maintenance run %d: %s (%s .. %s)%n", report.runId(),
                    report.outcome().code(), report.startedAt(), report.finishedAt());
        }
        out.printf(Locale.ROOT, "Retention: telemetry %s, vehicle logs %s, missions %s, audit %s, residents %s; "
                        + "partitions %d months / %d years ahead; batches of %d%n", policy.telemetry(), policy.vehicleLogs(),
                policy.missions(), policy.audit(), policy.residentAnonymisation(), policy.telemetryMonthsAhead(),
                policy.auditYearsAhead(), policy.batchSize());
        TextTable t = new TextTable("step", "rows", "partitions", "detail");
        for (StepResult s : report.steps()) {
            String partitions = s.partitions().isEmpty() ? "-" : String.join(" ", s.partitions());
            t.row(s.step().code(), Long.toString(s.rows()), partitions, s.failed() ? "FAILED: " + s.error() : s.detail());
        }
        t.print(out, "  ");
    }
}
