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
 * in-memory adapter read), so the three never drift apart.
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

    private static Set<String> sorted(String csv) {
        return csv.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(csv.split(",")));
    }
}
