package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bin/tvm migrate} against an empty PostgreSQL database, as an operator would run it. */
class MigrateCommandTest {

    private static final String SERVER_URL = env("TVM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("TVM_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TVM_TEST_PG_PASSWORD", "");
    private static final String DATABASE = "tvm_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void createEmptyDatabase() throws SQLException {
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void migratesAnEmptyDatabaseThenIsANoOp() throws SQLException {
        assertThat(run("migrate", "--jdbc-url", databaseUrl(), "--user", USER, "--password", PASSWORD))
                .as("exit code; stderr: %s", err).isZero();
        int applied = count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
        assertThat(applied).isGreaterThanOrEqualTo(9);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('residents','vehicles','missions','mission_events','telemetry','users','roles','permissions',"
                + "'role_permissions','user_roles','audit_logs')")).isEqualTo(11);
        assertThat(count("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")).isEqualTo(1);

        assertThat(run("migrate", "--jdbc-url", databaseUrl(), "--user", USER, "--password", PASSWORD)).isZero();
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
                .isEqualTo(applied);
        assertThat(run("migrate", "--jdbc-url", databaseUrl(), "--user", USER, "--password", PASSWORD, "--validate-only"))
                .as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("valid");
    }

    @Test
    void missingRequiredOptionIsAUsageErrorWithExitCode2() {
        assertThat(run("migrate")).isEqualTo(2);
        assertThat(err.toString()).contains("--jdbc-url").contains("Usage");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void unreachableDatabaseFailsWithOneClearLine() {
        int exit = run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "--user", "nobody");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("tvm migrate: cannot reach the database: is PostgreSQL running")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void migrateAsANonSuperuserIsOneLineNamingTheFix() throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String database = "tvm_cli_nosu_" + suffix;
        String role = "tvm_cli_nosu_" + suffix;
        String rolePassword = UUID.randomUUID().toString();
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER PASSWORD '" + rolePassword + "'");
            statement.execute("GRANT ALL ON DATABASE " + database + " TO " + role);
        }
        try {
            String url = databaseUrl().replace("/" + DATABASE, "/" + database);
            int exit = run("migrate", "--jdbc-url", url, "--user", role, "--password", rolePassword);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
            assertThat(err.toString()).startsWith("tvm migrate: migrate needs a superuser or a member of tvm_admin")
                    .contains("--user postgres").contains("SQLSTATE 42501").doesNotContain(rolePassword);
        } finally {
            try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void wrongPasswordAndMissingDatabaseAreOneLineEach() {
        assertThat(run("migrate", "--jdbc-url", databaseUrl().replace("/" + DATABASE, "/tvm_cli_missing_db"),
                "--user", USER, "--password", PASSWORD)).isEqualTo(1);
        assertThat(err.toString()).startsWith("tvm migrate: the database does not exist: create it first");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString().toLowerCase(Locale.ROOT)).contains("migrate");
    }

    private int run(String... args) {
        CommandLine commandLine = TvmCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String databaseUrl() {
        int slash = SERVER_URL.indexOf('/', "jdbc:postgresql://".length());
        int query = SERVER_URL.indexOf('?');
        String base = slash < 0 ? SERVER_URL : SERVER_URL.substring(0, slash);
        return base + "/" + DATABASE + (query < 0 ? "" : SERVER_URL.substring(query));
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection serverConnection() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL not reachable at " + SERVER_URL
                    + ": run bin/test, which provisions it (or set TVM_TEST_PG_URL/_USER/_PASSWORD)", unreachable);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
