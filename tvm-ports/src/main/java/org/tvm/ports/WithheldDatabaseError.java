package org.tvm.ports;

import java.sql.SQLException;

/**
 * Stands in for a driver or ORM exception whose message may quote row values: integrity violations
 * (SQLState class {@code 23}) carry texts such as {@code Key (email)=(...) already exists} or
 * {@code Failing row contains (...)}, and data exceptions (class {@code 22}) quote the rejected input,
 * which would put e-mail addresses, password hashes or tokens into logs. {@link TvmPersistenceException} substitutes this for such a cause: it keeps what diagnosis needs
 * (SQLState, vendor code, the original exception type and its stack trace) and drops the message.
 * The port exception itself already names the entity and the constraint.
 */
public final class WithheldDatabaseError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;
    private final String originalType;

    private WithheldDatabaseError(String sqlState, int vendorCode, String originalType) {
        super("SQLState " + sqlState + ", vendor code " + vendorCode + " from " + originalType
                + " (message withheld: it may contain row values)");
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
        this.originalType = originalType;
    }

    /**
     * The cause a port exception should keep: {@code cause} itself, or a {@link WithheldDatabaseError}
     * when any {@link SQLException} in its chain reports a data exception or an integrity violation
     * (SQLState class 22 or 23).
     *
     * @param cause nullable underlying exception
     * @return nullable cause safe to log
     */
    public static Throwable safeCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && quotesValues(sql.getSQLState())) {
                WithheldDatabaseError withheld = new WithheldDatabaseError(sql.getSQLState(), sql.getErrorCode(),
                        cause.getClass().getName());
                withheld.setStackTrace(cause.getStackTrace());
                return withheld;
            }
        }
        return cause;
    }

    private static boolean quotesValues(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }

    /** @return the SQLState of the withheld database error, e.g. {@code "23505"} */
    public String sqlState() {
        return sqlState;
    }

    /** @return the vendor-specific error code of the withheld database error */
    public int vendorCode() {
        return vendorCode;
    }

    /** @return the class name of the exception that was withheld (the outermost one handed to the port exception) */
    public String originalType() {
        return originalType;
    }
}
