package org.tvm.ports;

/**
 * A unit of work returned normally, but its transaction had become rollback-only, so it was rolled back instead of
 * committed. Nothing of the unit of work persisted.
 *
 * <p>A transaction becomes rollback-only as soon as a repository call inside it throws a {@link TvmPersistenceException}
 * other than {@link NotFoundException} (for example a {@link DuplicateKeyException} the work caught and ignored): after
 * such a failure the database may already have aborted the transaction (PostgreSQL does), so a commit could not keep
 * what the work did. A work that expects a failure and wants to go on runs the risky call in
 * {@link TvmTransaction#savepoint(java.util.function.Supplier)}.
 *
 * <p>The {@linkplain #getCause() cause} is the first failure that made the transaction rollback-only. Not retryable as
 * such: it reports a programming decision (a swallowed failure), not a transient condition.
 */
public class TransactionRolledBackException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param firstFailure non-null failure that made the transaction rollback-only
     */
    public TransactionRolledBackException(Throwable firstFailure) {
        super("the unit of work returned normally, but an earlier repository call had failed ("
                + firstFailure.getClass().getSimpleName()
                + "), which made the transaction rollback-only: it was rolled back, nothing was committed. "
                + "Let the failure propagate, or run the call that may fail in tx.savepoint(...) to recover from it",
                java.util.Objects.requireNonNull(firstFailure, "firstFailure"));
    }
}
