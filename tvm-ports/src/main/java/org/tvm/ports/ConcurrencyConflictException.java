package org.tvm.ports;

import java.util.Objects;

/**
 * The database aborted the statement or transaction because of concurrent activity: serialization failure
 * (SQLSTATE 40001; H2 vendor code 90131), deadlock (40P01; H2 40001) or lock timeout (55P03; H2 HYT00/50200). The transaction is rolled back when the exception
 * leaves the work; re-running the whole unit of work may succeed ({@link #retryable()} is true).
 *
 * <p>Message: {@code "Concurrency conflict (deadlock); the transaction was rolled back and may be retried"}.
 */
public class ConcurrencyConflictException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    /** What kind of conflict the database reported. */
    public enum Kind {
        /** Serialization failure under REPEATABLE READ / SERIALIZABLE isolation. */
        SERIALIZATION_FAILURE("serialization failure"),
        /** The database detected a deadlock and chose this transaction as victim. */
        DEADLOCK("deadlock"),
        /** A lock could not be acquired within the lock timeout. */
        LOCK_TIMEOUT("lock timeout");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** @return lower-case human-readable text, e.g. {@code "deadlock"} */
        public String text() {
            return text;
        }
    }

    private final Kind kind;

    /**
     * @param kind  non-null kind of conflict
     * @param cause nullable underlying driver exception
     */
    public ConcurrencyConflictException(Kind kind, Throwable cause) {
        super("Concurrency conflict (" + Objects.requireNonNull(kind, "kind").text()
                + "); the transaction was rolled back and may be retried", cause);
        this.kind = kind;
    }

    /** @return non-null kind of conflict */
    public Kind kind() {
        return kind;
    }

    /** @return {@code true}: re-running the unit of work may succeed */
    @Override
    public boolean retryable() {
        return true;
    }
}
