package org.tvm.testkit.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.h2.api.Trigger;
import org.h2.message.DbException;

/**
 * H2 trigger behind {@link H2Faults}: a user whose first name is {@code fault-<vendor code>} is rejected with H2's own
 * exception for that code, its message quoting the whole row. Public because H2 instantiates it by name.
 */
public final class H2FaultTrigger implements Trigger {

    private int firstName = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                if ("first_name".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    firstName = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (firstName < 0) {
            throw new SQLException("fault trigger needs a first_name column on " + tableName);
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object name = newRow[firstName];
        if (name instanceof String s && s.startsWith("fault-")) {
            String row = Arrays.toString(newRow);
            throw DbException.get(Integer.parseInt(s.substring(6)), row, row, row).getSQLException();
        }
    }
}
