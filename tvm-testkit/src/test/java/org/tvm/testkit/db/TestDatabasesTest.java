package org.tvm.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Provisioning of the test databases: the application really is a non-superuser subject to row-level security. */
class TestDatabasesTest {

    @Test
    void postgresAppDataSourceIsANonSuperuserWithoutBypassRls() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        assertThat(TestDatabases.postgres()).isSameAs(db);
        assertThat(db.databaseName()).startsWith("tvm_test_");
        assertThat(db.jdbcUrl()).endsWith("/" + db.databaseName());
        try (Connection c = db.appDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, rolsuper, rolbypassrls, pg_has_role(current_user, 'tvm_app', 'MEMBER')"
                     + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.appRole()).startsWith("tvm_test_app_");
            assertThat(rs.getBoolean(2)).as("rolsuper").isFalse();
            assertThat(rs.getBoolean(3)).as("rolbypassrls").isFalse();
            assertThat(rs.getBoolean(4)).as("member of tvm_app").isTrue();
        }
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("admin pool is the superuser").isTrue();
        }
    }

    @Test
    void postgresIsMigratedAndRowLevelSecurityHidesOtherFacilities() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (UUID f : new UUID[] {a, b}) {
                s.execute("INSERT INTO facilities (id, name, timezone) VALUES ('" + f + "', 'RLS test " + f + "', 'UTC')");
                s.execute("INSERT INTO locations (id, facility_id, name, kind, coordinates) VALUES ('" + UUID.randomUUID()
                        + "', '" + f + "', 'Entrance', 'entrance', ST_GeogFromText('POINT(13.4 52.5)'))");
            }
        }
        assertThat(countLocationsSeenBy(db.appDataSource(), a)).isEqualTo(1);
        assertThat(countLocationsSeenBy(db.appDataSource(), b)).isEqualTo(1);
        assertThat(countLocationsSeenBy(db.appDataSource(), null)).isZero();
    }

    private static long countLocationsSeenBy(DataSource ds, UUID facility) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (facility != null) {
                    s.execute("SELECT set_config('app.current_facility_id', '" + facility + "', true)");
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM locations")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void unreachableServerFailsClearlyNamingTheVariablesAndHowToStartOne() {
        String url = "jdbc:postgresql://127.0.0.1:1/postgres";
        assertThatThrownBy(() -> PostgresTestDatabase.provision(url, "postgres", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PostgreSQL not reachable at " + url)
                .hasMessageContaining("set TVM_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres), "
                        + "TVM_TEST_PG_USER and TVM_TEST_PG_PASSWORD, or start one, e.g. `docker run")
                .hasMessageNotContaining("bin/test");
    }

    @Test
    void failureMessagesAndJdbcUrlNeverContainAPasswordFromTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=s3cr3t-pw&sslmode=disable";
        assertThatThrownBy(() -> PostgresTestDatabase.provision(url, "postgres", "other-s3cr3t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PostgreSQL not reachable at jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&sslmode=disable")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> PostgresTestDatabase.provision("jdbc:mysql://h/db?password=s3cr3t", "u", "p"))
                .hasMessageNotContaining("s3cr3t");
        assertThat(PostgresTestDatabase.withoutSecrets("jdbc:postgresql://h/db?password=a&sslpassword=b&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(PostgresTestDatabase.withoutSecrets("jdbc:postgresql://h/db?PASSWORD=a"))
                .isEqualTo("jdbc:postgresql://h/db");
        assertThat(PostgresTestDatabase.withoutSecrets("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void aRefusedLoginIsNotReportedAsUnreachable() {
        String url = TestDatabases.DEFAULT_URL;
        assertThatThrownBy(() -> PostgresTestDatabase.provision(url, "tvm_no_such_role_" + UUID.randomUUID().toString()
                .substring(0, 8), "wrong-s3cr3t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PostgreSQL at " + url + " refused to create a test database as tvm_no_such_role_")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void h2DatabasesAreFreshAndMigrated() throws SQLException {
        try (H2TestDatabase one = TestDatabases.h2(); H2TestDatabase two = TestDatabases.h2()) {
            assertThat(one.jdbcUrl()).isNotEqualTo(two.jdbcUrl()).contains("MODE=PostgreSQL");
            try (Connection c = one.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM roles")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6);
            }
            try (Connection c = two.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO facilities (id, name, timezone) VALUES ('" + UUID.randomUUID() + "', 'H2', 'UTC')");
            }
            try (Connection c = one.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM facilities")) {
                rs.next();
                assertThat(rs.getLong(1)).as("databases are independent").isZero();
            }
        }
    }
}
