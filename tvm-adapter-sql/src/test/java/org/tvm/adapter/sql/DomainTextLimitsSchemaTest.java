package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.TextLimits;
import org.tvm.testkit.db.TestDatabases;

/**
 * The domain's text limits are the migrated PostgreSQL schema's: every character column of the application's tables
 * is either a free-text column with the same limit in {@link TextLimits#MAX_LENGTH} or an enum-code column, and every
 * stated limit names an existing column of that length. A column widened, narrowed or added in a migration without
 * the domain (or the other way round) fails here.
 */
class DomainTextLimitsSchemaTest {

    private static final String VARCHAR_COLUMNS = """
            SELECT c.table_name || '.' || c.column_name, c.character_maximum_length
              FROM information_schema.columns c
              JOIN pg_class t ON t.relname = c.table_name
              JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
             WHERE c.table_schema = 'public' AND c.data_type = 'character varying'
               AND t.relkind IN ('r', 'p') AND NOT t.relispartition
               AND c.table_name NOT IN ('spatial_ref_sys', 'flyway_schema_history')
            """;

    @Test
    void everyCharacterColumnHasTheDomainsLimitAndEveryLimitItsColumn() throws SQLException {
        Map<String, Integer> schema = new HashMap<>();
        try (Connection c = TestDatabases.postgres().adminDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(VARCHAR_COLUMNS)) {
            while (rs.next()) {
                schema.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(schema).hasSizeGreaterThan(40);

        // written by the database's audit-chain triggers, the chain sealer and the maintenance run log, never from a
        // domain text value: hex digests, HMACs, key ids and run outcomes; and the audit triggers' waiting entries
        // (V22), which only the triggers write and the drain moves into audit_logs (whose limits are the domain's)
        java.util.Set<String> notDomainText = java.util.Set.of("audit_logs.prev_hash", "audit_logs.row_hash",
                "audit_logs_pending.user_email", "audit_logs_pending.action", "audit_logs_pending.resource_type",
                "data_access_logs.prev_hash", "data_access_logs.row_hash", "audit_chain_heads.last_hash",
                "audit_chain_heads.prev_hash", "audit_chain_checkpoints.row_hash", "audit_chain_checkpoints.key_id", "audit_chain_checkpoints.mac",
                "maintenance_runs.outcome");
        assertThat(schema.keySet()).as("database-written text columns").containsAll(notDomainText);
        schema.forEach((column, length) -> {
            if (!TextLimits.CODE_COLUMNS.contains(column) && !notDomainText.contains(column)) {
                assertThat(TextLimits.MAX_LENGTH).as("domain limit of %s (VARCHAR(%d))", column, length)
                        .containsEntry(column, length);
            }
        });
        assertThat(schema).as("columns of the domain's limits").containsAllEntriesOf(TextLimits.MAX_LENGTH);
        assertThat(schema.keySet()).as("enum-code columns").containsAll(TextLimits.CODE_COLUMNS);
    }
}
