package org.tvm.ports;

/**
 * Base class of every persistence failure reported through the ports.
 *
 * <p>Thrown as is for infrastructure failures that have no more specific subclass (unexpected SQL errors,
 * misconfiguration). Messages name entities, fields, constraints and ids, never values of sensitive fields. A driver
 * or ORM cause with a database exception anywhere in it (whatever its SQLState: a failed batch quotes the whole
 * statement with its values) is replaced by a {@link WithheldDatabaseError} keeping SQLState, vendor code,
 * constraint, table, column, type and stack trace, so logging a port exception with its causes never writes
 * e-mails, hashes or tokens into the log.
 *
 * <p>Every database error class has its typed subclass, the same on every adapter and database:
 * {@link DuplicateKeyException}, {@link UnknownReferenceException}, {@link ConstraintViolationException} (check,
 * not null, exclusion), {@link ValueTooLongException}, {@link InvalidTextException},
 * {@link ValueOutOfRangeException}, {@link ConcurrencyConflictException} (deadlock, serialization failure, lock
 * timeout), {@link StatementTimeoutException}, {@link ConnectionLostException}, {@link AccessDeniedException}.
 */
public class TvmPersistenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message non-null description without sensitive values
     */
    public TvmPersistenceException(String message) {
        super(requireMessage(message));
    }

    /**
     * @param message non-null description without sensitive values
     * @param cause   nullable underlying exception (withheld as described in the class comment when it may
     *                quote row values)
     */
    public TvmPersistenceException(String message, Throwable cause) {
        super(requireMessage(message), WithheldDatabaseError.safeCause(cause));
    }

    /**
     * Whether re-running the whole unit of work (a fresh transaction that re-reads its data) may succeed.
     * {@code true} only for {@link StaleVersionException}, {@link ConcurrencyConflictException} and a
     * {@link ConnectionLostException} before commit.
     * The library itself never retries.
     *
     * @return whether a retry of the whole unit of work may succeed
     */
    public boolean retryable() {
        return false;
    }

    static String requireMessage(String message) {
        if (message == null) {
            throw new NullPointerException("message");
        }
        return message;
    }

    static String requireText(String value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
