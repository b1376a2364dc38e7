package org.tvm.ports;

/**
 * {@link TvmPersistence#inTransaction}, {@link TvmPersistence#run} or {@link TvmPersistence#inReadOnlyTransaction}
 * was called while a work of the same {@code TvmPersistence} instance is already running on the current thread.
 * Nested transactions are not supported; pass the outer {@link TvmTransaction} down instead (to run inside a
 * transaction the application owns, see {@link TvmPersistence#inHostTransaction}).
 *
 * <p>This is a programming error, hence an {@link IllegalStateException} (and deliberately <em>not</em> a
 * {@link TvmPersistenceException}). It is thrown before anything is executed; the outer transaction is unaffected
 * unless the exception propagates out of the outer work (then the outer transaction rolls back, as for any exception).
 */
public class NestedTransactionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the standard message. */
    public NestedTransactionException() {
        super("A TVM transaction is already active on this thread for this TvmPersistence; "
                + "nested transactions are not supported - pass the outer TvmTransaction down instead");
    }
}
