package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * What the maintenance job needs to know about the database it runs on: which dialect (PostgreSQL with partitions,
 * or H2 without), how to bind JSON, and the database-wide lock. The only place of maintenance SQL that differs by
 * database (Quartz's delegate habit).
 */
final class MaintenanceDatabase {

    /** Advisory lock key of the maintenance job: "tvmmaint" in ASCII, so it never collides by accident. */
    static final long ADVISORY_LOCK_KEY = 0x74766D6D61696E74L;

    /** H2 runs embedded in one JVM: its lock is per database URL in this process. */
    private static final Map<String, ReentrantLock> H2_LOCKS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final boolean postgres;
    private final String url;

    MaintenanceDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            this.postgres = product.contains("postgres");
            this.url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the maintenance database (SQLState " + e.getSQLState() + ")", e);
        }
    }

    boolean postgres() {
        return postgres;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** A JDBC placeholder that accepts JSON text for a json/jsonb column. */
    String jsonParameter() {
        return postgres ? "CAST(? AS jsonb)" : "? FORMAT JSON";
    }

    /** "?, ?, ?" for {@code n} parameters (placeholders only, never values). */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Takes the database-wide maintenance lock without waiting.
     *
     * @return the held lock (close to release), or null when another runner holds it
     */
    Lock tryLock() throws SQLException {
        if (!postgres) {
            ReentrantLock lock = H2_LOCKS.computeIfAbsent(url, k -> new ReentrantLock());
            return lock.tryLock() ? lock::unlock : null;
        }
        // session-level advisory lock on a connection held for the whole run: no transaction stays open
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, ADVISORY_LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                c.close();
                return null;
            }
            return () -> {
                try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, ADVISORY_LOCK_KEY);
                    ps.execute();
                } catch (SQLException e) {
                    // closing the session releases the lock anyway
                }
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A held maintenance lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Names of the partitions of {@code parent} matching {@code regex}, sorted (PostgreSQL only). */
    List<String> partitions(Connection c, String parent, String regex) throws SQLException {
        List<String> out = new ArrayList<>();
        if (!postgres) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = to_regclass(?) AND c.relname ~ ? ORDER BY c.relname""")) {
            ps.setString(1, "public." + parent);
            ps.setString(2, regex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant t) {
                ps.setObject(i + 1, t.atOffset(java.time.ZoneOffset.UTC));
            } else if (p instanceof java.time.LocalDate d) {
                ps.setObject(i + 1, d);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
