package org.tvm.testkit.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The base tables of a migrated schema, for tests that check a hand-kept list (entities, mappers) against the schema
 * instead of counting by hand.
 */
public final class SchemaTables {

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
