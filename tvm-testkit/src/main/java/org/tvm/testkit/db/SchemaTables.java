package org.tvm.testkit.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The base tables of a migrated schema, for tests that check an adapter's mapped tables (entities, mappers) against
 * the schema instead of counting by hand.
 */
public final class SchemaTables {

    /**
     * Tables of the schema that no port stores, and why: the database and the shared SQL module own them, so neither
     * SQL adapter maps them. This project's own bookkeeping for its schema checks, not an API for applications (it
     * changes whenever a table gains a port). Held once for both adapters' schema checks ({@code EntityTablesTest},
     * {@code MapperTablesTest}); a table of the schema that gains a port leaves this list, and a new table with no port
     * joins it with its reason (either check fails until it does).
     */
    public static final Map<String, String> WITHOUT_PORT = Map.of(
            "flyway_schema_history", "Flyway's bookkeeping",
            "audit_chain_heads", "hash-chain heads: written by the database's audit triggers, read by JdbcAuditTrail",
            "audit_chain_checkpoints", "signed checkpoints: JdbcAuditTrail (tvm-adapter-sql), shared by both adapters",
            "maintenance_runs", "the maintenance run log: JdbcTvmMaintenance (tvm-adapter-sql)",
            "mission_archive", "archived missions: JdbcTvmMaintenance (tvm-adapter-sql)",
            "audit_logs_pending", "written by the audit triggers, moved by tvm_audit_drain; read through audit_entries");

    private SchemaTables() {
    }

    /**
     * @param dataSource a migrated database (PostgreSQL or H2)
     * @return the lower-case names of the base tables of schema {@code public}, sorted; partitions of PostgreSQL
     *         partitioned tables are reported as tables by the driver and are included only if they are not partitions
     * @throws SQLException if the metadata cannot be read
     */
    public static Set<String> of(DataSource dataSource) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%",
                        new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return Collections.unmodifiableSet(tables);
    }

    /**
     * @param dataSource a migrated database (PostgreSQL or H2)
     * @return the lower-case names of the views of schema {@code public}, sorted
     * @throws SQLException if the metadata cannot be read
     */
    public static Set<String> views(DataSource dataSource) throws SQLException {
        Set<String> views = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"VIEW"})) {
            while (rs.next()) {
                if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    views.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return Collections.unmodifiableSet(views);
    }
}
