package org.tvm.testkit.db;

import java.time.Duration;
import java.util.Map;
import org.tvm.ports.TvmPersistenceException;

/**
 * Provokes database errors under an adapter, for the error-translation contract: a trigger on {@code users} rejects a
 * user whose first name is {@code fault-<code>} with that error and a message that quotes the whole row (as real driver
 * messages do), and on PostgreSQL the real waits behind lock timeouts, cancelled statements and terminated backends.
 * Only rows carrying such a first name are affected, so other tests on the same database never notice the trigger.
 */
public interface DatabaseFaults {

    /** Errors that only a real database produces, provoked for real where the database allows it. */
    enum Real {
        /** Two transactions inserting users in crossed order. */
        DEADLOCK,
        /** An insert waiting for a lock held by another session, with a short lock timeout. */
        LOCK_TIMEOUT,
        /** An insert cancelled while it runs (SQLState 57014, as by statement_timeout). */
        STATEMENT_CANCEL,
        /** The server process of the inserting session is terminated (57P01). */
        TERMINATED_BACKEND
    }

    /** Installs the trigger (idempotent). */
    void install();

    /** @return each code the trigger can raise ({@code fault-<code>}) with the port exception it must become */
    Map<String, Class<? extends TvmPersistenceException>> raisable();

    /** @return whether {@code fault} can be provoked for real here */
    boolean provokes(Real fault);

    /** First name of a user whose insert waits for {@link #holdLock()} with a short lock timeout. */
    String lockWaitingFirstName();

    /** First name of a user whose insert sleeps until {@link #interruptSleeper} cancels or terminates it. */
    String sleepingFirstName();

    /** Holds, in another session, the lock a {@link #lockWaitingFirstName()} insert waits for, until closed. */
    AutoCloseable holdLock();

    /**
     * Waits until an insert sleeps in the trigger, then cancels its statement or terminates its backend.
     *
     * @param terminate true to terminate the server process, false to cancel the statement
     * @param timeout   how long to wait for the sleeper
     */
    void interruptSleeper(boolean terminate, Duration timeout);
}
