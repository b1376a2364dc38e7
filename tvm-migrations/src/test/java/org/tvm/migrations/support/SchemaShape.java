package org.tvm.migrations.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Vendor-neutral description of the base tables of a schema (table -> column -> type family + nullability),
 * read from information_schema, and the diff between two of them. Used to keep the H2 set in step with the
 * PostgreSQL schema of record.
 */
public final class SchemaShape {

    /** Type family and nullability of one column, e.g. {@code varchar(100) null}. */
    public record Column(String family, boolean nullable) {
        @Override
        public String toString() {
            return family + (nullable ? " null" : " not null");
        }
    }

    private SchemaShape() {
    }

    /** Base tables of schema public on PostgreSQL, excluding partitions, PostGIS and Flyway tables. */
    public static Map<String, Map<String, Column>> readPostgres(Connection c) throws SQLException {
        return read(c, """
                SELECT col.table_name, col.column_name, col.data_type, col.udt_name, col.character_maximum_length,
                       col.numeric_precision, col.numeric_scale, col.is_nullable
                FROM information_schema.columns col
                JOIN pg_class cls ON cls.relname = col.table_name
                JOIN pg_namespace ns ON ns.oid = cls.relnamespace AND ns.nspname = col.table_schema
                WHERE col.table_schema = 'public'
                  AND cls.relkind IN ('r', 'p') AND NOT cls.relispartition
                  AND col.table_name NOT IN ('spatial_ref_sys', 'flyway_schema_history')
                """);
    }

    /** Base tables of schema public on H2, excluding Flyway's table. */
    public static Map<String, Map<String, Column>> readH2(Connection c) throws SQLException {
        return read(c, """
                SELECT col.table_name, col.column_name, col.data_type, col.data_type AS udt_name,
                       col.character_maximum_length, col.numeric_precision, col.numeric_scale, col.is_nullable
                FROM information_schema.columns col
                JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name
                WHERE LOWER(col.table_schema) = 'public' AND t.table_type = 'BASE TABLE'
                  AND LOWER(col.table_name) <> 'flyway_schema_history'
                """);
    }

    private static Map<String, Map<String, Column>> read(Connection c, String sql) throws SQLException {
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        for (Map<String, Object> row : Sql.rows(c, sql)) {
            String table = lower(row.get("table_name"));
            String column = lower(row.get("column_name"));
            String family = family(lower(row.get("data_type")), lower(row.get("udt_name")),
                    (Number) row.get("character_maximum_length"), (Number) row.get("numeric_precision"),
                    (Number) row.get("numeric_scale"));
            tables.computeIfAbsent(table, t -> new TreeMap<>())
                    .put(column, new Column(family, "YES".equalsIgnoreCase(String.valueOf(row.get("is_nullable")))));
        }
        return tables;
    }

    static String family(String dataType, String udtName, Number length, Number precision, Number scale) {
        switch (dataType) {
            case "character varying":
                return length == null || length.intValue() >= 1_000_000 ? "text" : "varchar(" + length.intValue() + ")";
            case "text":
                return "text";
            case "inet":
                return "varchar(45)";  // H2: VARCHAR(45)
            case "numeric":
                return "numeric(" + precision.intValue() + "," + scale.intValue() + ")";
            case "jsonb":
            case "json":
                return "json";
            case "array":
                return "array";
            case "geometry":
                return "point";
            case "user-defined":
                return udtName.equals("geography") || udtName.equals("geometry") ? "point" : udtName;
            default:
                return dataType;  // uuid, integer, bigint, boolean, date, timestamp with time zone
        }
    }

    /**
     * Differences between two schemas: tables or columns present on one side only, and columns whose type
     * family or nullability differ. {@code allowedOnlyLeft} lists "table.column" that may exist on the left only.
     */
    public static List<String> diff(String leftName, Map<String, Map<String, Column>> left,
                                    String rightName, Map<String, Map<String, Column>> right,
                                    Set<String> allowedOnlyLeft, Set<String> allowedOnlyRight) {
        List<String> problems = new ArrayList<>();
        Set<String> tables = new TreeSet<>(left.keySet());
        tables.addAll(right.keySet());
        for (String table : tables) {
            Map<String, Column> l = left.get(table);
            Map<String, Column> r = right.get(table);
            if (l == null || r == null) {
                problems.add("table " + table + " exists only in " + (l == null ? rightName : leftName));
                continue;
            }
            Set<String> columns = new TreeSet<>(l.keySet());
            columns.addAll(r.keySet());
            for (String column : columns) {
                String key = table + "." + column;
                Column lc = l.get(column);
                Column rc = r.get(column);
                if (lc == null) {
                    if (!allowedOnlyRight.contains(key)) {
                        problems.add("column " + key + " exists only in " + rightName);
                    }
                } else if (rc == null) {
                    if (!allowedOnlyLeft.contains(key)) {
                        problems.add("column " + key + " exists only in " + leftName);
                    }
                } else if (!lc.equals(rc)) {
                    problems.add("column " + key + " is " + lc + " in " + leftName + " but " + rc + " in " + rightName);
                }
            }
        }
        return problems;
    }

    private static String lower(Object o) {
        return o == null ? null : o.toString().toLowerCase(Locale.ROOT);
    }
}
