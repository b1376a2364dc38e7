package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;
import picocli.CommandLine;

/** {@code bin/tvm demo} as a person runs it: options, usage errors, the printed day. */
@Timeout(60)
class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"--missions=-1", "--vehicles=0", "--residents=-3", "--hours=0", "--hours=19",
        "--missions=abc", "--adapter=hibernate", "--user=bob", "--jdbc-url=postgres://x", "--frobnicate"})
    void badOptionsAreUsageErrorsWithExitCode2(String option) {
        assertThat(run("demo", option)).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: tvm demo").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void negativeMissionsNameTheOptionAndTheRule() {
        assertThat(run("demo", "--missions", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--missions").contains("between 1 and");
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString().toLowerCase(Locale.ROOT)).contains("demo").contains("migrate").contains("help");
        out.getBuffer().setLength(0);
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--adapter", "--jdbc-url", "--vehicles", "--residents", "--missions",
                "--hours", "--seed", "non-superuser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpa", "mybatis"})
    void aShortDayOnEmbeddedH2(String adapter) {
        int exit = run("demo", "--adapter", adapter, "--vehicles", "3", "--residents", "6", "--missions", "10",
                "--hours", "1", "--seed", "5");
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("adapter " + adapter + " on embedded H2", "seed 5", "ACTIVE MISSIONS",
                "FLEET STATUS", "MISSION TIMELINE", "THE DAY IN NUMBERS", "WALL-CLOCK COST", "TVM-03");
        // not a terminal: a few progress lines, no carriage returns
        assertThat(err.toString()).doesNotContain("\r").contains("100%");
        assertThat(err.toString().lines().filter(l -> l.startsWith("["))).hasSizeBetween(2, 6);
    }

    @Test
    void moreMissionsThanTheHoursHoldAreAUsageError() {
        assertThat(run("demo", "--hours", "1", "--missions", "1001")).isEqualTo(2);
        assertThat(err.toString()).contains("per simulated hour").contains("Usage: tvm demo").doesNotContain("\tat ");
    }

    @Test
    void theSameSeedPrintsTheSameDayOnBothAdapters() {
        String[] day = {"--vehicles", "3", "--residents", "6", "--missions", "12", "--hours", "1", "--seed", "9"};
        assertThat(run(concat("demo", "--adapter", "jpa", day))).as("stderr: %s", err).isZero();
        String jpa = dayNumbers(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run(concat("demo", "--adapter", "mybatis", day))).as("stderr: %s", err).isZero();
        String myBatis = dayNumbers(out.toString());
        assertThat(jpa).contains("missions requested", "telemetry rows").isEqualTo(myBatis);
    }

    /** The printed fleet status and the day's numbers: everything but ids, e-mails and wall-clock timings. */
    private static String dayNumbers(String printed) {
        int fleet = printed.indexOf("FLEET STATUS");
        int timeline = printed.indexOf("MISSION TIMELINE");
        int numbers = printed.indexOf("THE DAY IN NUMBERS");
        int cost = printed.indexOf("WALL-CLOCK COST");
        assertThat(fleet).isNotNegative();
        assertThat(numbers).isGreaterThan(fleet);
        return printed.substring(fleet, timeline < 0 ? numbers : timeline) + printed.substring(numbers, cost);
    }

    private static String[] concat(String a, String b, String c, String[] rest) {
        String[] all = new String[rest.length + 3];
        all[0] = a;
        all[1] = b;
        all[2] = c;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }

    @Test
    void aShortDayOnPostgres() {
        PostgresTestDatabase db = TestDatabases.postgres();
        int exit = run("demo", "--jdbc-url", db.jdbcUrl(), "--user", env("TVM_TEST_PG_USER", "postgres"),
                "--password", env("TVM_TEST_PG_PASSWORD", ""), "--vehicles", "2", "--residents", "4", "--missions", "6",
                "--hours", "1", "--seed", "3");
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("PostgreSQL", "FLEET STATUS", "TVM-02");
    }

    private int run(String... args) {
        CommandLine commandLine = TvmCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
