package org.tvm.testkit.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.tvm.migrations.TvmMigrations;

/**
 * A migrated PostgreSQL test database (see {@link TestDatabases#postgres()}), migrated as the superuser (PostGIS needs
 * it), with a LOGIN role (random password, NOSUPERUSER, NOBYPASSRLS, member of {@code tvm_app}) for the application
 * pool. Both pools are small HikariCP pools. Either throw-away ({@code tvm_test_<random>} with role
 * {@code tvm_test_app_<random>}, dropped at JVM exit) or persistent (a named database and role
 * {@code <database>_app}, created when missing, migrated, never dropped).
 */
public final class PostgresTestDatabase implements TestDatabase {

    /** Names we put into DDL (database and role names cannot be bound as parameters). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,58}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int POOL_SIZE = 4;

    private final String serverUrl;
    private final String superUser;
    private final String superPassword;
    private final String databaseName;
    private final String jdbcUrl;
    private final String appRole;
    private final HikariDataSource admin;
    private final HikariDataSource app;
    private final boolean persistent;
    private volatile boolean dropped;

    private PostgresTestDatabase(String serverUrl, String superUser, String superPassword, String databaseName,
            String appRole, HikariDataSource admin, HikariDataSource app, boolean persistent) {
        this.persistent = persistent;
        this.serverUrl = serverUrl;
        this.superUser = superUser;
        this.superPassword = superPassword;
        this.databaseName = databaseName;
        this.jdbcUrl = withoutSecrets(withDatabase(serverUrl, databaseName));
        this.appRole = appRole;
        this.admin = admin;
        this.app = app;
    }

    /**
     * Creates, migrates and opens a new test database on the server at {@code serverUrl}. A shutdown hook dropping the
     * database and the login role is registered before anything is created, so they are removed at JVM exit even if
     * provisioning is interrupted; a failed provisioning drops them at once.
     *
     * @throws IllegalStateException if the server is not reachable (message names the variables to set) or provisioning fails;
     *                               messages never contain a password (URL parameters named *password are removed)
     */
    static PostgresTestDatabase provision(String serverUrl, String user, String password) {
        if (!serverUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("TVM_TEST_PG_URL must be a jdbc:postgresql:// URL (was "
                    + withoutSecrets(serverUrl) + ")");
        }
        String suffix = randomHex(6);
        String databaseName = "tvm_test_" + suffix;
        String appRole = "tvm_test_app_" + suffix;
        AtomicReference<PostgresTestDatabase> provisioned = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            PostgresTestDatabase db = provisioned.get();
            if (db != null) {
                db.drop();
            } else {
                dropQuietly(serverUrl, user, password, databaseName, appRole);
            }
        }, "drop-" + databaseName);
        Runtime.getRuntime().addShutdownHook(hook);
        try (Connection c = connect(serverUrl, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + databaseName);
            }
        } catch (SQLException e) {
            removeHook(hook);
            throw cannotCreate(serverUrl, user, e);
        }
        try {
            PostgresTestDatabase db = open(serverUrl, user, password, databaseName, appRole, false);
            provisioned.set(db);
            return db;
        } catch (Throwable e) { // also Errors (e.g. a missing migration class): never leave the database behind
            dropQuietly(serverUrl, user, password, databaseName, appRole);
            removeHook(hook);
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Provisioning the PostgreSQL test database " + databaseName + " at "
                    + withoutSecrets(serverUrl) + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the persistent test database {@code databaseName} on the server at {@code serverUrl}: creates it when
     * missing, migrates it (idempotent), and (re)creates the application login {@code <databaseName>_app} with a fresh
     * random password. Nothing is dropped at JVM exit; the pools are closed. The contract suite removes the facilities
     * it created (see {@code JdbcPersistenceUnderTest#removeCreatedFacilities()}), so runs can repeat on it.
     *
     * @throws IllegalStateException if the name is not a plain lower-case identifier, the server is not reachable or
     *                               provisioning fails
     */
    static PostgresTestDatabase attach(String serverUrl, String user, String password, String databaseName) {
        if (!serverUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("TVM_TEST_PG_URL must be a jdbc:postgresql:// URL (was "
                    + withoutSecrets(serverUrl) + ")");
        }
        if (!NAME.matcher(databaseName).matches()) {
            throw new IllegalStateException("TVM_TEST_PG_DATABASE must be a lower-case identifier of at most 59 "
                    + "characters ([a-z_][a-z0-9_]*), was '" + databaseName + "'");
        }
        String appRole = databaseName + "_app";
        try (Connection c = connect(serverUrl, user, password); Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + databaseName + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + databaseName);
            }
        } catch (SQLException e) {
            throw cannotCreate(serverUrl, user, e);
        }
        try {
            return open(serverUrl, user, password, databaseName, appRole, true);
        } catch (RuntimeException | SQLException e) {
            throw new IllegalStateException("Opening the persistent PostgreSQL test database " + databaseName + " at "
                    + withoutSecrets(serverUrl) + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Migrates the (existing) database as the superuser (PostGIS and the cluster roles need it), gives the application
     * login a fresh random password (creating it when missing) and opens both pools; closes what it opened on failure.
     */
    private static PostgresTestDatabase open(String serverUrl, String user, String password, String databaseName,
                                             String appRole, boolean persistent) throws SQLException {
        String appPassword = randomHex(16);
        String dbUrl = withDatabase(serverUrl, databaseName);
        HikariDataSource admin = pool("tvm-test-admin", dbUrl, user, password);
        HikariDataSource app = null;
        try {
            TvmMigrations.migrate(admin);
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                boolean roleExists;
                try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + appRole + "'")) {
                    roleExists = rs.next();
                }
                s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + appRole + " LOGIN PASSWORD '" + appPassword
                        + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT");
                s.execute("GRANT tvm_app TO " + appRole);
            }
            app = pool("tvm-test-app", dbUrl, appRole, appPassword);
            return new PostgresTestDatabase(serverUrl, user, password, databaseName, appRole, admin, app, persistent);
        } catch (RuntimeException | SQLException | Error e) {
            if (app != null) {
                app.close();
            }
            admin.close();
            throw e;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway; dropping is idempotent
        }
    }

    /** Connection failures (SQLSTATE class 08, or none) mean "not reachable"; anything else names the real cause. */
    static IllegalStateException cannotCreate(String serverUrl, String user, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || state.startsWith("08")) {
            return unreachable(serverUrl, cause);
        }
        return new IllegalStateException("PostgreSQL at " + withoutSecrets(serverUrl) + " refused to create a test "
                + "database as " + user + " (SQLSTATE " + state + "): the tests need a login that may create databases, "
                + "roles and the PostGIS extension (a superuser); set TVM_TEST_PG_USER and TVM_TEST_PG_PASSWORD to one ["
                + cause.getMessage() + "]", cause);
    }

    /** The one message a consumer sees when no database answers: what to set, and how to start one. */
    static IllegalStateException unreachable(String serverUrl, SQLException cause) {
        return new IllegalStateException("PostgreSQL not reachable at " + withoutSecrets(serverUrl) + " ["
                + cause.getMessage() + "]. The PostgreSQL tests need PostgreSQL 15+ with PostGIS 3 and a superuser login:"
                + " set TVM_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres), TVM_TEST_PG_USER and "
                + "TVM_TEST_PG_PASSWORD, or start one, e.g. `docker run -d -p 5432:5432 -e POSTGRES_PASSWORD=postgres "
                + "postgis/postgis:15-3.4` and TVM_TEST_PG_PASSWORD=postgres (Debian: apt-get install postgresql-15 "
                + "postgresql-15-postgis-3).", cause);
    }

    /** The URL without any {@code password}/{@code sslpassword}-like query parameter (for messages and jdbcUrl()). */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String param : url.substring(query + 1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!key.toLowerCase(java.util.Locale.ROOT).contains("password") && !param.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(param);
            }
        }
        return url.substring(0, query) + kept;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    private static HikariDataSource pool(String name, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /**
     * Closes both pools, then drops the database (WITH (FORCE)) and the login role, unless the database is persistent.
     * Idempotent; run at JVM exit.
     */
    synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        try {
            app.close();
            admin.close();
        } finally {
            if (!persistent) {
                dropQuietly(serverUrl, superUser, superPassword, databaseName, appRole);
            }
        }
    }

    /** As {@link #drop()}: a throw-away database is dropped, a persistent one only loses its pools. */
    @Override
    public void close() {
        drop();
    }

    /** @return true for a persistent database ({@code TVM_TEST_PG_DATABASE}), which is never dropped */
    public boolean persistent() {
        return persistent;
    }

    /** Drops the database, then the role, each on its own (a failed database drop must not keep the role). */
    private static void dropQuietly(String serverUrl, String user, String password, String databaseName, String role) {
        try (Connection c = connect(serverUrl, user, password); Statement s = c.createStatement()) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[tvm-testkit] could not drop test database " + databaseName + ": " + e.getMessage());
            }
            s.execute("DROP ROLE IF EXISTS " + role);
        } catch (SQLException e) {
            System.err.println("[tvm-testkit] could not drop test role " + role + " (database " + databaseName + "): "
                    + e.getMessage());
        }
    }

    /** @return pool logging in as the non-superuser application role (member of tvm_app; RLS applies) */
    @Override
    public DataSource appDataSource() {
        return app;
    }

    /** @return pool logging in as the provisioning superuser (migrations, raw checks, administration) */
    @Override
    public DataSource adminDataSource() {
        return admin;
    }

    /** @return the JDBC URL of the test database (without credentials) */
    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the name of the test database: {@code tvm_test_<random>}, or the persistent one's name */
    public String databaseName() {
        return databaseName;
    }

    /** @return the application login role: {@code tvm_test_app_<random>}, or {@code <database>_app} */
    public String appRole() {
        return appRole;
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + jdbcUrl + ", app role " + appRole + "]";
    }

    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        int slash = url.indexOf('/', prefix.length());
        int query = url.indexOf('?', prefix.length());
        String hostPart = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        String params = query < 0 ? "" : url.substring(query);
        return hostPart + "/" + database + params;
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
