package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;

/**
 * V13: the PostgreSQL audit triggers carry exactly the rules of {@link AuditedTables} (which the H2 triggers and the
 * in-memory adapter read), so the three never drift apart. V21: they fire on UPDATE only of the columns whose change is
 * audited, so a heartbeat does not call them.
 */
class PostgresAuditTriggersTest {

    private static PostgresTestDatabase db;

    @BeforeAll
    static void migrate() {
        db = PostgresTestDatabase.create("audittriggers");
        TvmMigrations.migrate(db.dataSource());
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void every_audited_table_has_a_trigger_with_the_same_rules() throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT c.relname AS tbl, encode(t.tgargs, 'escape') AS args FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                    WHERE p.proname = 'tvm_audit_row_change' AND NOT t.tgisinternal""")) {
                String[] a = ((String) row.get("args")).split("\\\\000", -1);
                actual.put((String) row.get("tbl"), a[0] + "|" + a[1] + "|" + sorted(a[2]) + "|" + sorted(a[3]));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (AuditedTables.Table t : AuditedTables.TABLES) {
            expected.put(t.table(), t.resourceType() + "|" + t.idColumn() + "|" + new TreeSet<>(t.withheld()) + "|"
                    + new TreeSet<>(t.ignored()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Each trigger's UPDATE OF list is every column of its table whose change is audited: derived here from the live
     * schema, so a column added to an audited table without {@code tvm_audit_track_columns} fails this test.
     */
    @Test
    void every_audit_trigger_fires_on_update_of_exactly_the_audited_columns() throws SQLException {
        Map<String, Set<String>> actual = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT c.relname AS tbl, a.attname AS col FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                    JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = ANY (t.tgattr)
                    WHERE p.proname = 'tvm_audit_row_change' AND NOT t.tgisinternal""")) {
                actual.computeIfAbsent((String) row.get("tbl"), k -> new TreeSet<>()).add((String) row.get("col"));
            }
            for (AuditedTables.Table t : AuditedTables.TABLES) {
                Set<String> audited = new TreeSet<>(Sql.strings(c, """
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name = ?""", t.table()));
                audited.removeAll(AuditedTables.NEVER_LISTED);
                audited.removeAll(t.ignored());
                audited.remove(t.idColumn());
                expected.put(t.table(), audited);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The trigger function is not even called for a heartbeat, and still is for any audited change. */
    @Test
    void a_heartbeat_does_not_call_the_audit_trigger() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                Sql.exec(c, "SET LOCAL track_functions = 'pl'");
                Sql.exec(c, "INSERT INTO facilities (id, name) VALUES ('f0000000-0000-0000-0000-0000000000a1', 'Beat')");
                Sql.exec(c, "INSERT INTO vehicles (id, facility_id, name) VALUES ('f0000000-0000-0000-0000-0000000000a2', "
                        + "'f0000000-0000-0000-0000-0000000000a1', 'B1')");
                String calls = "SELECT pg_stat_get_xact_function_calls('tvm_audit_row_change'::regproc)";
                assertThat(Sql.number(c, calls)).isEqualTo(1);
                Sql.exec(c, "UPDATE vehicles SET last_heartbeat = now(), battery_level = 80, "
                        + "current_location = '{\"lat\": 52.5, \"lng\": 13.4}' WHERE id = 'f0000000-0000-0000-0000-0000000000a2'");
                assertThat(Sql.number(c, calls)).isEqualTo(1);
                Sql.exec(c, "UPDATE vehicles SET status = 'maintenance' WHERE id = 'f0000000-0000-0000-0000-0000000000a2'");
                assertThat(Sql.number(c, calls)).isEqualTo(2);
            } finally {
                c.rollback();
            }
        }
    }

    private static Set<String> sorted(String csv) {
        return csv.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(csv.split(",")));
    }
}
