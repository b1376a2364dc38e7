package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tvm.migrations.support.PostgresTestDatabase;

/**
 * Migrations on a small admin pool, and databases migrated while the scripts lived in Flyway's default tree
 * ({@code db/migration/postgresql}) before they moved to {@code db/tvm/postgresql}.
 */
class PostgresMigrationConnectionsTest {

    @Test
    void migrateValidateAndInfoNeedOneConnectionAtATime() {
        try (PostgresTestDatabase db = PostgresTestDatabase.create("oneconn")) {
            OnePooledConnection pool = new OnePooledConnection(db.dataSource());

            MigrationReport first = TvmMigrations.migrate(pool);
            MigrationReport again = TvmMigrations.migrate(pool);
            TvmMigrations.validate(pool);
            SchemaInfo info = TvmMigrations.info(pool);

            assertThat(first.executed()).isNotEmpty();
            assertThat(again.executed()).isEmpty();
            assertThat(info.pending()).isEmpty();
            assertThat(pool.maxOpen.get()).isEqualTo(1);
        }
    }

    /**
     * Flyway stores the script name relative to its location and a checksum of the content, so a database migrated
     * from the old location validates and migrates unchanged from the new one: no repair step is needed.
     */
    @Test
    void aDatabaseMigratedFromTheOldDefaultLocationKeepsWorking(@TempDir Path dir) throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create("oldlocation")) {
            Path old = copyScriptsTo(dir.resolve("db/migration/postgresql"));
            Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + old)
                    .table(TvmMigrations.HISTORY_TABLE).placeholderReplacement(false).load().migrate();

            TvmMigrations.validate(db.dataSource());
            MigrationReport report = TvmMigrations.migrate(db.dataSource());

            assertThat(report.executed()).isEmpty();
            assertThat(report.targetVersion()).isEqualTo(TvmMigrations.info(db.dataSource()).currentVersion());
            assertThat(scripts(db)).isNotEmpty().allSatisfy(s -> assertThat(s).matches("V[0-9_]+__[a-z0-9_]+\\.sql"));
        }
    }

    private static Path copyScriptsTo(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(TvmMigrations.class.getClassLoader().getResource(Vendor.POSTGRESQL.location()).toURI());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }

    private static List<String> scripts(PostgresTestDatabase db) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT script FROM " + TvmMigrations.HISTORY_TABLE + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                scripts.add(rs.getString(1));
            }
        }
        return scripts;
    }

    /** A pool of exactly one connection: a second concurrent borrower fails at once instead of waiting. */
    private static final class OnePooledConnection implements DataSource {
        private final DataSource target;
        private final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();

        OnePooledConnection(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (open.incrementAndGet() > 1) {
                open.decrementAndGet();
                throw new SQLException("pool of one connection exhausted: a second connection was requested");
            }
            maxOpen.accumulateAndGet(open.get(), Math::max);
            Connection real = target.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && !real.isClosed()) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
