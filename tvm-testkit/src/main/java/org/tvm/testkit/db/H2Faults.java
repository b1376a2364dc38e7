package org.tvm.testkit.db;

import java.sql.Connection;
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

/**
 * {@link DatabaseFaults} on H2: a Java trigger ({@link H2FaultTrigger}) raising H2's own exceptions by vendor code.
 * H2 cannot sleep interruptibly in a trigger nor terminate a session's backend, so only the raised errors are offered.
 */
final class H2Faults implements DatabaseFaults {

    private final DataSource dataSource;
    private volatile boolean installed;

    H2Faults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void install() {
        if (installed) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER IF NOT EXISTS tvm_test_fault BEFORE INSERT ON users FOR EACH ROW CALL '"
                    + H2FaultTrigger.class.getName() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the fault trigger", e);
        }
        installed = true;
    }

    @Override
    public Map<String, Class<? extends TvmPersistenceException>> raisable() {
        return Map.ofEntries(
                Map.entry("23505", DuplicateKeyException.class), Map.entry("23506", UnknownReferenceException.class),
                Map.entry("23513", ConstraintViolationException.class),
                Map.entry("23502", ConstraintViolationException.class), Map.entry("22001", ValueTooLongException.class),
                Map.entry("22018", InvalidTextException.class), Map.entry("22003", ValueOutOfRangeException.class),
                Map.entry("22007", ValueOutOfRangeException.class),
                Map.entry("40001", ConcurrencyConflictException.class),
                Map.entry("90131", ConcurrencyConflictException.class),
                Map.entry("50200", ConcurrencyConflictException.class), Map.entry("57014", StatementTimeoutException.class),
                Map.entry("90067", ConnectionLostException.class), Map.entry("90098", ConnectionLostException.class));
    }

    @Override
    public boolean provokes(Real fault) {
        return false;
    }

    @Override
    public String lockWaitingFirstName() {
        throw new UnsupportedOperationException("H2 offers no real lock-timeout fault");
    }

    @Override
    public String sleepingFirstName() {
        throw new UnsupportedOperationException("H2 offers no interruptible sleep");
    }

    @Override
    public AutoCloseable holdLock() {
        throw new UnsupportedOperationException("H2 offers no real lock-timeout fault");
    }

    @Override
    public void interruptSleeper(boolean terminate, Duration timeout) {
        throw new UnsupportedOperationException("H2 offers no interruptible sleep");
    }
}
