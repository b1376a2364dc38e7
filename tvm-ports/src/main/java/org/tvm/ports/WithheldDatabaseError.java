package org.tvm.ports;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stands in for a driver or ORM exception, whose text may quote row values: integrity violations carry texts such as
 * {@code Key (email)=(...) already exists} or {@code Failing row contains (...)}, data exceptions quote the rejected
 * input, and a failed JDBC batch ({@link BatchUpdateException}) quotes the whole statement with its parameters, so a
 * deadlock or a terminated connection would put e-mail addresses, password hashes or tokens into logs.
 *
 * <p>{@link TvmPersistenceException} substitutes this for every cause that has a {@link SQLException} anywhere in its
 * chain (causes, suppressed exceptions, next exceptions), whatever the SQLState. It keeps only what diagnosis needs
 * and what is never a row value: SQLState, vendor code, the constraint, table and column names the database reported,
 * the original exception type and its stack trace. Suppressed exceptions of the original are withheld the same way.
 */
public final class WithheldDatabaseError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;
    private final String constraint;
    private final String table;
    private final String column;
    private final String originalType;

    private WithheldDatabaseError(String sqlState, int vendorCode, String constraint, String table, String column,
            String originalType) {
        super("SQLState " + sqlState + ", vendor code " + vendorCode
                + (constraint == null ? "" : ", constraint " + constraint)
                + (table == null ? "" : ", table " + table)
                + (column == null ? "" : ", column " + column)
                + " from " + originalType + " (message withheld: it may contain row values)");
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
        this.constraint = constraint;
        this.table = table;
        this.column = column;
        this.originalType = originalType;
    }

    /**
     * Withholds {@code original} keeping the names the caller extracted from it (a translator reads them from the
     * driver's structured error fields; they are identifiers, never values).
     *
     * @param original   non-null exception to withhold (its type, stack trace and suppressed ones are kept, withheld)
     * @param sqlState   nullable SQLState
     * @param vendorCode vendor error code
     * @param constraint nullable constraint or index name
     * @param table      nullable table name
     * @param column     nullable column name
     * @return the stand-in
     */
    public static WithheldDatabaseError of(Throwable original, String sqlState, int vendorCode, String constraint,
            String table, String column) {
        if (original instanceof WithheldDatabaseError already) {
            return already;
        }
        WithheldDatabaseError withheld = new WithheldDatabaseError(sqlState, vendorCode, identifier(constraint),
                identifier(table), identifier(column), original.getClass().getName());
        withheld.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            withheld.addSuppressed(safeCause(suppressed));
        }
        return withheld;
    }

    /**
     * The cause a port exception should keep: {@code cause} itself when no {@link SQLException} appears anywhere in
     * it (causes, suppressed, next exceptions), otherwise a {@link WithheldDatabaseError} with the SQLState and vendor
     * code of the first one.
     *
     * @param cause nullable underlying exception
     * @return nullable cause safe to log
     */
    public static Throwable safeCause(Throwable cause) {
        if (cause == null || cause instanceof WithheldDatabaseError) {
            return cause;
        }
        SQLException sql = firstSqlException(cause);
        if (sql == null) {
            return cause;
        }
        return of(cause, sql.getSQLState(), sql.getErrorCode(), null, null, null);
    }

    /**
     * @param failure nullable throwable
     * @return the first {@link SQLException} in its causes, suppressed and next exceptions (breadth-first), or null
     */
    public static SQLException firstSqlException(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
        }
        return null;
    }

    /** Only plain identifiers pass; anything else (never expected from a driver) is dropped rather than risked. */
    private static String identifier(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_$.]{0,127}") ? name : null;
    }

    /** @return the SQLState of the withheld database error, e.g. {@code "23505"}, or null */
    public String sqlState() {
        return sqlState;
    }

    /** @return the vendor-specific error code of the withheld database error */
    public int vendorCode() {
        return vendorCode;
    }

    /** @return the constraint or index the database named, or null */
    public String constraint() {
        return constraint;
    }

    /** @return the table the database named, or null */
    public String table() {
        return table;
    }

    /** @return the column the database named, or null */
    public String column() {
        return column;
    }

    /** @return the class name of the exception that was withheld (the outermost one handed to the port exception) */
    public String originalType() {
        return originalType;
    }
}
