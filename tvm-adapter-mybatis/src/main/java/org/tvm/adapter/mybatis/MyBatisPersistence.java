package org.tvm.adapter.mybatis;

import org.tvm.ports.WithheldDatabaseError;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.adapter.sql.error.SqlErrorTranslator;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.managed.ManagedTransaction;
import org.tvm.adapter.sql.HostJoin;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.Capability;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.repository.MyBatisTransaction;
import org.tvm.adapter.mybatis.support.SqlDialect;

/**
 * The {@link TvmPersistence} of this adapter. Per unit of work: open a SqlSession (autocommit off, one connection),
 * publish the context as the first statement (PostgreSQL), run the work, commit (or, read-only, roll back), or roll
 * back on any exception and rethrow it unchanged.
 */
final class MyBatisPersistence implements TvmPersistence {

    private final SqlSessionFactory sessions;
    private final SqlDialect dialect;
    private final Set<Capability> capabilities;
    private final HostTransactions hostTransactions;
    private final RowMapper rows;
    private final Clock clock;
    private final ThreadLocal<Boolean> active = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    MyBatisPersistence(SqlSessionFactory sessions, SqlDialect dialect, Set<Capability> capabilities, RowMapper rows,
            Clock clock, HostTransactions hostTransactions) {
        this.sessions = sessions;
        this.hostTransactions = hostTransactions;
        this.capabilities = capabilities;
        this.dialect = dialect;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public <T> T inTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, false);
    }

    @Override
    public <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, true);
    }

    private void checkCanRun() {
        if (closed.get()) {
            throw new IllegalStateException("This TvmPersistence is closed");
        }
        if (active.get() != null) {
            throw new NestedTransactionException();
        }
    }

    private <T> T execute(TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        requireNonNull(ctx, "ctx");
        requireNonNull(work, "work");
        checkCanRun();
        HostTransaction host = hostTransactions == null ? null : hostTransactions.current();
        if (host != null) {
            return joined(host, ctx, work, readOnly);
        }
        active.set(Boolean.TRUE);
        try {
            SqlSession session = open();
            try {
                MyBatisTransaction tx = begin(session, ctx, readOnly);
                T result;
                try {
                    result = work.execute(tx.unitOfWork().guard(tx));
                } catch (RuntimeException | Error e) {
                    tx.invalidate();
                    rollback(session, e);
                    throw e;
                }
                tx.invalidate();
                if (tx.unitOfWork().rollbackOnly()) {
                    RuntimeException rolledBack = tx.unitOfWork().rolledBack();
                    rollback(session, rolledBack);
                    throw rolledBack;
                }
                end(session, readOnly);
                return result;
            } finally {
                close(session, readOnly);
            }
        } finally {
            active.remove();
        }
    }

    @Override
    public <T> T inHostTransaction(HostTransaction host, TvmContext ctx, TransactionWork<T> work) {
        requireNonNull(host, "host");
        requireNonNull(ctx, "ctx");
        requireNonNull(work, "work");
        checkCanRun();
        return joined(host, ctx, work, false);
    }

    /**
     * The unit of work on the host's connection, through a MyBatis {@link ManagedTransaction} that never commits, rolls
     * back or closes it (the model of mybatis-spring's SpringManagedTransaction); marks the host on failure.
     */
    private <T> T joined(HostTransaction host, TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Connection connection = HostJoin.joinOrMarkHost(host, ctx, dialect.database());
        active.set(Boolean.TRUE);
        Configuration configuration = sessions.getConfiguration();
        SqlSession session = new DefaultSqlSession(configuration,
                configuration.newExecutor(new ManagedTransaction(connection, false), ExecutorType.SIMPLE), false);
        try {
            MyBatisTransaction tx = new MyBatisTransaction(session, dialect, rows, clock, ctx, readOnly);
            T result;
            try {
                result = work.execute(tx.unitOfWork().guard(tx));
            } catch (RuntimeException | Error e) {
                host.setRollbackOnly(e);
                throw e;
            } finally {
                tx.invalidate();
            }
            if (tx.unitOfWork().rollbackOnly()) {
                RuntimeException rolledBack = tx.unitOfWork().rolledBack();
                host.setRollbackOnly(rolledBack);
                throw rolledBack;
            }
            return result;
        } finally {
            active.remove();
            session.close(); // a managed transaction: neither ends nor closes the host's connection
        }
    }

    private SqlSession open() {
        try {
            return sessions.openSession(ExecutorType.SIMPLE, false);
        } catch (RuntimeException e) {
            throw SqlErrorTranslator.translate(e, ErrorHint.NONE);
        }
    }

    /** Autocommit is off (JdbcTransaction); the context is the first statement of the transaction. */
    private MyBatisTransaction begin(SqlSession session, TvmContext ctx, boolean readOnly) {
        try {
            if (readOnly) {
                session.getConnection().setReadOnly(true);
            }
            dialect.database().publishContext(session.getConnection(), ctx, readOnly);
        } catch (SQLException | RuntimeException e) {
            rollback(session, e);
            throw SqlErrorTranslator.translate(e, ErrorHint.NONE);
        }
        return new MyBatisTransaction(session, dialect, rows, clock, ctx, readOnly);
    }

    private static void end(SqlSession session, boolean readOnly) {
        try {
            if (readOnly) {
                session.rollback(true);
            } else {
                session.commit(true);
            }
        } catch (RuntimeException e) {
            rollback(session, e);
            throw SqlErrorTranslator.translate(e, ErrorHint.COMMIT);
        }
    }

    private static void rollback(SqlSession session, Throwable cause) {
        try {
            session.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(WithheldDatabaseError.safeCause(rollbackFailure)); // may quote values
        }
    }

    private static void close(SqlSession session, boolean readOnly) {
        if (readOnly) {
            try {
                Connection c = session.getConnection();
                if (!c.isClosed()) {
                    c.setReadOnly(false);
                }
            } catch (SQLException | RuntimeException ignored) {
                // the pool resets the flag anyway
            }
        }
        session.close();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        closed.set(true);
    }

    SqlDialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return "MyBatisTvmPersistence[" + dialect.databaseId() + "]";
    }
}
