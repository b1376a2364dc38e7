package org.tvm.testkit.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.ConnectionLostException;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.InvalidTextException;
import org.tvm.ports.StatementTimeoutException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.ValueOutOfRangeException;
import org.tvm.ports.ValueTooLongException;

/** {@link DatabaseFaults} on PostgreSQL: a PL/pgSQL trigger raising any SQLState, advisory locks, pg_sleep. */
final class PostgresFaults implements DatabaseFaults {

    private static final long LOCK_KEY = 7_340_031L;

    private static final String INSTALL = """
            CREATE OR REPLACE FUNCTION tvm_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.first_name = 'fault-sleep' THEN
                    PERFORM pg_sleep(60);
                ELSIF NEW.first_name = 'fault-lock' THEN
                    PERFORM set_config('lock_timeout', '300ms', true);
                    PERFORM pg_advisory_xact_lock(%d);
                ELSE
                    RAISE EXCEPTION USING ERRCODE = substr(NEW.first_name, 7, 5),
                        MESSAGE = 'provoked failure for row ' || NEW::text,
                        DETAIL = 'Failing row contains ' || NEW::text;
                END IF;
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS tvm_test_fault ON users;
            CREATE TRIGGER tvm_test_fault BEFORE INSERT ON users FOR EACH ROW
                WHEN (NEW.first_name LIKE 'fault-%%') EXECUTE FUNCTION tvm_test_fault();
            """.formatted(LOCK_KEY);

    private final DataSource admin;
    private volatile boolean installed;

    PostgresFaults(DataSource admin) {
        this.admin = admin;
    }

    @Override
    public synchronized void install() {
        if (!installed) {
            execute(INSTALL);
            installed = true;
        }
    }

    @Override
    public Map<String, Class<? extends TvmPersistenceException>> raisable() {
        return Map.ofEntries(
                Map.entry("23505", DuplicateKeyException.class), Map.entry("23503", UnknownReferenceException.class),
                Map.entry("23514", ConstraintViolationException.class),
                Map.entry("23502", ConstraintViolationException.class), Map.entry("22001", ValueTooLongException.class),
                Map.entry("22021", InvalidTextException.class), Map.entry("22P05", InvalidTextException.class),
                Map.entry("22003", ValueOutOfRangeException.class), Map.entry("22008", ValueOutOfRangeException.class),
                Map.entry("22009", ValueOutOfRangeException.class),
                Map.entry("40001", ConcurrencyConflictException.class),
                Map.entry("40P01", ConcurrencyConflictException.class),
                Map.entry("55P03", ConcurrencyConflictException.class), Map.entry("57014", StatementTimeoutException.class),
                Map.entry("57P01", ConnectionLostException.class), Map.entry("08006", ConnectionLostException.class),
                Map.entry("XX000", TvmPersistenceException.class));
    }

    @Override
    public boolean provokes(Real fault) {
        return true;
    }

    @Override
    public String lockWaitingFirstName() {
        return "fault-lock";
    }

    @Override
    public String sleepingFirstName() {
        return "fault-sleep";
    }

    @Override
    public AutoCloseable holdLock() {
        try {
            Connection c = admin.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                ps.execute();
            }
            return () -> {
                try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    ps.execute();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the fault lock", e);
        }
    }

    @Override
    public void interruptSleeper(boolean terminate, Duration timeout) {
        String query = "SELECT " + (terminate ? "pg_terminate_backend" : "pg_cancel_backend") + "(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot interrupt the sleeping insert", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        throw new IllegalStateException("no insert was sleeping in the fault trigger within " + timeout);
    }

    private void execute(String sql) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the fault trigger", e);
        }
    }
}
