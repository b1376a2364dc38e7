package org.tvm.adapter.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.tvm.adapter.sql.HostJoin;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.ports.Capability;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.WithheldDatabaseError;
import org.tvm.adapter.jpa.repository.JpaTransaction;
import org.tvm.adapter.jpa.support.HibernateErrors;
import org.tvm.adapter.jpa.support.UnitConnection;
import org.tvm.adapter.jpa.mapping.EntityMapper;
import org.tvm.adapter.jpa.support.SqlDialect;

/**
 * The {@link TvmPersistence} of this adapter. Per unit of work: take a connection (autocommit off), publish the context
 * as the first statement (PostgreSQL), run the work in a Hibernate session on that connection, commit (or, read-only,
 * roll back), or roll back on any exception and rethrow it; or join the host's transaction without ending it.
 */
final class JpaPersistence implements TvmPersistence {

    private final SessionFactory sessionFactory;
    private final DataSource dataSource;
    private final Set<Capability> capabilities;
    private final HostTransactions hostTransactions;
    private final SqlDialect dialect;
    private final EntityMapper mapper;
    private final Clock clock;
    private final ThreadLocal<JpaTransaction> current = new ThreadLocal<>();
    private volatile boolean closed;

    JpaPersistence(SessionFactory sessionFactory, DataSource dataSource, SqlDialect dialect,
            Set<Capability> capabilities, EntityMapper mapper, Clock clock, HostTransactions hostTransactions) {
        this.sessionFactory = sessionFactory;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.capabilities = capabilities;
        this.mapper = mapper;
        this.clock = clock;
        this.hostTransactions = hostTransactions;
    }

    @Override
    public <T> T inTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, false);
    }

    @Override
    public <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, true);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sessionFactory.close();
        }
    }

    private void checkCanRun() {
        if (current.get() != null) {
            throw new NestedTransactionException();
        }
        if (closed) {
            throw new IllegalStateException("This TvmPersistence is closed");
        }
    }

    private <T> T execute(TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        checkCanRun();
        HostTransaction host = hostTransactions == null ? null : hostTransactions.current();
        if (host != null) {
            return joined(host, ctx, work, readOnly);
        }
        // The adapter owns the JDBC transaction; Hibernate runs on the supplied connection without a transaction of its
        // own, so a failure Hibernate saw cannot veto the commit of a unit that recovered through a savepoint.
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw HibernateErrors.translate(e, ErrorHint.NONE);
        }
        try {
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException | RuntimeException e) {
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
            try {
                T result = runOwned(connection, ctx, work, readOnly);
                try {
                    if (readOnly) {
                        connection.rollback();
                    } else {
                        connection.commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    RuntimeException translated = HibernateErrors.translate(e, ErrorHint.COMMIT);
                    rollbackQuietly(connection, translated);
                    throw translated;
                }
                return result;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } finally {
            closeQuietly(connection);
        }
    }

    @Override
    public <T> T inHostTransaction(HostTransaction host, TvmContext ctx, TransactionWork<T> work) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        checkCanRun();
        return joined(host, ctx, work, false);
    }

    /** The unit of work on the host's connection: never commits, rolls back or closes it; marks it on failure. */
    private <T> T joined(HostTransaction host, TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Connection connection = HostJoin.joinOrMarkHost(host, ctx, dialect.database());
        try {
            return runOn(connection, ctx, work, readOnly);
        } catch (Throwable e) {
            host.setRollbackOnly(e);
            throw e;
        }
    }

    /** Publishes the context, runs the work; on any failure (or a rollback-only end) rolls back and throws. */
    private <T> T runOwned(Connection connection, TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        try {
            dialect.database().publishContext(connection, ctx, readOnly);
        } catch (SQLException | RuntimeException e) {
            RuntimeException translated = HibernateErrors.translate(e, ErrorHint.NONE);
            rollbackQuietly(connection, translated);
            throw translated;
        }
        try {
            return runOn(connection, ctx, work, readOnly);
        } catch (Throwable e) { // also a checked exception thrown sneakily: nothing of the work may survive
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    /**
     * Runs the work in a Hibernate session on {@code connection} (whose transaction is already open and carries the
     * context). Throws the work's exception, or {@link org.tvm.ports.TransactionRolledBackException} if the unit ended
     * rollback-only; never commits, rolls back or closes the connection.
     */
    private <T> T runOn(Connection connection, TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Session session = sessionFactory.withOptions().connection(UnitConnection.of(connection)).openSession();
        JpaTransaction tx = new JpaTransaction(session, ctx, readOnly, dialect, mapper, clock);
        current.set(tx);
        Transaction hibernateTransaction = null;
        try {
            try {
                hibernateTransaction = session.beginTransaction(); // Hibernate's bookkeeping only (UnitConnection)
                session.setDefaultReadOnly(readOnly);
            } catch (RuntimeException e) {
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
            T result;
            try {
                result = work.execute(tx.unitOfWork().guard(tx));
            } finally {
                tx.end();
            }
            if (tx.unitOfWork().rollbackOnly()) {
                throw tx.unitOfWork().rolledBack();
            }
            return result;
        } finally {
            current.remove();
            try {
                if (hibernateTransaction != null && hibernateTransaction.isActive()) {
                    hibernateTransaction.rollback(); // ends Hibernate's state; the real outcome is the owner's
                }
                session.close();
            } catch (RuntimeException ignored) {
                // the transaction outcome is decided by the owner of the connection
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable primary) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            primary.addSuppressed(WithheldDatabaseError.safeCause(rollbackFailure)); // may quote values
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        if (autoCommit) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException ignored) {
                // the pool resets it; the outcome is already decided
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the outcome is already decided
        }
    }
}
