package org.tvm.adapter.jpa.repository;

import java.sql.Connection;
import java.util.function.Consumer;
import org.tvm.ports.TvmTransaction;

/** Test access to the JDBC connection of a live JPA transaction handle (kept out of the main code;
 * here, next to {@link JpaTransaction}, so its {@code session()} stays package-private). */
public final class TransactionConnections {

    private TransactionConnections() {
    }

    public static void onConnection(TvmTransaction tx, Consumer<Connection> action) {
        ((JpaTransaction) org.tvm.ports.spi.UnitOfWork.unguarded(tx)).session().doWork(action::accept);
    }
}
