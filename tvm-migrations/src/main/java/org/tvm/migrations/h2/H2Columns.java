package org.tvm.migrations.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Column names of a table in row order, as H2 passes rows to triggers. */
final class H2Columns {

    private H2Columns() {
    }

    static List<String> of(Connection conn, String schema, String table) throws SQLException {
        return of(conn, schema, table, false);
    }

    /**
     * @param hideGenerated true: generated columns (H2's stand-ins for PostgreSQL's partial unique indexes) are listed
     *                      as null, so a trigger keeps their positions but never reports them
     */
    static List<String> of(Connection conn, String schema, String table, boolean hideGenerated) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT column_name, is_generated FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean generated = !"NEVER".equalsIgnoreCase(rs.getString(2));
                    names.add(hideGenerated && generated ? null : rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
