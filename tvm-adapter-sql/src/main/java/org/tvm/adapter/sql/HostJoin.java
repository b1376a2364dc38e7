package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.TvmContext;

/**
 * The one implementation of the joining rules of {@link HostTransaction} both SQL adapters apply before a unit of work
 * runs on the host's connection: autocommit must be off, one facility per host transaction, context published at the
 * first use (and again when the actor changes).
 */
public final class HostJoin {

    private HostJoin() {
    }

    /**
     * @param host     non-null host transaction
     * @param ctx      non-null context of the unit of work
     * @param database the database behind the host's connection
     * @return the host's connection, carrying {@code ctx}
     * @throws IllegalStateException if the connection is in autocommit mode or another facility's context was published
     *                               in this host transaction (nothing was sent to the database)
     * @throws SQLException          if publishing fails (the caller translates it and marks the host rollback-only)
     */
    public static Connection join(HostTransaction host, TvmContext ctx, SqlDatabase database) throws SQLException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ctx, "ctx");
        Connection connection = Objects.requireNonNull(host.connection(), "host.connection()");
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("the host connection is in autocommit mode: a unit of work can only join a "
                    + "transaction in progress");
        }
        TvmContext published = host.publishedContext();
        if (published != null && !published.facilityId().equals(ctx.facilityId())) {
            throw new IllegalStateException("this host transaction already carries the context of facility "
                    + published.facilityId() + "; a unit of work for facility " + ctx.facilityId()
                    + " must run in another transaction (one facility per transaction keeps row-level security exact)");
        }
        if (!ctx.equals(published)) {
            database.publishContext(connection, ctx, false); // never read-only: the transaction is the host's
            host.contextPublished(ctx);
        }
        return connection;
    }

    /**
     * {@link #join}, for the adapters: a database failure is translated to its port exception, which also marks the
     * host transaction rollback-only (a refusal before any SQL leaves the host untouched).
     *
     * @param host     non-null host transaction
     * @param ctx      non-null context of the unit of work
     * @param database the database the host connection belongs to
     * @return the host's connection, carrying {@code ctx}
     */
    public static Connection joinOrMarkHost(HostTransaction host, TvmContext ctx, SqlDatabase database) {
        try {
            return join(host, ctx, database);
        } catch (SQLException e) {
            RuntimeException translated = org.tvm.adapter.sql.error.SqlErrorTranslator.translate(e,
                    org.tvm.adapter.sql.error.ErrorHint.NONE);
            host.setRollbackOnly(translated);
            throw translated;
        }
    }
}
