package org.tvm.migrations;

import org.tvm.migrations.support.Scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.migrations.support.ExpectedAccess;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.SchemaShape;
import org.tvm.migrations.support.Sql;

/**
 * The H2 migration set: migrates an in-memory H2 (MODE=PostgreSQL), stays in column parity with the
 * PostgreSQL schema of record (the only allowed difference: vehicles.current_point), and seeds the same
 * RBAC catalogue.
 */
class H2MigrationsTest {

    /** Columns allowed to exist on PostgreSQL only. */
    static final Set<String> POSTGRES_ONLY_COLUMNS = Set.of("vehicles.current_point");

    /** Generated columns that stand in for PostgreSQL's partial unique indexes, which H2 cannot express. */
    static final Set<String> H2_ONLY_COLUMNS = Set.of(
            "users.unique_live_email", "vehicles.unique_live_name", "missions.active_vehicle_id");

    private static PostgresTestDatabase pg;
    private static DataSource h2;
    private static Connection h2Keepalive;
    private static SchemaInfo infoBefore;
    private static MigrationReport report;

    @BeforeAll
    static void migrateBoth() throws SQLException {
        h2 = h2DataSource("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2Keepalive = h2.getConnection();  // keeps the in-memory database alive
        infoBefore = TvmMigrations.info(h2);
        report = TvmMigrations.migrate(h2);
        pg = PostgresTestDatabase.create("h2parity");
        TvmMigrations.migrate(pg.dataSource());
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        try {
            if (h2Keepalive != null) {
                h2Keepalive.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static JdbcDataSource h2DataSource(String options) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tvm_" + UUID.randomUUID().toString().replace("-", "") + ";" + options);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Test
    void h2_migrates_and_reports_the_same_versions_as_postgresql() {
        assertThat(infoBefore.vendor()).isEqualTo(Vendor.H2);
        assertThat(infoBefore.applied()).isEmpty();
        assertThat(infoBefore.currentVersion()).isEmpty();
        assertThat(infoBefore.pendingCount()).isEqualTo(Scripts.versions(Vendor.H2).size());
        assertThat(infoBefore.isUpToDate()).isFalse();

        assertThat(report.vendor()).isEqualTo(Vendor.H2);
        assertThat(report.migrationsExecuted()).isEqualTo(Scripts.versions(Vendor.H2).size());
        assertThat(report.targetVersion()).contains(Scripts.latest(Vendor.H2));
        assertThat(report.executed()).isEqualTo(TvmMigrations.info(pg.dataSource()).applied());
    }

    @Test
    void h2_migrate_again_is_a_no_op_and_validates() {
        assertThat(TvmMigrations.migrate(h2).migrationsExecuted()).isZero();
        TvmMigrations.validate(h2);
        SchemaInfo info = TvmMigrations.info(h2);
        assertThat(info.isUpToDate()).isTrue();
        assertThat(info.applied()).hasSize(Scripts.versions(Vendor.H2).size());
    }

    @Test
    void validate_fails_on_an_unmigrated_database() {
        DataSource empty = h2DataSource("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> TvmMigrations.validate(empty)).isInstanceOf(MigrationException.class);
    }

    @Test
    void h2_without_postgresql_mode_is_refused_with_advice() {
        DataSource regular = h2DataSource("DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> TvmMigrations.migrate(regular))
                .isInstanceOf(MigrationException.class).hasMessageContaining("MODE=PostgreSQL");
    }

    @Test
    void unsupported_databases_are_rejected() {
        assertThat(Vendor.fromProductName("PostgreSQL")).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.fromProductName("H2")).isEqualTo(Vendor.H2);
        DataSource mysql = fakeDataSource("MySQL");
        assertThatThrownBy(() -> TvmMigrations.migrate(mysql)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MySQL");
    }

    @Test
    void every_column_exists_in_both_sets_with_the_same_type_family_and_nullability() throws SQLException {
        Map<String, Map<String, SchemaShape.Column>> postgres;
        Map<String, Map<String, SchemaShape.Column>> embedded;
        try (Connection c = pg.connect(); Connection h = h2.getConnection()) {
            postgres = SchemaShape.readPostgres(c);
            embedded = SchemaShape.readH2(h);
        }
        assertThat(postgres).hasSize(SpecColumns.TABLES.size());
        assertThat(SchemaShape.diff("PostgreSQL", postgres, "H2", embedded, POSTGRES_ONLY_COLUMNS, H2_ONLY_COLUMNS)).isEmpty();
        // the allowlist is not stale
        assertThat(postgres.get("vehicles")).containsKey("current_point");
        assertThat(embedded.get("vehicles")).doesNotContainKey("current_point");
        for (String column : H2_ONLY_COLUMNS) {
            String[] tableColumn = column.split("\\.");
            assertThat(embedded.get(tableColumn[0])).containsKey(tableColumn[1]);
        }
    }

    @Test
    void the_parity_check_fails_when_a_column_exists_on_one_side_only() {
        SchemaShape.Column uuid = new SchemaShape.Column("uuid", false);
        SchemaShape.Column text = new SchemaShape.Column("text", true);
        Map<String, Map<String, SchemaShape.Column>> left = Map.of(
                "missions", Map.of("id", uuid, "notes", text, "extra", text),
                "vehicles", Map.of("id", uuid, "current_point", text));
        Map<String, Map<String, SchemaShape.Column>> right = Map.of(
                "missions", Map.of("id", uuid, "notes", new SchemaShape.Column("varchar(10)", true), "h2_only", text),
                "vehicles", Map.of("id", uuid),
                "orphans", Map.of("id", uuid));
        assertThat(SchemaShape.diff("PostgreSQL", left, "H2", right, POSTGRES_ONLY_COLUMNS, H2_ONLY_COLUMNS)).containsExactlyInAnyOrder(
                "column missions.extra exists only in PostgreSQL",
                "column missions.h2_only exists only in H2",
                "column missions.notes is text null in PostgreSQL but varchar(10) null in H2",
                "table orphans exists only in H2");
    }

    @Test
    void mission_summary_has_the_same_columns_in_both() throws SQLException {
        try (Connection c = pg.connect(); Connection h = h2.getConnection()) {
            List<String> pgColumns = Sql.strings(c,
                    "SELECT attname FROM pg_attribute WHERE attrelid = 'mission_summary'::regclass AND attnum > 0 ORDER BY attnum");
            List<String> h2Columns = Sql.strings(h, """
                    SELECT LOWER(column_name) FROM information_schema.columns
                    WHERE LOWER(table_name) = 'mission_summary' ORDER BY ordinal_position""");
            assertThat(h2Columns).isEqualTo(pgColumns);
        }
    }

    @Test
    void h2_seeds_equal_postgresql_seeds() throws SQLException {
        try (Connection c = pg.connect(); Connection h = h2.getConnection()) {
            for (String sql : List.of(
                    "SELECT name || ' = ' || description FROM roles",
                    "SELECT resource || ':' || action || ' = ' || description FROM permissions",
                    """
                    SELECT r.name || ' -> ' || p.resource || ':' || p.action FROM role_permissions rp
                    JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id""")) {
                assertThat(new TreeSet<>(Sql.strings(h, sql))).as(sql).isEqualTo(new TreeSet<>(Sql.strings(c, sql)));
            }
            Map<String, Set<String>> grants = new TreeMap<>();
            for (Map<String, Object> row : Sql.rows(h, """
                    SELECT r.name AS role_name, p.resource || ':' || p.action AS permission FROM role_permissions rp
                    JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id""")) {
                grants.computeIfAbsent((String) row.get("role_name"), k -> new TreeSet<>()).add((String) row.get("permission"));
            }
            assertThat(grants).isEqualTo(new TreeMap<>(ExpectedAccess.GRANTS));
        }
    }

    @Test
    void h2_enforces_the_checks_and_keys_it_can_express() throws SQLException {
        try (Connection h = h2.getConnection()) {
            h.setAutoCommit(false);
            try {
                Sql.exec(h, """
                        INSERT INTO facilities (id, name, timezone) VALUES
                          ('a0000000-0000-0000-0000-000000000001', 'A', 'UTC'), ('b0000000-0000-0000-0000-000000000001', 'B', 'UTC');
                        INSERT INTO users (id, facility_id, email, password_hash, first_name, last_name) VALUES
                          ('a0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000001', 'a@example.org', 'x', 'A', 'A');
                        INSERT INTO residents (id, facility_id, first_name, last_name, date_of_birth) VALUES
                          ('b0000000-0000-0000-0000-000000000021', 'b0000000-0000-0000-0000-000000000001', 'B', 'B', DATE '1940-01-01');
                        INSERT INTO vehicles (facility_id, name, current_location) VALUES
                          ('a0000000-0000-0000-0000-000000000001', 'Alpha', JSON '{"lat": 1, "lon": 2}');
                        INSERT INTO locations (facility_id, name, coordinates) VALUES
                          ('a0000000-0000-0000-0000-000000000001', 'Room', 'SRID=4326;POINT(139.7 35.6)');
                        INSERT INTO telemetry (facility_id, vehicle_id, timestamp, error_codes)
                          SELECT facility_id, id, CURRENT_TIMESTAMP, ARRAY['VEH-NAV-001'] FROM vehicles;
                        """);
                Sql.exec(h, "SAVEPOINT s");
                assertRejected(h, "INSERT INTO users (facility_id, email, password_hash, first_name, last_name) VALUES "
                        + "('a0000000-0000-0000-0000-000000000001', 'A@Example.org', 'x', 'A', 'A')", "IDX_USERS_EMAIL_UNIQUE");
                assertRejected(h, "INSERT INTO users (facility_id, email, password_hash, first_name, last_name) VALUES "
                        + "('a0000000-0000-0000-0000-000000000001', 'a@example.org', 'x', 'A', 'A')", "IDX_USERS_EMAIL_UNIQUE");
                assertRejected(h, "INSERT INTO vehicles (facility_id, name, status) VALUES "
                        + "('a0000000-0000-0000-0000-000000000001', 'Beta', 'flying')", "CHECK_VEHICLES_STATUS");
                assertRejected(h, "INSERT INTO vehicles (facility_id, name) VALUES ('a0000000-0000-0000-0000-000000000001', 'Alpha')",
                        "IDX_VEHICLES_NAME_UNIQUE");
                assertRejected(h, "INSERT INTO missions (facility_id, resident_id, created_by_user_id, pickup_location, dropoff_location) "
                        + "VALUES ('a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000021', "
                        + "'a0000000-0000-0000-0000-000000000011', 'P', 'D')", "FK_MISSIONS_RESIDENT");
                assertRejected(h, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp, heading) "
                        + "SELECT facility_id, id, CURRENT_TIMESTAMP, 361 FROM vehicles", "CHECK_TELEMETRY_HEADING");
            } finally {
                h.rollback();
            }
        }
    }

    private static void assertRejected(Connection h, String sql, String constraint) throws SQLException {
        try {
            assertThatThrownBy(() -> Sql.exec(h, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint.toLowerCase(java.util.Locale.ROOT));
        } finally {
            Sql.exec(h, "ROLLBACK TO SAVEPOINT s");
        }
    }

    private static DataSource fakeDataSource(String product) {
        DatabaseMetaData md = (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> m.getName().equals("getDatabaseProductName") ? product : null);
        Connection con = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMetaData" -> md;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                    if (m.getName().equals("getConnection")) {
                        return con;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
