package org.tvm.ports;

import java.sql.Connection;

/**
 * A database transaction the application owns, which units of work join instead of opening their own
 * ({@link TvmPersistence#inHostTransaction}, or an adapter configured with {@link HostTransactions}). Implementations:
 * {@link JdbcHostTransaction} for a plain JDBC connection; a framework integration (e.g. the Spring Boot starter) binds
 * one to the framework's transaction.
 *
 * <h2>Rules a joined unit of work follows</h2>
 * <ul>
 *   <li>The library never commits, rolls back or closes the connection, and never changes its autocommit or read-only
 *       mode: the host ends the transaction.</li>
 *   <li>The context is published at the first use in the transaction ({@code set_config(..., true)} on PostgreSQL) and
 *       recorded with {@link #contextPublished}. A later unit of work in the same transaction must name the same
 *       facility; another facility is refused with {@link IllegalStateException} before its work runs (its actor is
 *       published anew).</li>
 *   <li>A unit of work that throws, or ends rollback-only (see {@link TvmTransaction}), calls
 *       {@link #setRollbackOnly} before the exception leaves it: the host must then roll back, never commit.</li>
 *   <li>Savepoints ({@link TvmTransaction#savepoint}) work inside a joined transaction as in an own one.</li>
 * </ul>
 * Implementations are used by one thread at a time (the thread running the host transaction).
 */
public interface HostTransaction {

    /**
     * @return the non-null connection of the host's transaction: open, autocommit off
     */
    Connection connection();

    /**
     * @return the context a unit of work published in this transaction, or null if none did yet
     */
    TvmContext publishedContext();

    /**
     * Records that a unit of work published {@code ctx} in this transaction.
     *
     * @param ctx non-null context
     */
    void contextPublished(TvmContext ctx);

    /**
     * A unit of work inside this transaction failed; the transaction must not commit. Called before the failure
     * leaves the unit of work; the first cause is the one to report.
     *
     * @param cause non-null failure
     */
    void setRollbackOnly(Throwable cause);
}
