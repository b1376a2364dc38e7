package org.tvm.spring.boot;

import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.JdbcHostTransaction;
import org.tvm.ports.TransactionRolledBackException;
import org.tvm.ports.TvmContext;

/**
 * Units of work join the Spring transaction active on the calling thread for {@code dataSource}
 * ({@code @Transactional}, {@code TransactionTemplate}, with a {@code DataSourceTransactionManager} or any manager
 * that binds a JDBC connection for that data source, e.g. {@code JpaTransactionManager}). Outside such a transaction
 * {@link #current()} is null and the adapter opens and commits its own.
 *
 * <p>Inside, the unit runs on the transaction's connection ({@link DataSourceUtils#getConnection}, released when the
 * transaction completes); a failure inside marks the Spring transaction rollback-only, so Spring's commit throws
 * {@code UnexpectedRollbackException} (or, with a manager that ignores the connection's flag, the commit is turned into
 * a rollback by a {@link TransactionRolledBackException}) instead of reporting a commit that did not happen.
 */
public final class SpringHostTransactions implements HostTransactions {

    private final DataSource dataSource;

    /** @param dataSource non-null data source of the application (the one the adapter runs on) */
    public SpringHostTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public HostTransaction current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        // A transaction for another resource (or one that has not bound a connection of this data source) is not
        // ours to join: the connection would not be in that transaction.
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)
                || !holder.isSynchronizedWithTransaction()) {
            return null;
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Joined joined && joined.holder == holder) {
            return joined;
        }
        Joined joined = new Joined(holder, DataSourceUtils.getConnection(dataSource));
        TransactionSynchronizationManager.bindResource(this, joined);
        TransactionSynchronizationManager.registerSynchronization(joined.new Cleanup(this));
        return joined;
    }

    /**
     * One Spring transaction as seen by the units of work that join it: the bookkeeping of a plain JDBC host
     * transaction, plus the Spring transaction's rollback-only flag.
     */
    private final class Joined implements HostTransaction {
        private final ConnectionHolder holder;
        private final Connection connection;
        private final JdbcHostTransaction state;

        Joined(ConnectionHolder holder, Connection connection) {
            this.holder = holder;
            this.connection = connection;
            this.state = JdbcHostTransaction.of(connection);
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public TvmContext publishedContext() {
            return state.publishedContext();
        }

        @Override
        public void contextPublished(TvmContext ctx) {
            state.contextPublished(ctx);
        }

        @Override
        public void setRollbackOnly(Throwable cause) {
            state.setRollbackOnly(cause);
            // DataSourceTransactionManager reads this flag at commit and throws UnexpectedRollbackException
            holder.setRollbackOnly();
        }

        /** Keeps the binding in step with the transaction: suspended with it, removed when it completes. */
        private final class Cleanup implements TransactionSynchronization {
            private final Object key;

            Cleanup(Object key) {
                this.key = key;
            }

            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, Joined.this);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                // for transaction managers that do not read the connection holder's rollback-only flag
                if (state.isRollbackOnly()) {
                    throw new TransactionRolledBackException(state.rollbackCause());
                }
            }

            @Override
            public void beforeCompletion() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
