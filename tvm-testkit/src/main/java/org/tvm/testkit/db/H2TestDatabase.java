package org.tvm.testkit.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.tvm.migrations.TvmMigrations;

/**
 * A fresh, uniquely named in-memory H2 database ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;
 * DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}) migrated with the H2 migration set (see {@link TestDatabases#h2()}).
 * It lives until {@link #close()} or the end of the JVM.
 */
public final class H2TestDatabase implements TestDatabase {

    private final String jdbcUrl;
    private final HikariDataSource dataSource;

    private H2TestDatabase(String jdbcUrl, HikariDataSource dataSource) {
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
    }

    static H2TestDatabase create() {
        String name = "tvm_test_" + PostgresTestDatabase.randomHex(6);
        String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        HikariConfig config = new HikariConfig();
        config.setPoolName("tvm-test-h2-" + name);
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            TvmMigrations.migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new H2TestDatabase(url, ds);
    }

    /** @return the pooled data source of this database (the same as {@link #appDataSource()}) */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return the pooled data source (H2 has one login, {@code sa}; no row-level security) */
    @Override
    public DataSource appDataSource() {
        return dataSource;
    }

    /** @return the same pooled data source as {@link #appDataSource()} */
    @Override
    public DataSource adminDataSource() {
        return dataSource;
    }

    /** @return its JDBC URL (user {@code sa}, empty password) */
    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Drops the database ({@code SHUTDOWN}) and closes the pool. Idempotent. */
    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already gone
        } finally {
            dataSource.close();
        }
    }

    @Override
    public String toString() {
        return "H2TestDatabase[" + jdbcUrl + "]";
    }
}
