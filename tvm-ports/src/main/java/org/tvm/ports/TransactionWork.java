package org.tvm.ports;

/**
 * A unit of work run by {@link TvmPersistence#inTransaction(TvmContext, TransactionWork)} or
 * {@link TvmPersistence#inReadOnlyTransaction(TvmContext, TransactionWork)}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /**
     * Runs the work. Returning normally commits (or, read-only, ends) the transaction; throwing rolls it back and the
     * exception is rethrown unchanged by the caller of {@code inTransaction}.
     *
     * @param tx non-null transaction handle; it and the repositories obtained from it are valid only until this method
     *           returns and only on the calling thread (later use throws {@link IllegalStateException}), so never return
     *           or store them
     * @return the result, may be null (then {@code inTransaction} returns null); must not be a lazily evaluated view
     *         over repositories (e.g. an unconsumed Stream)
     */
    T execute(TvmTransaction tx);
}
