package org.tvm.testkit.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.testkit.inmemory.Tenant.RowKey;

/**
 * The row locks of one store, like a database's: every written row (and every row returned by {@code claimNextPending})
 * is locked until its transaction ends. A writer waits for a row locked by another live transaction; a deadlock and the
 * lock timeout end as {@link ConcurrencyConflictException}; {@link #tryLock} is SKIP LOCKED.
 */
final class RowLocks {

    static final long LOCK_TIMEOUT_MILLIS = 30_000;

    /** Key -> owning live transaction; also the monitor every waiter waits on. */
    private final Map<RowKey, InMemoryTransaction> owners = new HashMap<>();
    /** Transactions currently blocked in {@link #lock}; guarded by {@code owners}. */
    private int waiters;

    /** Locks {@code key} for {@code tx}, waiting while another live transaction holds it. */
    void lock(InMemoryTransaction tx, RowKey key) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOCK_TIMEOUT_MILLIS);
        synchronized (owners) {
            while (true) {
                InMemoryTransaction owner = owners.get(key);
                if (owner == null || owner == tx) {
                    owners.put(key, tx);
                    tx.lockedKeys().add(key);
                    tx.waitingFor = null;
                    return;
                }
                // deadlock detection: does the owner (transitively) wait for us?
                for (InMemoryTransaction w = owner; w != null; w = w.waitingFor) {
                    if (w == tx) {
                        tx.waitingFor = null;
                        throw new ConcurrencyConflictException(ConcurrencyConflictException.Kind.DEADLOCK, null);
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    tx.waitingFor = null;
                    throw new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, null);
                }
                tx.waitingFor = owner;
                waiters++;
                try {
                    TimeUnit.NANOSECONDS.timedWait(owners, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    tx.waitingFor = null;
                    throw new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, e);
                } finally {
                    waiters--;
                }
            }
        }
    }

    /** @return how many transactions are blocked waiting for a row lock right now */
    int waiters() {
        synchronized (owners) {
            return waiters;
        }
    }

    /** SKIP LOCKED: locks {@code key} if free (or already ours), else returns false without waiting. */
    boolean tryLock(InMemoryTransaction tx, RowKey key) {
        synchronized (owners) {
            InMemoryTransaction owner = owners.get(key);
            if (owner == null || owner == tx) {
                owners.put(key, tx);
                tx.lockedKeys().add(key);
                return true;
            }
            return false;
        }
    }

    /** Releases every lock of {@code tx} (its end) and wakes the waiters. */
    void releaseAll(InMemoryTransaction tx) {
        synchronized (owners) {
            for (RowKey key : tx.lockedKeys()) {
                owners.remove(key, tx);
            }
            tx.lockedKeys().clear();
            owners.notifyAll();
        }
    }
}
