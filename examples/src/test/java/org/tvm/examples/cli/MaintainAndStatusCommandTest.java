package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/tvm maintain} and {@code bin/tvm status} as an operator runs them, on an embedded H2 database migrated
 * by {@code tvm migrate} (the contracts prove the job itself on PostgreSQL and H2).
 */
class MaintainAndStatusCommandTest {

    private final String url = "jdbc:h2:mem:tvm_cli_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void migrate() {
        assertThat(run("migrate", "--jdbc-url", url, "--user", "sa")).as("stderr: %s", err).isZero();
    }

    @Test
    void statusNeedsAttentionUntilMaintenanceHasRunThenIsHealthy() throws SQLException {
        assertThat(run("status", "--jdbc-url", url, "--user", "sa")).as("stderr: %s", err).isEqualTo(StatusCommand.ATTENTION);
        assertThat(out.toString()).contains("Schema: H2 at version " + newestApplied() + ", 0 pending").contains("Backlog:")
                .contains("Last maintenance run: never").contains("maintenance has never succeeded").contains("Status: ATTENTION");

        assertThat(run("maintain", "--jdbc-url", url, "--user", "sa")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("Maintenance run 1: succeeded").contains("mission-archive")
                .contains("telemetry PT2160H");
        assertThat(count("SELECT count(*) FROM maintenance_runs WHERE outcome = 'succeeded'")).isEqualTo(1);

        assertThat(run("status", "--jdbc-url", url, "--user", "sa")).as("stdout: %s", out).isZero();
        assertThat(out.toString()).contains("Status: OK").contains("#1 succeeded");
    }

    @Test
    void dryRunPrintsThePlanAndRecordsNothing() throws SQLException {
        assertThat(run("maintain", "--jdbc-url", url, "--user", "sa", "--dry-run")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("dry run: nothing changed").contains("vehicle-log-retention")
                .contains("resident-anonymisation");
        assertThat(count("SELECT count(*) FROM maintenance_runs")).isZero();
    }

    @Test
    void retentionOverridesComeFromAFileAndTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("retention.properties");
        Files.writeString(file, "tvm.retention.telemetry=P30D\ntvm.retention.missions=P5Y\n");
        assertThat(run("maintain", "--jdbc-url", url, "--user", "sa", "--dry-run", "--retention-file", file.toString(),
                "--set", "tvm.retention.missions=P10Y")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("telemetry PT720H").contains("missions P10Y");

        assertThat(run("maintain", "--jdbc-url", url, "--user", "sa", "--set", "tvm.retention.telemetri=P1D")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown retention setting tvm.retention.telemetri").doesNotContain("\tat ");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = TvmCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** The newest version the migration applied (so the test does not name a version the next migration changes). */
    private String newestApplied() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM flyway_schema_history WHERE \"version\" IS NOT NULL"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            assertThat(rs.next()).as("a migration was applied").isTrue();
            return rs.getString(1);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
