package org.tvm.ports;

/**
 * The database cancelled a statement: it ran longer than {@code statement_timeout}, or someone (an operator, a pool's
 * abandoned-connection handling) cancelled it (SQLState {@code 57014}; H2 vendor code 57014). The transaction is
 * rolled back. Not {@link #retryable()}: the same work under the same limits usually runs out of time again; retry
 * only when you know the cancellation was external or the load was transient.
 *
 * <p>Message: {@code "Statement cancelled (statement timeout or cancel request); the transaction was rolled back"}.
 */
public class StatementTimeoutException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause nullable underlying driver exception
     */
    public StatementTimeoutException(Throwable cause) {
        super("Statement cancelled (statement timeout or cancel request); the transaction was rolled back", cause);
    }
}
