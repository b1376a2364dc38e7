package org.tvm.examples.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tvm.examples.demo.AdapterChoice;
import org.tvm.examples.demo.DayReport;
import org.tvm.examples.demo.FacilityDaySimulation;
import org.tvm.migrations.AuditedTables;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;

/**
 * Write-path cost of the automatic audit, reproducibly: the demo day (same seed) on a fresh database with the V13
 * triggers, and on a fresh database where they were dropped, alternating, several rounds; prints the mean time of the
 * "request mission" and "mission progress" units of work and their ratio. Not a test (timings on a shared machine
 * prove nothing in CI); run it by hand:
 *
 * <pre>{@code
 * java -cp examples/target/classes:$(cat examples/target/tvm-classpath.txt) org.tvm.examples.audit.AuditCostProbe \
 *     [jdbc:postgresql://127.0.0.1:5432/postgres [user]]   # without a URL: embedded H2 only
 * }</pre>
 * Options: {@code -Dtvm.probe.rounds=3} (measured rounds after a warm-up), {@code -Dtvm.probe.adapters=jpa,mybatis}.
 * On PostgreSQL it creates and drops scratch databases {@code tvm_auditcost_*} (the user must be allowed to).
 */
public final class AuditCostProbe {

    /** Measured rounds after one warm-up round (system property {@code tvm.probe.rounds}). */
    private static final int ROUNDS = Integer.getInteger("tvm.probe.rounds", 3);
    private static final String[] KINDS = {"request mission", "mission progress"};

    private AuditCostProbe() {
    }

    public static void main(String[] args) throws SQLException {
        String server = args.length > 0 ? args[0] : null;
        String user = args.length > 1 ? args[1] : "postgres";
        System.out.println("database    adapter  kind              audited ms  unaudited ms  ratio");
        for (AdapterChoice adapter : AdapterChoice.values()) {
            if (!System.getProperty("tvm.probe.adapters", "jpa,mybatis").contains(adapter.code())) {
                continue;
            }
            report("h2", adapter, measure(adapter, null, null));
            if (server != null) {
                report("postgresql", adapter, measure(adapter, server, user));
            }
        }
    }

    /** @return per kind: {sum of means audited, sum of means unaudited} over the rounds after the first (warm-up) */
    private static double[][] measure(AdapterChoice adapter, String server, String user) throws SQLException {
        double[][] sums = new double[KINDS.length][2];
        for (int round = 0; round <= ROUNDS; round++) {
            for (int audited = 1; audited >= 0; audited--) {
                DayReport r = day(adapter, server, user, audited == 1);
                if (round == 0) {
                    continue; // warm-up
                }
                for (int k = 0; k < KINDS.length; k++) {
                    for (DayReport.OperationStats s : r.operations()) {
                        if (s.kind().equals(KINDS[k])) {
                            sums[k][audited == 1 ? 0 : 1] += s.meanMillis() / ROUNDS;
                        }
                    }
                }
            }
        }
        return sums;
    }

    private static void report(String db, AdapterChoice adapter, double[][] means) {
        for (int k = 0; k < KINDS.length; k++) {
            System.out.printf(Locale.ROOT, "%-11s %-8s %-17s %10.3f  %12.3f  %5.2fx%n", db, adapter.code(), KINDS[k],
                    means[k][0], means[k][1], means[k][0] / means[k][1]);
        }
    }

    private static DayReport day(AdapterChoice adapter, String server, String user, boolean audited) throws SQLException {
        String name = "tvm_auditcost_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = server == null
                ? "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : server.substring(0, server.lastIndexOf('/') + 1) + name;
        if (server != null) {
            admin(server, user, "CREATE DATABASE " + name);
        }
        try (HikariDataSource ds = pool(url, server == null ? "sa" : user)) {
            TvmMigrations.migrate(ds);
            if (!audited) {
                dropAuditTriggers(ds);
            }
            try (TvmAdministration administration = adapter.administration(ds);
                 TvmPersistence persistence = adapter.open(ds)) {
                return new FacilityDaySimulation(persistence, administration,
                        FacilityDaySimulation.Config.of(8, 40, 120, 8, 42)).run();
            }
        } finally {
            if (server != null) {
                admin(server, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** The unaudited baseline: the row-change triggers and the chain triggers dropped (scratch database only). */
    private static void dropAuditTriggers(HikariDataSource ds) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (AuditedTables.Table t : AuditedTables.TABLES) {
            drops.add("DROP TRIGGER " + t.table() + "_audit ON " + t.table());
        }
        drops.add("DROP TRIGGER audit_logs_chain_link ON audit_logs");
        drops.add("DROP TRIGGER data_access_logs_chain_link ON data_access_logs");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().contains("H2");
            for (String drop : drops) {
                st.execute(h2 ? drop.substring(0, drop.indexOf(" ON ")) : drop);
            }
        }
    }

    private static void admin(String server, String user, String sql) throws SQLException {
        try (HikariDataSource ds = pool(server, user); Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        String pw = System.getenv("TVM_DB_PASSWORD");
        if (pw != null) {
            config.setPassword(pw);
        }
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
