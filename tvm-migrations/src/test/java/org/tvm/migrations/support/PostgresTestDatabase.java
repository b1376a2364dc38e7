package org.tvm.migrations.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Test-only provisioning of a throw-away PostgreSQL database: created with a random name, dropped (and
 * every login role created through it) on {@link #close()}.
 *
 * <p>Server and credentials: {@code TVM_TEST_PG_URL}, {@code TVM_TEST_PG_USER}, {@code TVM_TEST_PG_PASSWORD}
 * if set, else {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}. The user must be able to
 * create databases and roles (a superuser: migrations create PostGIS and the cluster roles). An unreachable
 * server is a test failure naming {@code bin/test}, never a skip.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String databaseName;
    private final String databaseUrl;
    private final List<String> createdRoles = new ArrayList<>();

    private PostgresTestDatabase(String adminUrl, String user, String password, String databaseName) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
        this.databaseUrl = withDatabase(adminUrl, databaseName);
    }

    /**
     * Creates a new, empty database named {@code tvm_mig_<purpose>_<random>}.
     *
     * @param purpose a short lower-case word naming the test class
     */
    public static PostgresTestDatabase create(String purpose) {
        String url = env("TVM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("TVM_TEST_PG_USER", "postgres");
        String password = env("TVM_TEST_PG_PASSWORD", "");
        String name = "tvm_mig_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_" + randomHex(6);
        PostgresTestDatabase db = new PostgresTestDatabase(url, user, password, name);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable or refused CREATE DATABASE at " + url + " as '" + user
                    + "' (" + e.getMessage() + "). Run the tests through bin/test, which provisions PostgreSQL 15 + PostGIS,"
                    + " or point TVM_TEST_PG_URL/TVM_TEST_PG_USER/TVM_TEST_PG_PASSWORD at a server where that user may"
                    + " create databases and roles.", e);
        }
        return db;
    }

    /** @return a data source for the test database, connecting as the provisioning (super)user */
    public DataSource dataSource() {
        return dataSource(user, password);
    }

    /** @return a data source for the test database connecting as the given user */
    public DataSource dataSource(String loginUser, String loginPassword) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(databaseUrl);
        ds.setUser(loginUser);
        ds.setPassword(loginPassword);
        return ds;
    }

    /** @return a new connection to the test database as the provisioning (super)user */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, user, password);
    }

    /** @return the JDBC URL of the test database */
    public String url() {
        return databaseUrl;
    }

    /** @return the database name */
    public String name() {
        return databaseName;
    }

    /**
     * Creates a temporary LOGIN role (random name and password, NOSUPERUSER, NOBYPASSRLS) that is a member of
     * {@code memberOf} (e.g. {@code tvm_app}). Dropped on {@link #close()}.
     *
     * @return the login credentials
     */
    public Login createLoginRole(String memberOf) throws SQLException {
        String role = "tvm_it_" + memberOf.replace("tvm_", "") + "_" + randomHex(6);
        String pw = randomHex(16);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + pw + "' NOSUPERUSER NOCREATEDB NOCREATEROLE"
                    + " NOBYPASSRLS INHERIT IN ROLE " + memberOf);
        }
        createdRoles.add(role);
        return new Login(role, pw);
    }

    /** Drops the database (terminating its sessions) and the login roles created for it. */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            for (String role : createdRoles) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + databaseName + ": " + e.getMessage(), e);
        }
    }

    /** Credentials of a temporary login role. */
    public record Login(String user, String password) {
    }

    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a jdbc:postgresql:// URL: " + url);
        }
        int slash = url.indexOf('/', prefix.length());
        int query = url.indexOf('?', prefix.length());
        String hostPart = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        String params = query < 0 ? "" : url.substring(query);
        return hostPart + "/" + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
