package org.tvm.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tvm.bench.Bench;
import org.tvm.bench.ScaleGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvm bench}: every library path beside its raw-JDBC baseline, in one run (see tvm-bench/README.md). */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure both adapters against raw JDBC on a throw-away PostgreSQL database (provisioned like the "
                + "tests: TVM_TEST_PG_URL/_USER/_PASSWORD, else 127.0.0.1:5432 as postgres; or --jdbc-url). Prints a "
                + "table; writes bench.json and bench.md to --out.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Small data set and few rounds: under 2 minutes (the smoke test).")
    boolean quick;

    @Option(names = "--jdbc-url", description = "Server to create the throw-away database on (any database URL on it).")
    String jdbcUrl;

    @Option(names = "--user", description = "Superuser on that server (default: postgres).")
    String user = "postgres";

    @Option(names = "--password", description = "Its password; default: the TVM_DB_PASSWORD environment variable.")
    String password;

    @Option(names = "--rounds", description = "Interleaved rounds (default: 3 quick, 9 full).")
    int rounds;

    @Option(names = "--rate", description = "Mixed open-loop workload target, operations per second besides the telemetry stream (default: 100 quick, 200 full).")
    int rate;

    @Option(names = "--seconds", description = "Mixed workload duration per path (default: 5 quick, 60 full).")
    int seconds;

    @Option(names = "--missions", description = "Missions to generate (default: 5,000 quick, 1,000,000 full).")
    Long missions;

    @Option(names = "--telemetry", description = "Telemetry rows to generate (default: 50,000 quick, 10,000,000 full).")
    Long telemetry;

    @Option(names = "--only", description = "Only the operations whose name contains this text (e.g. dispatch; audit "
            + "for the audit cost), without the spec queries and the mixed workload: one path at a given scale.")
    String only;

    @Option(names = "--out", description = "Directory for bench.json and bench.md (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScaleGenerator.Scale base = quick ? ScaleGenerator.Scale.quick() : ScaleGenerator.Scale.full();
        ScaleGenerator.Scale scale = new ScaleGenerator.Scale(base.facilities(), base.vehiclesPerFacility(),
                base.residentsPerFacility(), missions != null ? missions : base.missions(), base.activePerFacility(),
                base.inProgressPerFacility(), telemetry != null ? telemetry : base.telemetry(), base.months(),
                base.recentTelemetryPerVehicle());
        String pw = password != null ? password : System.getenv("TVM_DB_PASSWORD");
        Bench.run(new Bench.Options(quick, jdbcUrl, jdbcUrl == null ? null : user, pw, scale, rounds, rate, seconds, out,
                System.getenv("TVM_COMMIT"), only), spec.commandLine().getOut());
        return 0;
    }
}
