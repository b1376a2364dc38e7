package org.tvm.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * {@code bin/tvm bench}: provisions a throw-away PostgreSQL database (as the tests do), generates a data set, and
 * measures every operation on the raw-JDBC baseline and on both adapters, interleaved, as the non-superuser application
 * login under row-level security; then the automatic audit's write-path cost (on two small databases, with and
 * without the audit triggers), the spec's four queries at scale, the schema's cost on telemetry ingest, and the
 * open-loop mixed workload. Prints a text table; writes {@code bench.json} and {@code bench.md}.
 */
public final class Bench {

    static final String UNCONSTRAINED_TABLE = "bench_telemetry_unconstrained";

    /**
     * What to run.
     *
     * @param quick       the smoke-test size (under 2 minutes) instead of the full run
     * @param jdbcUrl     server to provision the database on (null: the tests' server, TVM_TEST_PG_URL or local)
     * @param user        its superuser (null with jdbcUrl null)
     * @param password    its password (null for none)
     * @param scale       the data set (null: quick or full default)
     * @param rounds      interleaved rounds (0: 3 quick, 9 full; the audit phase 3 and 15)
     * @param mixedRate   target rate of the mixed workload's operations besides the telemetry stream, ops/s (0: 100 quick, 200 full)
     * @param mixedSeconds duration of the mixed workload per path (0: 8 quick, 60 full)
     * @param outputDir   where bench.json and bench.md go
     * @param commit      the commit measured (printed with the results), may be null
     * @param only        null for the whole run; else only the interleaved operations whose name contains it (ignoring
     *                    case), without the spec queries and the mixed workload: one path measured at a given scale
     */
    public record Options(boolean quick, String jdbcUrl, String user, String password, ScaleGenerator.Scale scale,
                          int rounds, int mixedRate, int mixedSeconds, Path outputDir, String commit, String only) {
        public Options {
            Objects.requireNonNull(outputDir, "outputDir");
            if (only != null && only.isBlank()) {
                throw new IllegalArgumentException("--only needs part of an operation's name");
            }
            if (rounds < 0 || mixedRate < 0 || mixedSeconds < 0) {
                throw new IllegalArgumentException("rounds, rate and seconds must be >= 0");
            }
        }

        ScaleGenerator.Scale effectiveScale() {
            return scale != null ? scale : quick ? ScaleGenerator.Scale.quick() : ScaleGenerator.Scale.full();
        }
    }

    private Bench() {
    }

    /** Runs the bench; returns the rendered text table (also printed to {@code out}). */
    public static String run(Options o, PrintWriter out) throws Exception {
        long started = System.nanoTime();
        PostgresTestDatabase db = o.jdbcUrl() == null ? TestDatabases.postgres()
                : TestDatabases.postgresAt(o.jdbcUrl(), o.user(), o.password());
        out.println("bench: database " + db.databaseName() + ", application login " + db.appRole() + " (RLS applies)");
        ScaleGenerator.Scale scale = o.effectiveScale();
        out.println("bench: generating " + scale);
        new ScaleGenerator(db.adminDataSource(), out).generate(scale);
        createUnconstrainedCopy(db.adminDataSource());
        Fixture fx = Fixture.load(db.adminDataSource());
        long settling = System.nanoTime();
        fx.settle();
        out.printf(java.util.Locale.ROOT, "bench: settled the load (VACUUM, CHECKPOINT) in %.1f s%n",
                (System.nanoTime() - settling) / 1e9);

        DataSource app = db.appDataSource();
        List<String> libraries = List.of("jpa", "mybatis");
        try (TvmPersistence jpa = JpaTvmPersistence.create(app, JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()); TvmPersistence mybatis = MyBatisTvmPersistence.create(app, MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos())) {
            List<Side> sides = List.of(new Side(Side.RAW, 0, app, null), new Side("jpa", 1, app, jpa),
                    new Side("mybatis", 2, app, mybatis));
            Operations ops = new Operations(fx, o.quick());
            List<Op> micro = ops.micro();
            // --only: the operations whose name contains the text; "audit" (a part of "audit cost") selects that phase
            String part = o.only() == null ? null : o.only().toLowerCase(java.util.Locale.ROOT);
            boolean auditPhase = part == null || AuditCost.PHASE.contains(part);
            if (part != null) {
                List<Op> all = micro;
                micro = all.stream().filter(op -> op.name().toLowerCase(java.util.Locale.ROOT).contains(part)).toList();
                if (micro.isEmpty() && !auditPhase) {
                    throw new IllegalArgumentException("--only " + o.only() + " names no operation; the operations are: "
                            + all.stream().map(Op::name).toList() + " and the phase \"" + AuditCost.PHASE + "\"");
                }
            }
            Report report = new Report(libraries);
            if (!micro.isEmpty()) {
                measureMicro(o, micro, sides, fx, app, report, out);
            }
            if (auditPhase) {
                java.util.function.Supplier<PostgresTestDatabase> fresh = o.jdbcUrl() == null ? TestDatabases::anotherPostgres
                        : () -> TestDatabases.postgresAt(o.jdbcUrl(), o.user(), o.password());
                int auditRounds = o.rounds() > 0 ? o.rounds() : o.quick() ? 3 : 15;
                report.audit.addAll(AuditCost.measure(fresh, o.quick(), auditRounds, out, report.notes));
            }
            if (o.only() != null) {
                report.notes.put("only", "operations whose name contains \"" + o.only() + "\"" + (auditPhase
                        ? " and the audit cost" : "") + " (no spec queries, no mixed workload)");
            } else {
                specAndMixed(o, ops, fx, sides, report, out);
            }
            notes(report, o, scale, db, fx, started);
            String text = report.text();
            out.println();
            out.print(text);
            Files.createDirectories(o.outputDir());
            Files.writeString(o.outputDir().resolve("bench.json"), report.json(), StandardCharsets.UTF_8);
            Files.writeString(o.outputDir().resolve("bench.md"), report.markdown(), StandardCharsets.UTF_8);
            out.println("bench: wrote " + o.outputDir().resolve("bench.json") + " and bench.md");
            return text;
        }
    }

    /** The interleaved operations: warm-up, the measured rounds, then the statement counts. */
    private static void measureMicro(Options o, List<Op> micro, List<Side> sides, Fixture fx, DataSource app,
            Report report, PrintWriter out) throws Exception {
        Runner runner = new Runner(sides, fx, !o.quick());
        int rounds = o.rounds() > 0 ? o.rounds() : o.quick() ? 3 : 9;
        out.println("bench: warm-up");
        runner.warmUp(micro, o.quick() ? 2 : 3, Integer.MAX_VALUE);
        if (!o.quick()) {
            // The longest library paths settle late: measured call by call, Hibernate's request was 0.83x raw after
            // the 1,200 calls above and 0.91-0.93x after about 9,000, and its point read reached 1.1x after about
            // 25,000. Its dispatch cycle took 3.0 ms of client CPU per call after 50 calls, 1.4 ms after 350 and 0.9 ms
            // after 1,500 (the 180 calls above leave it half compiled). A service makes that many calls in minutes;
            // the full run measures the settled paths.
            List<Op> late = micro.stream()
                    .filter(op -> op.name().startsWith("request a mission") || op.name().startsWith("point read")
                            || op.name().startsWith("dispatch cycle"))
                    .toList();
            out.println("bench: warm-up of the late-settling paths (" + late.size() + " operations, 20 rounds)");
            runner.warmUp(late, 20, Integer.MAX_VALUE);
        }
        out.println("bench: " + micro.size() + " operations x " + sides.size() + " paths, " + rounds + " interleaved rounds");
        runner.run(micro, rounds, out);
        report.add(runner, countStatements(micro, sides, app, fx));
    }

    /** The spec's queries at scale (full run: while 500 vehicles stream telemetry), then the mixed workload per path. */
    private static void specAndMixed(Options o, Operations ops, Fixture fx, List<Side> sides, Report report,
            PrintWriter out) throws Exception {
        List<Op> spec = ops.specAtScale();
        Runner specRunner = new Runner(List.of(sides.get(0)), fx, true);
        specRunner.warmUp(spec, 1, o.quick() ? 5 : 50);
        // Full run: the spec's queries while 500 vehicles (facilities 0-4) stream telemetry at 10 Hz and 40 other
        // operations a second run beside them (2 workers: the pool has 4).
        MixedWorkload.Result[] background = new MixedWorkload.Result[1];
        Thread ingest = null;
        MixedWorkload load = new MixedWorkload(ops, fx, 2);
        if (!o.quick()) {
            ingest = new Thread(() -> {
                try {
                    background[0] = load.run(sides.get(0), 40, 3_600, 500);   // until the queries are done
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-background-ingest");
            ingest.start();
            Thread.sleep(3_000);
        }
        out.println("bench: the spec's four queries at scale" + (ingest != null ? ", while 500 vehicles stream at 10 Hz" : ""));
        specRunner.run(spec, 3, out);
        List<String> profiles = ops.specProfiles(sides.get(0).dataSource());
        for (int q = 0; q < profiles.size(); q++) {
            report.notes.put("spec query " + (q + 1) + " profile" + (ingest != null ? " (under the stream)" : ""),
                    profiles.get(q));
        }
        if (ingest != null) {
            load.stop();
            ingest.join();
        }

        report.add(specRunner, Map.of());
        int rate = o.mixedRate() > 0 ? o.mixedRate() : o.quick() ? 100 : 200;
        int seconds = o.mixedSeconds() > 0 ? o.mixedSeconds() : o.quick() ? 5 : 60;
        int telemetryVehicles = o.quick() ? 50 : 500;
        MixedWorkload mixed = new MixedWorkload(ops, fx, 4);
        // The paths cannot share the machine at once, so each runs in two halves, in the order A B C C B A: whatever
        // drifts during the phase (rows each run adds, the server's state) weighs on every path alike.
        List<Side> order = new ArrayList<>(sides);
        List<Side> back = new ArrayList<>(sides);
        Collections.reverse(back);
        order.addAll(back);
        Map<String, MixedWorkload.Result> halves = new LinkedHashMap<>();
        for (Side side : order) {
            int half = Math.max(1, halves.containsKey(side.name()) ? seconds - seconds / 2 : seconds / 2);
            out.println("bench: mixed open-loop workload on " + side.name() + ", " + rate + " ops/s for " + half + " s");
            fx.deleteRequestedMissions();
            fx.settleBetweenPaths();
            MixedWorkload.Result result = mixed.run(side, rate, half, telemetryVehicles);
            halves.merge(side.name(), result, MixedWorkload.Result::plus);
        }
        for (Side side : sides) {
            MixedWorkload.Result result = halves.get(side.name());
            report.mixed.add(result);
            report.notes.put("mixed errors (" + side.name() + ")", result.errorSummary());
        }
        if (background[0] != null) {
            report.notes.put("background ingest during the spec queries", Report.num(background[0].telemetryRows()
                    / background[0].seconds()) + " telemetry rows/s");
        }
    }

    /** Each operation once per path on a counting pool: round trips per iteration (per assignment for dispatch). */
    private static Map<Op, Map<String, Long>> countStatements(List<Op> ops, List<Side> sides, DataSource app, Fixture fx)
            throws Exception {
        StatementCounter counting = new StatementCounter(app);
        Map<Op, Map<String, Long>> out = new LinkedHashMap<>();
        try (TvmPersistence jpa = JpaTvmPersistence.create(counting, JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
             TvmPersistence mybatis = MyBatisTvmPersistence.create(counting, MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos())) {
            List<Side> counted = List.of(new Side(Side.RAW, 0, counting, null), new Side("jpa", 1, counting, jpa),
                    new Side("mybatis", 2, counting, mybatis));
            for (Op op : ops) {
                if (op.unitsPerIteration() > 1 && !op.unit().startsWith("rows")) {
                    continue; // concurrent dispatchers: retries make a count meaningless
                }
                Map<String, Long> perPath = new LinkedHashMap<>();
                for (Side side : counted) {
                    if (op.rawOnly() && !side.raw()) {
                        continue;
                    }
                    if (op.beforeBatch() != null) {
                        op.beforeBatch().run();
                    }
                    op.body().run(side, 0); // the first use on a connection may differ (staging table): not counted
                    counting.reset();
                    op.body().run(side, 1);
                    perPath.put(side.name(), counting.count());
                }
                out.put(op, perPath);
            }
        }
        fx.releaseAssignments();
        return out;
    }

    /** The telemetry table without what protects it: no FK, no CHECKs, no indexes, no partitions, no RLS. */
    static void createUnconstrainedCopy(DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + UNCONSTRAINED_TABLE + " (LIKE telemetry INCLUDING DEFAULTS)");
            st.execute("GRANT SELECT, INSERT ON " + UNCONSTRAINED_TABLE + " TO tvm_app");
        }
    }

    private static void notes(Report report, Options o, ScaleGenerator.Scale scale, PostgresTestDatabase db, Fixture fx,
            long started) {
        report.notes.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.notes.put("mode", o.quick() ? "quick" : "full");
        report.notes.put("commit", o.commit() == null ? "unknown" : o.commit());
        report.notes.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", " + serverVersion(db.adminDataSource()));
        report.notes.put("data set", scale.facilities() + " facilities x " + scale.vehiclesPerFacility() + " vehicles, "
                + scale.missions() + " missions, " + scale.telemetry() + " telemetry rows over " + scale.months()
                + " months");
        report.notes.put("double assignments", String.valueOf(fx.doubleAssignments()));
        java.util.Optional<Report.Row> ingest = report.rows.stream().filter(r -> r.name().startsWith("telemetry ingest")).findFirst();
        java.util.Optional<Report.Row> free = report.rows.stream().filter(r -> r.name().startsWith("schema cost")).findFirst();
        if (ingest.isPresent() && free.isPresent()) {   // both absent or one absent with --only
            report.notes.put("schema cost", String.format(java.util.Locale.ROOT,
                    "raw ingest into telemetry runs at %.2fx the rows/s of the unconstrained copy",
                    ingest.get().value().get(Side.RAW) / free.get().value().get(Side.RAW)));
        }
        ingest.ifPresent(row -> report.notes.put("allocation per telemetry row (bytes, raw/jpa/mybatis)",
                Report.num(row.bytesPerUnit().get(Side.RAW)) + "/" + Report.num(row.bytesPerUnit().get("jpa")) + "/"
                        + Report.num(row.bytesPerUnit().get("mybatis"))));
        report.notes.put("took", String.format(java.util.Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9));
    }

    private static String serverVersion(DataSource admin) {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' "
                     + "|| postgis_lib_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    /** For tests and tooling: the names of every row the quick bench prints. */
    public static List<String> rowNames() {
        List<String> names = new ArrayList<>(List.of("telemetry ingest, 1,000-row batches", "point read (mission by id)",
                "request a mission", "fleet status (query 2, 100 vehicles)", "dispatch cycle, 1 dispatcher",
                "dispatch cycle, 4 dispatchers", "heartbeats, 50-vehicle fleet", "mission progress step",
                "dashboard query 1 (active missions, 50)", "dashboard query 3 (recent telemetry)",
                "dashboard query 4 (mission timeline)", "schema cost: ingest into an unconstrained copy"));
        for (int q = 1; q <= 4; q++) {
            names.add("spec query " + q + " at scale");
        }
        return names;
    }
}
