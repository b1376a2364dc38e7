package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.audit.AuditChain;
import org.tvm.domain.audit.AuditChainKey;
import org.tvm.domain.audit.ChainBreak;
import org.tvm.domain.audit.ChainBreak.Reason;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.ports.AuditChainBrokenException;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * The tamper matrix on real databases: raw SQL writers (the application role on PostgreSQL) are audited and chained
 * by the triggers; then an administrator who can bypass the triggers updates, deletes, forges, reorders, truncates or
 * re-hashes rows, and the verifier names the first affected position every time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTamperTest {

    private static final AuditChainKey KEY = AuditChainKey.of("k1", "0123456789abcdef0123456789abcdef".getBytes());

    private H2TestDatabase h2;

    @BeforeAll
    void open() {
        h2 = TestDatabases.h2();
    }

    @AfterAll
    void close() {
        h2.close();
    }

    record Db(String name, DataSource app, DataSource admin, boolean postgres) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Db> databases() {
        return Stream.of(new Db("postgresql", TestDatabases.postgres().appDataSource(),
                        TestDatabases.postgres().adminDataSource(), true),
                new Db("h2", h2.dataSource(), h2.dataSource(), false));
    }

    Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Db db : databases().toList()) {
            for (String t : List.of("update", "delete", "forge", "reorder", "truncate", "rehash")) {
                out.add(Arguments.of(db, t));
            }
        }
        return out.stream();
    }

    static JdbcAuditTrail trail(Db db) {
        JdbcAuditTrail.AdminTransactions tx = new JdbcAuditTrail.AdminTransactions() {
            @Override
            public <T> T run(JdbcAuditTrail.ConnectionWork<T> work) {
                try (Connection c = db.admin().getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        T r = work.run(c);
                        c.commit();
                        return r;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getSQLState(), e);
                }
            }
        };
        return new JdbcAuditTrail(tx, db.postgres(), KEY);
    }

    /**
     * A facility with a user, five audited changes made by raw SQL as that user, then one data-access entry; on
     * PostgreSQL the triggers' entries are moved into the chain before the data-access entry is written (V22), so the
     * chain's order is the same on both databases: user.create, resident.create, two resident.update,
     * resident.soft_delete, data access.
     */
    static UUID facilityWithHistory(Db db) throws SQLException {
        UUID facility = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID resident = UUID.randomUUID();
        try (Connection c = db.admin().getConnection()) {
            exec(c, "INSERT INTO facilities (id, name) VALUES (?, 'Tamper test')", facility);
        }
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            publish(db, c, facility, null);
            exec(c, "INSERT INTO users (id, facility_id, email, password_hash, first_name, last_name) "
                    + "VALUES (?, ?, ?, '$2a$10$abcdefghijklmnopqrstuv', 'Nurse', 'One')", user, facility,
                    "n" + user.toString().substring(0, 8) + "@example.org");
            c.commit();
            publish(db, c, facility, user);
            exec(c, "INSERT INTO residents (id, facility_id, first_name, last_name, date_of_birth, medical_notes) "
                    + "VALUES (?, ?, 'Ann', 'Lee', DATE '1940-01-02', 'secret notes')", resident, facility);
            exec(c, "UPDATE residents SET preferred_language = 'de' WHERE id = ?", resident);
            exec(c, "UPDATE residents SET last_name = 'Smith', medical_notes = 'other' WHERE id = ?", resident);
            exec(c, "UPDATE residents SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?", resident);
            c.commit();
        }
        drain(db);
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            publish(db, c, facility, user);
            exec(c, "INSERT INTO data_access_logs (facility_id, user_id, resident_id, access_type) VALUES (?, ?, ?, 'read')",
                    facility, user, resident);
            c.commit();
        }
        return facility;
    }

    /** PostgreSQL: moves the triggers' waiting entries into the chain, as maintenance or a verification would. */
    private static long drain(Db db) throws SQLException {
        try (Connection c = db.admin().getConnection()) {
            return JdbcAuditTrail.linkWaitingEntries(c, db.postgres());
        }
    }

    /**
     * V22: on PostgreSQL a trigger's entry waits outside the chain until a drain, and is readable through
     * audit_entries from its commit on; verifying drains first, so the verification covers it.
     */
    @Test
    void a_triggers_entry_is_readable_at_once_and_chained_by_the_next_drain() throws SQLException {
        Db db = databases().toList().get(0);
        assertThat(db.postgres()).isTrue();
        UUID facility = UUID.randomUUID();
        try (Connection c = db.admin().getConnection()) {
            exec(c, "INSERT INTO facilities (id, name) VALUES (?, 'Waiting entries')", facility);
        }
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            publish(db, c, facility, null);
            exec(c, "INSERT INTO vehicles (id, facility_id, name) VALUES (?, ?, 'W1')", UUID.randomUUID(), facility);
            c.commit();
        }
        String count = "SELECT count(*) FROM %s WHERE facility_id = ?";
        try (Connection c = db.admin().getConnection()) {
            assertThat(scalar(c, count.formatted("audit_logs"), facility)).isZero();
            assertThat(scalar(c, count.formatted("audit_logs_pending"), facility)).isEqualTo(1);
            assertThat(scalar(c, count.formatted("audit_entries") + " AND action = 'vehicle.create'", facility)).isEqualTo(1);
        }
        ChainVerification v = trail(db).verify(facility);
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(1);
        try (Connection c = db.admin().getConnection()) {
            assertThat(scalar(c, count.formatted("audit_logs") + " AND chain_seq = 1", facility)).isEqualTo(1);
            assertThat(scalar(c, count.formatted("audit_logs_pending"), facility)).isZero();
            assertThat(scalar(c, count.formatted("audit_entries"), facility)).isEqualTo(1);
        }
    }

    private static void publish(Db db, Connection c, UUID facility, UUID actor) throws SQLException {
        exec(c, db.postgres() ? "SELECT set_config('app.current_facility_id', ?, true), set_config('app.current_actor_id', ?, true)"
                : "SELECT SET(@tvm_facility_id, ?), SET(@tvm_actor_id, ?)", facility.toString(),
                actor == null ? "" : actor.toString());
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    /**
     * V22 under concurrency: writers committing audited changes while two drains run over and over; at the end every
     * entry is linked exactly once, in one unforked chain.
     */
    @Test
    void concurrent_writers_and_drains_link_every_entry_once_in_one_chain() throws Exception {
        Db db = databases().toList().get(0);
        UUID facility = UUID.randomUUID();
        try (Connection c = db.admin().getConnection()) {
            exec(c, "INSERT INTO facilities (id, name) VALUES (?, 'Concurrent drains')", facility);
        }
        int writers = 4;
        int perWriter = 30;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 2);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        try (Connection c = db.app().getConnection()) {
                            c.setAutoCommit(false);
                            publish(db, c, facility, null);
                            exec(c, "INSERT INTO vehicles (id, facility_id, name) VALUES (?, ?, ?)", UUID.randomUUID(),
                                    facility, "C" + UUID.randomUUID());
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            List<java.util.concurrent.Future<Long>> drains = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                drains.add(pool.submit(() -> {
                    long linked = 0;
                    while (writing.get()) {
                        linked += drain(db);
                    }
                    return linked;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            writing.set(false);
            long linked = drain(db);
            for (java.util.concurrent.Future<Long> f : drains) {
                linked += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(linked).as("entries linked by all drains").isGreaterThanOrEqualTo(writers * perWriter);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.admin().getConnection()) {
            assertThat(scalar(c, "SELECT count(*) FROM audit_logs_pending WHERE facility_id = ?", facility)).isZero();
            assertThat(scalar(c, "SELECT count(*) FROM audit_logs WHERE facility_id = ?", facility))
                    .isEqualTo(writers * perWriter);
            assertThat(scalar(c, "SELECT count(DISTINCT chain_seq) FROM audit_logs WHERE facility_id = ?", facility))
                    .isEqualTo(writers * perWriter);
        }
        ChainVerification v = trail(db).verify(facility);
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(writers * perWriter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void raw_sql_writers_are_audited_with_actor_and_withheld_values(Db db) throws SQLException {
        UUID facility = facilityWithHistory(db);
        List<String> actions = new ArrayList<>();
        String details;
        try (Connection c = db.admin().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT action, user_id FROM audit_logs WHERE facility_id = ? "
                     + "ORDER BY chain_seq")) {
            ps.setObject(1, facility);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1) + (rs.getObject(2) == null ? "" : "+actor"));
                }
            }
            try (PreparedStatement d = c.prepareStatement("SELECT " + (db.postgres() ? "details::text" : "details")
                    + " FROM audit_logs WHERE facility_id = ? AND action = 'resident.update' ORDER BY chain_seq DESC")) {
                d.setObject(1, facility);
                try (ResultSet rs = d.executeQuery()) {
                    rs.next();
                    details = rs.getString(1);
                }
            }
        }
        assertThat(actions).containsExactly("user.create", "resident.create+actor", "resident.update+actor",
                "resident.update+actor", "resident.soft_delete+actor");
        assertThat(details).contains("\"changed\"", "last_name,medical_notes", "[withheld]")
                .doesNotContain("Smith", "Lee", "secret", "other");
        ChainVerification v = trail(db).verify(facility);
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void every_tampering_is_found_at_the_right_position(Db db, String tampering) throws SQLException {
        UUID facility = facilityWithHistory(db);
        JdbcAuditTrail trail = trail(db);
        assertThat(trail.seal(facility, Instant.now())).isPresent();
        assertThat(trail.verify(facility).intact()).isTrue();
        long forgedId;
        try (Connection c = db.admin().getConnection()) {
            c.setAutoCommit(false);
            if (db.postgres()) {
                exec(c, "SET LOCAL session_replication_role = replica"); // a DBA bypassing the append-only triggers
            }
            forgedId = tamper(db, c, facility, tampering);
            c.commit();
        }
        ChainVerification v = trail.verify(facility);
        assertThat(v.intact()).as("%s on %s must be detected", tampering, db).isFalse();
        ChainBreak b = v.firstBreak().orElseThrow();
        switch (tampering) {
            case "update" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::seq).containsExactly(Reason.CHANGED, 3L);
            case "delete" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::seq).containsExactly(Reason.MISSING, 3L);
            case "forge" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::rowId)
                    .containsExactly(Reason.OUT_OF_ORDER, forgedId);
            case "reorder" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::seq)
                    .containsExactly(Reason.OUT_OF_ORDER, 2L);
            case "truncate" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::seq)
                    .containsExactly(Reason.TRUNCATED, 5L);
            case "rehash" -> assertThat(b).extracting(ChainBreak::reason, ChainBreak::seq)
                    .containsExactly(Reason.REHASHED, 1L);
            default -> throw new IllegalArgumentException(tampering);
        }
        assertThatThrownBy(() -> trail.seal(facility, Instant.now())).isInstanceOf(AuditChainBrokenException.class);
    }

    /** @return the forged row's id for "forge", else -1 */
    private static long tamper(Db db, Connection c, UUID facility, String tampering) throws SQLException {
        switch (tampering) {
            case "update" -> exec(c, "UPDATE audit_logs SET action = 'resident.read' WHERE facility_id = ? AND chain_seq = 3",
                    facility);
            case "delete" -> exec(c, "DELETE FROM audit_logs WHERE facility_id = ? AND chain_seq = 3", facility);
            case "forge" -> {
                exec(c, "INSERT INTO audit_logs (facility_id, action, timestamp, success) VALUES (?, 'resident.update', "
                        + "CURRENT_TIMESTAMP, TRUE)", facility);
                long id = scalar(c, "SELECT max(id) FROM audit_logs WHERE facility_id = ?", facility);
                exec(c, "UPDATE audit_logs SET chain_seq = 3, prev_hash = (SELECT row_hash FROM audit_logs a "
                        + "WHERE a.facility_id = ? AND a.chain_seq = 2), row_hash = ? WHERE id = ?", facility,
                        "f".repeat(64), id);
                return id;
            }
            case "reorder" -> {
                exec(c, "UPDATE audit_logs SET chain_seq = -chain_seq WHERE facility_id = ? AND chain_seq IN (2, 3)",
                        facility);
                exec(c, "UPDATE audit_logs SET chain_seq = 5 + chain_seq WHERE facility_id = ? AND chain_seq IN (-2, -3)",
                        facility);
            }
            case "truncate" -> {
                exec(c, "DELETE FROM audit_logs WHERE facility_id = ? AND chain_seq >= 5", facility);
                exec(c, "DELETE FROM data_access_logs WHERE facility_id = ? AND chain_seq >= 5", facility);
                // a careful DBA also rewinds the head; the signed checkpoint still knows better
                exec(c, "UPDATE audit_chain_heads SET last_seq = 4, last_hash = (SELECT row_hash FROM audit_logs "
                        + "WHERE facility_id = ? AND chain_seq = 4) WHERE chain_id = ?", facility, facility);
            }
            case "rehash" -> rehash(db, c, facility);
            default -> throw new IllegalArgumentException(tampering);
        }
        return -1;
    }

    /** Rewrites row 1 and recomputes every hash after it with the public algorithm: only the checkpoint can tell. */
    private static void rehash(Db db, Connection c, UUID facility) throws SQLException {
        exec(c, "UPDATE audit_logs SET user_email = 'someone.else@example.org' WHERE facility_id = ? AND chain_seq = 1",
                facility);
        JdbcAuditTrail trail = new JdbcAuditTrail(new JdbcAuditTrail.AdminTransactions() {
            @Override
            public <T> T run(JdbcAuditTrail.ConnectionWork<T> work) {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, db.postgres(), KEY);
        // walk the chain in the tampering transaction and re-hash link by link
        String prev = AuditChain.GENESIS;
        for (var link : trail.links(c, facility)) {
            String h = AuditChain.rowHash(facility, link.seq(), link.kind(), link.rowId(), link.fields(), prev);
            String table = link.kind().equals(AuditChain.KIND_AUDIT) ? "audit_logs" : "data_access_logs";
            exec(c, "UPDATE " + table + " SET prev_hash = ?, row_hash = ? WHERE id = ?", prev, h, link.rowId());
            prev = h;
        }
        exec(c, "UPDATE audit_chain_heads SET last_hash = ? WHERE chain_id = ?", prev, facility);
    }

    private static long scalar(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void retention_keeps_the_rest_verifiable_when_a_checkpoint_anchors_it() throws SQLException {
        Db db = databases().toList().get(0);
        UUID facility = facilityWithHistory(db);
        JdbcAuditTrail trail = trail(db);
        try (Connection c = db.admin().getConnection()) {
            c.setAutoCommit(false);
            exec(c, "SET LOCAL session_replication_role = replica");
            // checkpoint at seq 2, then "drop" rows 1..2 as a dropped yearly partition would
            String h2 = (String) Map.of("h", fetch(c, facility)).get("h");
            exec(c, "INSERT INTO audit_chain_checkpoints (chain_id, seq, row_hash, key_id, mac, signed_at) "
                    + "VALUES (?, 2, ?, ?, ?, CURRENT_TIMESTAMP)", facility, h2, KEY.keyId(),
                    org.tvm.domain.audit.ChainCheckpoint.sign(KEY, facility, 2, h2, Instant.now()).mac());
            exec(c, "DELETE FROM audit_logs WHERE facility_id = ? AND chain_seq <= 2", facility);
            c.commit();
        }
        assertThat(trail.verify(facility).intact()).isTrue();
        try (Connection c = db.admin().getConnection()) {
            c.setAutoCommit(false);
            exec(c, "SET LOCAL session_replication_role = replica");
            exec(c, "DELETE FROM audit_logs WHERE facility_id = ? AND chain_seq = 3", facility);
            c.commit();
        }
        assertThat(trail.verify(facility).firstBreak()).get().extracting(ChainBreak::reason).isEqualTo(Reason.MISSING);
    }

    private static String fetch(Connection c, UUID facility) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_hash FROM audit_logs WHERE facility_id = ? AND chain_seq = 2")) {
            ps.setObject(1, facility);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
