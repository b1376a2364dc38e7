package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.tvm.ports.Capability;
import org.tvm.ports.UnsafeDatabaseLoginException;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The login check both SQL adapters run at creation, against real PostgreSQL logins. */
class ApplicationLoginTest {

    private final PostgresTestDatabase db = TestDatabases.postgres();

    @Test
    void theApplicationRoleIsAcceptedWithEveryCapability() {
        assertThat(ApplicationLogin.check(db.appDataSource(), SqlDatabase.POSTGRESQL, false))
                .containsExactlyInAnyOrderElementsOf(SqlDatabase.POSTGRESQL.capabilities())
                .contains(Capability.ROW_LEVEL_SECURITY);
    }

    @Test
    void aSuperuserIsRefusedWithWhatIsWrongAndHowToFixIt() {
        assertThatThrownBy(() -> ApplicationLogin.check(db.adminDataSource(), SqlDatabase.POSTGRESQL, false))
                .isInstanceOf(UnsafeDatabaseLoginException.class)
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("IN ROLE tvm_app")
                .hasMessageContaining("allowLoginBypassingRowLevelSecurity()");
    }

    @Test
    void anAllowedBypassingLoginReportsNoRowLevelSecurity() {
        assertThat(ApplicationLogin.check(db.adminDataSource(), SqlDatabase.POSTGRESQL, true))
                .doesNotContain(Capability.ROW_LEVEL_SECURITY)
                .contains(Capability.PARTITIONED_TELEMETRY);
    }

    @Test
    void aBypassRlsRoleIsRefused() throws SQLException {
        String role = newLogin("BYPASSRLS");
        try {
            assertThatThrownBy(() -> ApplicationLogin.check(login(role), SqlDatabase.POSTGRESQL, false))
                    .isInstanceOf(UnsafeDatabaseLoginException.class)
                    .hasMessageContaining("has the BYPASSRLS attribute")
                    .hasMessageNotContaining("is a superuser");
        } finally {
            dropQuietly(role);
        }
    }

    @Test
    void aMemberOfTheTablesOwnerIsRefused() throws SQLException {
        String role = newLogin("NOBYPASSRLS");
        try {
            try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN EXECUTE format('GRANT %I TO " + role + "', "
                        + "(SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'missions'::regclass)); END $$");
            }
            assertThatThrownBy(() -> ApplicationLogin.check(login(role), SqlDatabase.POSTGRESQL, false))
                    .isInstanceOf(UnsafeDatabaseLoginException.class)
                    .hasMessageContaining("owns");
        } finally {
            dropQuietly(role);
        }
    }

    @Test
    void h2HasNoLoginToCheck() {
        assertThat(ApplicationLogin.check(TestDatabases.h2().dataSource(), SqlDatabase.H2, false))
                .isEqualTo(SqlDatabase.H2.capabilities());
    }

    private String newLogin(String attribute) throws SQLException {
        String role = "tvm_test_login_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "' NOSUPERUSER " + attribute + " IN ROLE tvm_app");
        }
        return role;
    }

    private void dropQuietly(String role) {
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE " + role);
        } catch (SQLException | RuntimeException ignored) {
            // the database is dropped anyway; the role may already be gone
        }
    }

    private DataSource login(String role) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(role);
        ds.setPassword(role);
        return ds;
    }
}
