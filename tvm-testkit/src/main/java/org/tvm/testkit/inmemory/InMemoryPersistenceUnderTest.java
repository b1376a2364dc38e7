package org.tvm.testkit.inmemory;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * The in-memory adapter as a contract subject. {@link #rawStoredValue} returns the sealed text of
 * {@code residents.medical_notes} / {@code users.mfa_secret}; row-level security is not declared, so
 * {@link #countRowsVisibleToApplication} is unsupported.
 */
public final class InMemoryPersistenceUnderTest implements PersistenceUnderTest {

    private final InMemoryTvmPersistence persistence;

    /** A subject over a new, empty {@link InMemoryTvmPersistence#create()}. */
    public InMemoryPersistenceUnderTest() {
        this(InMemoryTvmPersistence.create());
    }

    /** @param persistence non-null store to expose */
    public InMemoryPersistenceUnderTest(InMemoryTvmPersistence persistence) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
    }

    /** @return a subject over a new, empty store */
    public static InMemoryPersistenceUnderTest create() {
        return new InMemoryPersistenceUnderTest();
    }

    @Override
    public TvmPersistence persistence() {
        return persistence;
    }

    @Override
    public TvmAdministration administration() {
        return persistence.administration();
    }

    @Override
    public Optional<TvmMaintenance> maintenance(java.time.Clock clock) {
        return Optional.of(persistence.maintenance(clock));
    }

    @Override
    public Optional<String> rawStoredValue(String table, String column, UUID id) {
        return persistence.rawStoredValue(table, column, id);
    }

    @Override
    public long countRowsVisibleToApplication(String table, UUID contextFacilityId) {
        throw new UnsupportedOperationException("the in-memory adapter does not declare ROW_LEVEL_SECURITY");
    }

    @Override
    public boolean observesLockWaits() {
        return true;
    }

    @Override
    public boolean awaitLockWaiters(int count, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (persistence.lockWaiters() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Override
    public String name() {
        return "in-memory";
    }
}
