package org.tvm.ports;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entry point of an adapter: runs units of work in facility-scoped transactions. Thread-safe; one instance is shared by
 * the application. Adapters provide a factory (e.g. {@code JpaTvmPersistence.create(dataSource, options)}).
 *
 * <h2>Transaction rules (all three run methods)</h2>
 * <ul>
 *   <li>One database transaction per call (unless it joins the application's own transaction: see
 *       {@link #inHostTransaction} and {@link HostTransactions}), opened before the work runs, with the context
 *       published to the database first (on PostgreSQL: {@code set_config('app.current_facility_id', ?, true)} and
 *       {@code set_config('app.current_actor_id', ?, true)}, transaction-local so nothing leaks through the pool).</li>
 *   <li>The work returns normally: the transaction commits and the work's result is returned. If the commit itself fails
 *       the transaction is rolled back and the translated exception is thrown (e.g. {@link ConcurrencyConflictException}).</li>
 *   <li>The work returns normally after a repository call inside it failed (the work caught a
 *       {@link TvmPersistenceException} other than {@link NotFoundException} outside a
 *       {@link TvmTransaction#savepoint savepoint}): the transaction is rollback-only, it is rolled back and
 *       {@link TransactionRolledBackException} is thrown with the first failure as cause (see {@link TvmTransaction}).
 *       A read-only transaction follows the same rule.</li>
 *   <li>The work throws (any {@link RuntimeException} or {@link Error}): the transaction is rolled back and the same
 *       exception instance is rethrown unchanged. A failure during rollback is added as suppressed exception.
 *       Nothing of the unit of work survives.</li>
 *   <li>No call is retried automatically; see {@link TvmPersistenceException#retryable()}.</li>
 *   <li>A run method called from inside a work of the same instance on the same thread throws
 *       {@link NestedTransactionException} without running anything.</li>
 *   <li>After {@link #close()} every run method throws {@link IllegalStateException}.</li>
 * </ul>
 */
public interface TvmPersistence extends AutoCloseable {

    /**
     * Runs {@code work} in a read-write transaction and returns its result.
     *
     * @param ctx  non-null facility/actor context
     * @param work non-null unit of work
     * @param <T>  result type
     * @return the work's result, null if the work returned null
     * @throws NullPointerException       if ctx or work is null (nothing runs)
     * @throws NestedTransactionException if called inside a work of this instance on the same thread
     * @throws IllegalStateException      if this instance is closed
     * @throws RuntimeException           whatever the work threw (rethrown unchanged after rollback), or a translated
     *                                    {@link TvmPersistenceException} from begin/commit
     */
    <T> T inTransaction(TvmContext ctx, TransactionWork<T> work);

    /**
     * Runs {@code work} in a read-write transaction; the same rules as {@link #inTransaction} without a result (the
     * default runs it through {@link #inTransaction}; implementations need not override it).
     *
     * @param ctx  non-null facility/actor context
     * @param work non-null unit of work
     * @throws NullPointerException       if ctx or work is null (nothing runs)
     * @throws NestedTransactionException if called inside a work of this instance on the same thread
     * @throws IllegalStateException      if this instance is closed
     */
    default void run(TvmContext ctx, Consumer<TvmTransaction> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(ctx, tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs {@code work} in a read-only transaction (adapters may use a database {@code READ ONLY} transaction or a
     * replica). Every mutating repository method throws {@link IllegalStateException}, and so do
     * {@link ResidentRepository}'s read methods, because reading a resident must write a data-access entry; use
     * {@link #inTransaction} for residents. {@link DispatchOperations#claimNextPending} is mutating (it locks rows).
     * The transaction never commits changes; it ends after the work returns.
     *
     * @param ctx  non-null facility/actor context
     * @param work non-null unit of work
     * @param <T>  result type
     * @return the work's result, null if the work returned null
     * @throws NullPointerException       if ctx or work is null (nothing runs)
     * @throws NestedTransactionException if called inside a work of this instance on the same thread
     * @throws IllegalStateException      if this instance is closed
     */
    <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work);

    /**
     * Runs {@code work} inside a transaction the application owns, by the rules of {@link HostTransaction}: no commit,
     * rollback or close of the host's connection; the context is published at the first use in that transaction and a
     * second unit with another facility is refused; a failure inside marks the host transaction rollback-only
     * ({@link HostTransaction#setRollbackOnly}) and is rethrown unchanged (a unit ending rollback-only throws
     * {@link TransactionRolledBackException}). The rollback-only rule and savepoints apply as in
     * {@link #inTransaction}.
     *
     * @param host non-null host transaction (e.g. {@link JdbcHostTransaction#of})
     * @param ctx  non-null facility/actor context
     * @param work non-null unit of work
     * @param <T>  result type
     * @return the work's result, null if the work returned null
     * @throws NullPointerException          if an argument is null (nothing runs)
     * @throws IllegalStateException         if another facility's context was published in this host transaction, or
     *                                       the connection is in autocommit mode (nothing runs), or this instance is
     *                                       closed; {@link NestedTransactionException} if called inside a work of this
     *                                       instance on the same thread
     * @throws UnsupportedOperationException if {@link #capabilities()} lacks {@link Capability#JOIN_HOST_TRANSACTION}
     * @throws RuntimeException              whatever the work threw, after marking the host rollback-only
     */
    <T> T inHostTransaction(HostTransaction host, TvmContext ctx, TransactionWork<T> work);

    /**
     * The optional capabilities of this adapter on the database it is connected to. Constant for the lifetime of the
     * instance; may be called after {@link #close()}.
     *
     * @return non-null unmodifiable set, possibly empty
     */
    Set<Capability> capabilities();

    /**
     * Releases resources this instance created (e.g. its session factory). Does not close resources the caller handed
     * in, such as a {@code DataSource}. Idempotent. Calling it while works are running is not supported.
     */
    @Override
    void close();
}
