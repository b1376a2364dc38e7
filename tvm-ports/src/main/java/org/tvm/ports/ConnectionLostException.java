package org.tvm.ports;

/**
 * The connection to the database broke or the server ended the session: connection exceptions (SQLState class
 * {@code 08}), administrator or crash shutdown and a terminated backend ({@code 57P01}, {@code 57P02},
 * {@code 57P03}); on H2 vendor codes 90067 (connection broken), 90098 (database closed) and 90121 (shutdown).
 *
 * <p>Whether a retry is safe depends on when the connection was lost. Before the commit was sent, the database rolls
 * the transaction back, nothing was committed and re-running the whole unit of work is safe
 * ({@link #retryable()} is true). While committing, the outcome is unknown: the commit may or may not have been
 * applied, so {@link #retryable()} is false and the caller must check (e.g. look the written row up by its id) before
 * writing again.
 *
 * <p>Message: {@code "Database connection lost before commit; nothing was committed and the work may be retried"}.
 */
public class ConnectionLostException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final boolean duringCommit;

    /**
     * @param duringCommit whether the connection was lost while committing (outcome unknown)
     * @param cause        nullable underlying driver exception
     */
    public ConnectionLostException(boolean duringCommit, Throwable cause) {
        super(duringCommit
                ? "Database connection lost while committing; the outcome is unknown: check before retrying"
                : "Database connection lost before commit; nothing was committed and the work may be retried", cause);
        this.duringCommit = duringCommit;
    }

    /** @return whether the connection was lost while committing, so the outcome of the transaction is unknown */
    public boolean duringCommit() {
        return duringCommit;
    }

    /** @return true when the connection was lost before the commit (nothing was committed) */
    @Override
    public boolean retryable() {
        return !duringCommit;
    }
}
