package org.tvm.ports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A plain JDBC transaction of the application, joined by {@link TvmPersistence#inHostTransaction}:
 *
 * <pre>{@code
 * try (Connection c = dataSource.getConnection()) {
 *     c.setAutoCommit(false);
 *     JdbcHostTransaction host = JdbcHostTransaction.of(c);
 *     try {
 *         // ... the application's own JDBC statements on c ...
 *         persistence.inHostTransaction(host, ctx, tx -> { tx.missions().insert(m); return null; });
 *         host.commit();            // commits, or rolls back and throws if a unit of work failed inside
 *     } catch (RuntimeException e) {
 *         c.rollback();
 *         throw e;
 *     }
 * }
 * }</pre>
 *
 * The caller owns the connection: it begins, commits or rolls back, and closes it. After a unit of work failed inside
 * the transaction ({@link #isRollbackOnly()}), the caller must roll back; {@link #commit()} does that for it. One
 * instance per transaction: create a new one after each commit or rollback. Not thread-safe.
 */
public final class JdbcHostTransaction implements HostTransaction {

    private final Connection connection;
    private TvmContext published;
    private Throwable rollbackCause;

    private JdbcHostTransaction(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param connection non-null open connection with autocommit off (a transaction in progress)
     * @return the handle of its current transaction
     * @throws IllegalArgumentException if the connection is closed or in autocommit mode
     * @throws TvmPersistenceException  if the connection cannot be inspected
     */
    public static JdbcHostTransaction of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        try {
            if (connection.isClosed() || connection.getAutoCommit()) {
                throw new IllegalArgumentException("the connection must be open with autocommit off: a unit of work "
                        + "can only join a transaction in progress (call connection.setAutoCommit(false) first)");
            }
        } catch (SQLException e) {
            throw new TvmPersistenceException("Cannot inspect the host connection (SQLState " + e.getSQLState() + ")", e);
        }
        return new JdbcHostTransaction(connection);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public TvmContext publishedContext() {
        return published;
    }

    @Override
    public void contextPublished(TvmContext ctx) {
        this.published = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public void setRollbackOnly(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        if (rollbackCause == null) {
            rollbackCause = cause;
        }
    }

    /** @return whether a unit of work failed inside this transaction, so it must be rolled back */
    public boolean isRollbackOnly() {
        return rollbackCause != null;
    }

    /** @return the first failure reported by {@link #setRollbackOnly}, or null */
    public Throwable rollbackCause() {
        return rollbackCause;
    }

    /**
     * Commits the connection, unless the transaction is rollback-only: then it rolls back and throws.
     *
     * @throws TransactionRolledBackException if a unit of work failed inside (rolled back; the first failure is the cause)
     * @throws TvmPersistenceException        if the database refuses the commit or rollback
     */
    public void commit() {
        try {
            if (rollbackCause != null) {
                connection.rollback();
                throw new TransactionRolledBackException(rollbackCause);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new TvmPersistenceException("The host transaction could not be ended (SQLState " + e.getSQLState()
                    + ")", e);
        }
    }
}
