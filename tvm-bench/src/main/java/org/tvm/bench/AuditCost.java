package org.tvm.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.migrations.AuditedTables;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.db.PostgresTestDatabase;

/**
 * What the automatic audit costs on the write path. Two small databases hold the same generated data set, one as
 * migrated and one with the audit triggers dropped; the same units of work run on both through each adapter,
 * interleaved batch by batch with the order rotating each round (as in the main run), and the ratio audited/unaudited
 * of the p50 is taken inside each round. The pools live for the whole phase, so each server backend compiles the
 * trigger functions once, as in a service (a fresh database per measurement would charge that to the audit).
 */
final class AuditCost {

    /** One operation through one adapter: p50s (median over rounds) and the per-round ratio's median, min and max. */
    record Row(String operation, String adapter, int auditedRows, double unauditedMicros, double auditedMicros,
               double[] ratio) {
    }

    /** The phase's name; {@code --only audit} selects it. */
    static final String PHASE = "audit cost";
    static final String TARGET = "<= 1.3x";
    private static final String AUDITED = " audited";
    private static final String UNAUDITED = " unaudited";
    private static final String[] ADAPTERS = {"jpa", "mybatis"};

    private AuditCost() {
    }

    /** The note naming the cost of linking the waiting entries afterwards. */
    static final String LINK_NOTE = "audit entries linked afterwards";

    /**
     * @param fresh  provisions a new throw-away migrated database on the bench's server
     * @param rounds measured rounds (after two unrecorded ones)
     * @param notes  receives {@link #LINK_NOTE}: the time to link the entries the rounds left waiting (V22), the part
     *               of the audit's cost that left the write path
     */
    static List<Row> measure(Supplier<PostgresTestDatabase> fresh, boolean quick, int rounds, PrintWriter out,
                             Map<String, String> notes) throws Exception {
        try (PostgresTestDatabase audited = fresh.get(); PostgresTestDatabase unaudited = fresh.get()) {
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (PostgresTestDatabase db : List.of(audited, unaudited)) {
                new ScaleGenerator(db.adminDataSource(), quiet).generate(ScaleGenerator.Scale.quick());
            }
            dropAuditTriggers(unaudited.adminDataSource());
            Fixture withAudit = Fixture.load(audited.adminDataSource());
            Fixture withoutAudit = Fixture.load(unaudited.adminDataSource());
            withAudit.settle();
            withoutAudit.settle();
            try (TvmPersistence jpaA = jpa(audited); TvmPersistence jpaU = jpa(unaudited);
                 TvmPersistence myA = mybatis(audited); TvmPersistence myU = mybatis(unaudited)) {
                Operations opsA = new Operations(withAudit, quick);
                Operations opsU = new Operations(withoutAudit, quick);
                opsA.micro();   // registers the operations by name
                opsU.micro();
                List<Side> sides = List.of(new Side("jpa" + AUDITED, 1, audited.appDataSource(), jpaA),
                        new Side("jpa" + UNAUDITED, 1, unaudited.appDataSource(), jpaU),
                        new Side("mybatis" + AUDITED, 2, audited.appDataSource(), myA),
                        new Side("mybatis" + UNAUDITED, 2, unaudited.appDataSource(), myU));
                Runnable reset = () -> {
                    withAudit.resetProgress();
                    withoutAudit.resetProgress();
                };
                // a progress batch is bounded by the steps its 10 missions have left (5 each); the resets renew them
                int steps = 50;
                // each operation with the audit rows its unit of work writes
                Map<Op, Integer> auditedRows = new LinkedHashMap<>();
                auditedRows.put(new Op("request a mission", Op.Metric.LATENCY, "us p50", 1, quick ? 20 : 300, false, TARGET,
                        null, (side, i) -> (audited(side) ? opsA : opsU).byName("request").body().run(side, i)), 1);
                auditedRows.put(new Op("mission progress step", Op.Metric.LATENCY, "us p50", 1, steps, false, TARGET, reset,
                        (side, i) -> (audited(side) ? opsA : opsU).byName("progress").body().run(side, i)), 1);
                auditedRows.put(new Op("progress step with vehicle status", Op.Metric.LATENCY, "us p50", 1, steps, false,
                        TARGET, reset, (side, i) -> progressWithVehicle(audited(side) ? withAudit : withoutAudit, side, i)), 2);
                List<Op> ops = List.copyOf(auditedRows.keySet());
                Runner runner = new Runner(sides, List.of(withAudit, withoutAudit), false);
                out.println("bench: audit cost, " + ops.size() + " operations x " + sides.size() + " paths, " + rounds
                        + " interleaved rounds");
                runner.warmUp(ops, 2, Integer.MAX_VALUE);
                runner.run(ops, rounds, out);
                notes.put(LINK_NOTE, linkWaiting(audited.adminDataSource()));
                return rows(runner, auditedRows);
            }
        }
    }

    /** Links what the rounds left waiting, in one batch as a maintenance run would, and says what it took. */
    private static String linkWaiting(DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            long entries;
            try (var rs = st.executeQuery("SELECT tvm_audit_drain()")) {
                rs.next();
                entries = rs.getLong(1);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            return String.format(java.util.Locale.ROOT, "%d entries in one tvm_audit_drain() call, %.0f ms (%.0f us per "
                    + "entry), outside the measured write path", entries, millis, entries == 0 ? 0 : millis * 1000 / entries);
        }
    }

    private static boolean audited(Side side) {
        return side.name().endsWith(AUDITED);
    }

    /**
     * A progress step as the demo's vehicles make it: the mission's step and, in the same unit of work, the vehicle's
     * status (docking at a stop, navigating between): two audited row changes.
     */
    private static void progressWithVehicle(Fixture fx, Side side, int i) {
        List<MissionId> mine = fx.inProgressFor(side.index(), 3);
        MissionId id = mine.get(i % mine.size());
        Instant now = Instant.now();
        side.persistence().run(fx.ctx, tx -> {
            Mission m = tx.missions().findById(id).orElseThrow();
            tx.missions().apply(m.recordProgress(ProgressStep.next(m.lastProgress()), now, fx.nurse));
            Vehicle v = tx.vehicles().findById(m.vehicleId()).orElseThrow();
            tx.vehicles().update(v.withStatus(v.status() == VehicleStatus.DOCKING ? VehicleStatus.NAVIGATING
                    : VehicleStatus.DOCKING));
        });
    }

    private static List<Row> rows(Runner runner, Map<Op, Integer> auditedRows) {
        List<Row> rows = new ArrayList<>();
        for (Op op : auditedRows.keySet()) {
            for (String adapter : ADAPTERS) {
                List<Runner.Sample> a = runner.samples.get(op).get(adapter + AUDITED);
                List<Runner.Sample> u = runner.samples.get(op).get(adapter + UNAUDITED);
                double[] r = new double[Math.min(a.size(), u.size())];
                for (int i = 0; i < r.length; i++) {
                    r[i] = a.get(i).p50Micros() / u.get(i).p50Micros();
                }
                rows.add(new Row(op.name(), adapter, auditedRows.get(op),
                        Report.median(u.stream().mapToDouble(Runner.Sample::p50Micros).toArray()),
                        Report.median(a.stream().mapToDouble(Runner.Sample::p50Micros).toArray()),
                        new double[] {Report.median(r), Arrays.stream(r).min().orElse(Double.NaN),
                            Arrays.stream(r).max().orElse(Double.NaN)}));
            }
        }
        return rows;
    }

    /** The unaudited baseline: the row-change triggers and both chain triggers dropped (a scratch database only). */
    static void dropAuditTriggers(DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            for (AuditedTables.Table t : AuditedTables.TABLES) {
                st.execute("DROP TRIGGER " + t.table() + "_audit ON " + t.table());
            }
            st.execute("DROP TRIGGER audit_logs_chain_link ON audit_logs");
            st.execute("DROP TRIGGER data_access_logs_chain_link ON data_access_logs");
        }
    }

    private static TvmPersistence jpa(PostgresTestDatabase db) {
        return JpaTvmPersistence.create(db.appDataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
    }

    private static TvmPersistence mybatis(PostgresTestDatabase db) {
        return MyBatisTvmPersistence.create(db.appDataSource(),
                MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
    }
}
