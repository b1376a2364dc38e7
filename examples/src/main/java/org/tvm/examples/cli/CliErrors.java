package org.tvm.examples.cli;

import java.sql.SQLException;

/**
 * Turns a failure of a {@code tvm} command into the one line an operator reads: what went wrong and how to fix it,
 * never a stack trace or Flyway's multi-line report. Known database causes (by SQLSTATE, from the first
 * {@link SQLException} in the cause chain) get a fix; anything else is the first line of each distinct message.
 */
final class CliErrors {

    private CliErrors() {
    }

    /**
     * @param command the subcommand's name, e.g. {@code "migrate"}
     * @param failure what the command threw
     * @return one line without line breaks
     */
    static String describe(String command, Throwable failure) {
        SQLException sql = firstSqlException(failure);
        String fix = sql == null ? null : fix(command, sql);
        String line = fix != null ? fix + ": " + firstLine(sql.getMessage()) + " (SQLSTATE " + sql.getSQLState() + ")"
                : messages(failure);
        return line.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The fix for a known SQLSTATE, or null. */
    private static String fix(String command, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage());
        if (state.equals("42501") || message.contains("must be superuser") || message.contains("must be owner")) {
            return command + " needs a superuser or a member of tvm_admin (creating the PostGIS extension and the "
                    + "database roles needs a superuser; run it with --user postgres or another superuser)";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "cannot log in: check --user and the password (TVM_DB_PASSWORD or --password)";
        }
        if (state.equals("3D000")) {
            return "the database does not exist: create it first (e.g. createdb <name>) or fix --jdbc-url";
        }
        if (state.equals("58P01") || (state.equals("0A000") && message.contains("extension"))
                || message.contains("extension \"postgis\" is not available")) {
            return "PostGIS is not installed on the database server: install PostGIS 3 there "
                    + "(Debian: apt-get install postgresql-15-postgis-3)";
        }
        if (state.startsWith("08")) {
            return "cannot reach the database: is PostgreSQL running, and are host and port in --jdbc-url right?";
        }
        return null;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The first line of every distinct message down the cause chain. */
    private static String messages(Throwable failure) {
        StringBuilder line = new StringBuilder(firstLine(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String first = firstLine(cause.getMessage());
            if (!first.isEmpty() && !line.toString().contains(first)) {
                line.append(" (caused by: ").append(first).append(')');
            }
        }
        return line.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
