package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tvm.bench.Bench;
import picocli.CommandLine;

/**
 * Smoke test of {@code bin/tvm bench --quick} (one round, a short mixed workload): it completes and prints every row,
 * and writes the JSON and Markdown files. No timing is asserted: performance is read from the bench, not tested.
 */
class BenchCommandTest {

    @Test
    void quickBenchCompletesAndPrintsEveryRow(@TempDir Path out) throws Exception {
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = cli(text, err);

        int exit = cli.execute("bench", "--quick", "--rounds", "1", "--seconds", "1", "--rate", "20", "--out", out.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        String printed = text.toString();
        for (String row : Bench.rowNames()) {
            assertThat(printed).as("row %s", row).contains(row);
        }
        assertThat(printed).contains("audit cost (write path)", "progress step with vehicle status", "audited/unaudited",
                "audit entries linked afterwards: ");
        assertThat(printed).contains("mixed open-loop", "raw ", "jpa ", "mybatis ", "double assignments: 0", "schema cost",
                "mixed errors (raw): ", "mixed errors (jpa): ", "mixed errors (mybatis): ");
        assertThat(Files.readString(out.resolve("bench.json"))).contains("\"operations\"", "\"auditCost\"", "\"mixed\"", "\"ratio\"",
                "\"errorKinds\": {");
        assertThat(Files.readString(out.resolve("bench.md"))).contains("| telemetry ingest, 1,000-row batches");
    }

    @Test
    void onlyMeasuresTheNamedOperationsAndRefusesANameThatMatchesNone(@TempDir Path out) throws Exception {
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = cli(text, err);

        int exit = cli.execute("bench", "--quick", "--rounds", "1", "--only", "Fleet Status", "--out", out.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        String printed = text.toString();
        assertThat(printed).contains("fleet status (query 2, 100 vehicles)", "only: operations whose name contains")
                .doesNotContain("point read (mission by id)", "spec query 1 at scale", "mixed open-loop workload on");
        assertThat(Files.readString(out.resolve("bench.json"))).contains("fleet status").doesNotContain("point read");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("bench", "--quick", "--only", "no such path", "--out", out.toString())).isNotZero();
        assertThat(err.toString()).contains("--only no such path names no operation", "dispatch cycle, 1 dispatcher");
    }

    private static CommandLine cli(StringWriter text, StringWriter err) {
        CommandLine cli = TvmCli.commandLine();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void helpNamesTheOptions() {
        StringWriter text = new StringWriter();
        CommandLine cli = TvmCli.commandLine();
        cli.setOut(new PrintWriter(text, true));
        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(text.toString()).contains("--quick", "--jdbc-url", "--rounds", "--rate", "--only", "--out");
        text.getBuffer().setLength(0);
        assertThat(cli.execute("generate", "--help")).isZero();
        assertThat(text.toString()).contains("--facilities", "--missions", "--telemetry", "--months");
    }
}
