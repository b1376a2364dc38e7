package org.tvm.migrations.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny JDBC helpers for tests. */
public final class Sql {

    private Sql() {
    }

    /** Runs a query with positional parameters and returns all rows as ordered column-label maps. */
    public static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** Runs a query returning one column and returns its values as strings. */
    public static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows(c, sql, params)) {
            Object v = row.values().iterator().next();
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    /** Runs a query returning one number. */
    public static long number(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(c, sql, params);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /** Executes a statement (or several, separated by semicolons, when the driver allows). */
    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
