package org.tvm.adapter.sql.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * The error table and the migrated schema cannot drift apart: every constraint the table gives a meaning exists, and
 * every constraint of the schema belongs to a table whose entity the table knows (so no violation is reported
 * without its entity).
 */
class SqlErrorTableSchemaTest {

    /** Constraints and unique indexes of the application's tables (PostGIS's own table excluded). */
    private static final String POSTGRES_CONSTRAINTS = """
            SELECT c.relname, x.conname FROM pg_constraint x
              JOIN pg_class c ON c.oid = x.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND NOT c.relispartition AND c.relname NOT IN ('spatial_ref_sys', 'flyway_schema_history')
            UNION
            SELECT t.relname, i.relname FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'public' AND x.indisunique AND NOT t.relispartition AND t.relkind IN ('r', 'p')
               AND t.relname NOT IN ('spatial_ref_sys', 'flyway_schema_history')
            """;

    private static final String H2_CONSTRAINTS = """
            SELECT table_name, constraint_name FROM information_schema.table_constraints
             WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) <> 'flyway_schema_history'
            UNION
            SELECT table_name, index_name FROM information_schema.indexes
             WHERE LOWER(table_schema) = 'public' AND index_type_name LIKE '%UNIQUE%'
               AND LOWER(table_name) <> 'flyway_schema_history'
            """;

    @Test
    void everyConstraintOfThePostgresSchemaHasAnEntityAndEveryNamedConstraintExists() throws SQLException {
        List<String[]> constraints = constraints(TestDatabases.postgres().adminDataSource(), POSTGRES_CONSTRAINTS);

        assertThat(constraints).hasSizeGreaterThan(50);
        assertEveryConstraintHasAnEntity(constraints);
        assertThat(constraints.stream().map(c -> c[1]).toList())
                .as("constraints named in SqlErrorTable.CONSTRAINTS")
                .containsAll(SqlErrorTable.CONSTRAINTS.keySet());
    }

    @Test
    void everyConstraintOfTheH2SchemaHasAnEntity() throws SQLException {
        try (H2TestDatabase h2 = TestDatabases.h2()) {
            List<String[]> constraints = constraints(h2.dataSource(), H2_CONSTRAINTS);

            assertThat(constraints).hasSizeGreaterThan(50);
            assertEveryConstraintHasAnEntity(constraints);
        }
    }

    @Test
    void theMeaningOfAConstraintNamesTheEntityOfItsTable() throws SQLException {
        List<String[]> constraints = constraints(TestDatabases.postgres().adminDataSource(), POSTGRES_CONSTRAINTS);
        for (String[] c : constraints) {
            SqlErrorTable.Meaning meaning = SqlErrorTable.CONSTRAINTS.get(c[1]);
            if (meaning != null) {
                assertThat(meaning.entity()).as(c[1]).isEqualTo(SqlErrorTable.entityOfTable(c[0]));
            }
        }
    }

    private static void assertEveryConstraintHasAnEntity(List<String[]> constraints) {
        for (String[] c : constraints) {
            assertThat(SqlErrorTable.entityOfTable(c[0])).as("entity of table %s (constraint %s)", c[0], c[1]).isNotNull();
        }
    }

    private static List<String[]> constraints(DataSource dataSource, String query) throws SQLException {
        List<String[]> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                result.add(new String[] {rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT)});
            }
        }
        return result;
    }
}
