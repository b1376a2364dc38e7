package org.tvm.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A DataSource that counts the round trips its connections make: every statement execution (a JDBC batch counts
 * once), every commit/rollback, and every COPY (counted when the connection is unwrapped to {@link PGConnection}).
 * Used only for the "statements per operation" column, in a separate pass: the proxies cost time.
 */
final class StatementCounter implements DataSource {

    private final DataSource delegate;
    private final AtomicLong count = new AtomicLong();

    StatementCounter(DataSource delegate) {
        this.delegate = delegate;
    }

    long count() {
        return count.get();
    }

    void reset() {
        count.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(delegate.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler(c, true));
    }

    private InvocationHandler handler(Object target, boolean connection) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if (connection && (name.equals("commit") || name.equals("rollback"))) {
                count.incrementAndGet();
            } else if (connection && name.equals("unwrap") && args[0] == PGConnection.class) {
                count.incrementAndGet(); // the bulk writers unwrap exactly once per COPY
            } else if (!connection && (name.startsWith("execute"))) {
                count.incrementAndGet();
            }
            Object result = invoke(method, target, args);
            if (connection && result instanceof Statement s && !(result instanceof CallableStatement)) {
                Class<?> type = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler(s, false));
            }
            return result;
        };
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
