package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tvm.migrations.Migration;
import org.tvm.migrations.MigrationReport;
import org.tvm.migrations.SchemaInfo;
import org.tvm.migrations.TvmMigrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvm migrate}: applies the schema of record (PostgreSQL set, or H2 set on H2) to a database. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply the TVM schema (Flyway migrations) to a database. Run it as a role that may create "
                + "extensions, roles and tables (for PostgreSQL: a superuser, as PostGIS requires).")
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/tvm")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user (default: none).")
    String user;

    @Option(names = "--password", description = "Database password. Prefer the TVM_DB_PASSWORD environment variable, "
            + "which is used when this option is absent.")
    String password;

    @Option(names = "--validate-only", description = "Only validate the applied migrations against the classpath; change nothing.")
    boolean validateOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Flyway holds more than one connection at a time on PostgreSQL (history-table lock, migration, callbacks)
        try (HikariDataSource dataSource = DatabaseOptions.pool(jdbcUrl, user, password, "tvm-migrate")) {
            if (validateOnly) {
                TvmMigrations.validate(dataSource);
                SchemaInfo info = TvmMigrations.info(dataSource);
                out.printf("Schema is valid: %s at version %s, %d pending migration(s).%n",
                        info.vendor(), info.currentVersion().orElse("(none)"), info.pendingCount());
            } else {
                MigrationReport report = TvmMigrations.migrate(dataSource);
                if (report.migrationsExecuted() == 0) {
                    out.printf("Schema is up to date: %s at version %s.%n",
                            report.vendor(), report.targetVersion().orElse("(none)"));
                } else {
                    out.printf("Migrated %s schema from %s to %s:%n", report.vendor(),
                            report.initialVersion().orElse("an empty database"), report.targetVersion().orElse("?"));
                    for (Migration migration : report.executed()) {
                        out.printf("  V%-4s %s%n", migration.version(), migration.description());
                    }
                }
            }
        }
        out.flush();
        return 0;
    }
}
