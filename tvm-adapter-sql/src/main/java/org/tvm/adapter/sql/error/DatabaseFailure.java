package org.tvm.adapter.sql.error;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.tvm.ports.WithheldDatabaseError;

/**
 * The facts of a database error that may leave the adapter: SQLState, vendor code and the names of the constraint,
 * table and column, never the message. PostgreSQL reports the names in structured fields; H2 only in its message,
 * from which plain identifiers are taken (anything else is dropped, so no value slips through as a "name").
 *
 * @param sqlState         nullable SQLState
 * @param vendorCode       vendor error code (H2's codes identify its errors; PostgreSQL reports 0)
 * @param constraint       nullable lower-case constraint or index name
 * @param table            nullable lower-case table name
 * @param column           nullable lower-case column name
 * @param h2               whether the error comes from H2
 * @param rowLevelSecurity whether a row-level security policy rejected the row
 */
public record DatabaseFailure(String sqlState, int vendorCode, String constraint, String table, String column,
                              boolean h2, boolean rowLevelSecurity) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** H2 quotes the object first: {@code "PUBLIC.IDX_X ON PUBLIC.T(C) VALUES ..."}, {@code "FK_X: PUBLIC.T FOREIGN KEY"}. */
    private static final Pattern H2_QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern H2_TABLE = Pattern.compile("(?:\\bON|:)\\s+(?:[A-Za-z_]+\\.)?([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * @param failure any throwable
     * @return the facts of the first database exception in it (a failed batch's next exception, which carries the
     *         server's details, is preferred), or null when it holds none
     */
    public static DatabaseFailure of(Throwable failure) {
        SQLException sql = WithheldDatabaseError.firstSqlException(failure);
        if (sql == null) {
            return null;
        }
        SQLException next = sql.getNextException();
        if (next != null && (next instanceof PSQLException || sql instanceof BatchUpdateException)) {
            sql = next;
        }
        boolean rls = sql.getMessage() != null && sql.getMessage().contains("row-level security");
        if (sql instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return new DatabaseFailure(sql.getSQLState(), sql.getErrorCode(), identifier(m.getConstraint()),
                    identifier(m.getTable()), identifier(m.getColumn()), false, rls);
        }
        if (sql.getClass().getName().startsWith("org.h2.")) {
            return h2(sql, rls);
        }
        return new DatabaseFailure(sql.getSQLState(), sql.getErrorCode(), null, null, null, false, rls);
    }

    private static DatabaseFailure h2(SQLException sql, boolean rls) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        Matcher q = H2_QUOTED.matcher(sql.getMessage() == null ? "" : sql.getMessage());
        String quoted = q.find() ? q.group(1) : "";
        String first = quoted.split("[\\s:(]", 2)[0];
        String constraint = null;
        String table = null;
        String column = null;
        if ("23502".equals(state) || "22001".equals(state)) { // NULL not allowed / value too long for column "C ..."
            column = identifier(first);
        } else if (state.startsWith("23")) {
            Matcher t = H2_TABLE.matcher(quoted);
            table = t.find() ? identifier(t.group(1)) : null;
            if ("PRIMARY".equalsIgnoreCase(first)) {
                constraint = table == null ? null : table + "_pkey";
            } else {
                constraint = identifier(first.contains(".") ? first.substring(first.lastIndexOf('.') + 1) : first);
                if (constraint != null && constraint.startsWith("constraint_")) { // H2's generated names mean nothing
                    constraint = null;
                }
            }
        }
        return new DatabaseFailure(sql.getSQLState(), sql.getErrorCode(), constraint, table, column, true, rls);
    }

    private static String identifier(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return IDENTIFIER.matcher(lower).matches() ? lower : null;
    }
}
