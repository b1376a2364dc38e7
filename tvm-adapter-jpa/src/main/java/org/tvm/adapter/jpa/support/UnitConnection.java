package org.tvm.adapter.jpa.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * The connection a Hibernate session of one unit of work runs on: Hibernate may begin and end its own transaction
 * object (locking queries require one), but the real JDBC transaction belongs to the adapter's run loop or to the host
 * that handed the connection in. So {@code commit()}, {@code rollback()}, {@code setAutoCommit} and {@code close()}
 * issued through this view do nothing; savepoint calls and statements pass through.
 */
public final class UnitConnection {

    private UnitConnection() {
    }

    public static Connection of(Connection connection) {
        return (Connection) Proxy.newProxyInstance(UnitConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    boolean noArgs = args == null || args.length == 0;
                    if (noArgs && (name.equals("commit") || name.equals("rollback") || name.equals("close"))) {
                        return null; // decided by the owner of the transaction, never by Hibernate
                    }
                    if (name.equals("setAutoCommit")) {
                        return null;
                    }
                    if (name.equals("isClosed") && noArgs) {
                        return connection.isClosed();
                    }
                    if (name.equals("unwrap") && args[0] == Connection.class) {
                        return proxy;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
