package org.tvm.migrations.support;

import static org.tvm.migrations.support.Fixture.FACILITY_A;
import static org.tvm.migrations.support.Fixture.MISSION_A_PENDING;
import static org.tvm.migrations.support.Fixture.RESIDENT_A;
import static org.tvm.migrations.support.Fixture.RESIDENT_A2;
import static org.tvm.migrations.support.Fixture.USER_A;
import static org.tvm.migrations.support.Fixture.VEHICLE_A;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For every table a row (as SQL expressions, facility A of the {@link Fixture}) that the PostgreSQL schema
 * accepts. Constraint tests insert it with exactly one column overridden, so each case isolates one constraint.
 * Unique values are derived from gen_random_uuid() so the template can be inserted repeatedly.
 */
public final class ValidRows {

    private static final String RANDOM_WORD = "translate(left(gen_random_uuid()::text, 8), '0123456789-', 'abcdefghijk')";

    private static final Map<String, Map<String, String>> ROWS = new LinkedHashMap<>();

    static {
        row("facilities", "name", "'Facility X'", "timezone", "'UTC'");
        row("locations", "facility_id", q(FACILITY_A), "name", "'Loc ' || gen_random_uuid()", "kind", "'room'",
                "coordinates", "ST_GeogFromText('SRID=4326;POINT(139.7 35.6)')");
        row("maps", "facility_id", q(FACILITY_A), "name", "'Map ' || gen_random_uuid()", "version", "1", "data", "'{}'");
        row("users", "facility_id", q(FACILITY_A), "email", "'u' || replace(gen_random_uuid()::text, '-', '') || '@example.org'",
                "password_hash", "'$2a$12$abcdefghijklmnopqrstuuSOMEHASHVALUEabcdefghijklmnopq'",
                "first_name", "'Uma'", "last_name", "'User'");
        row("roles", "name", "'role_' || " + RANDOM_WORD);
        row("permissions", "resource", "'zz_' || " + RANDOM_WORD, "action", "'act'");
        row("role_permissions", "role_id", "(SELECT id FROM roles WHERE name = 'guest')",
                "permission_id", "(SELECT id FROM permissions WHERE resource = 'mission' AND action = 'delete')");
        row("user_roles", "user_id", q(USER_A), "role_id", "(SELECT id FROM roles WHERE name = 'guest')", "facility_id", q(FACILITY_A));
        row("residents", "facility_id", q(FACILITY_A), "first_name", "'Rei'", "last_name", "'Resident'", "date_of_birth", "'1940-01-01'");
        row("caregiver_assignments", "facility_id", q(FACILITY_A), "caregiver_user_id", q(USER_A), "resident_id", q(RESIDENT_A2));
        row("vehicles", "facility_id", q(FACILITY_A), "name", "'V ' || gen_random_uuid()");
        row("missions", "facility_id", q(FACILITY_A), "resident_id", q(RESIDENT_A), "created_by_user_id", q(USER_A),
                "pickup_location", "'Room 101'", "dropoff_location", "'Garden'");
        row("mission_events", "facility_id", q(FACILITY_A), "mission_id", q(MISSION_A_PENDING), "event_type", "'created'");
        row("telemetry", "facility_id", q(FACILITY_A), "vehicle_id", q(VEHICLE_A), "timestamp", "NOW()");
        row("vehicle_logs", "facility_id", q(FACILITY_A), "vehicle_id", q(VEHICLE_A), "level", "'info'", "message", "'ok'",
                "logged_at", "NOW()");
        row("audit_logs", "action", "'login'", "success", "TRUE");
        row("audit_logs_pending", "action", "'login'", "success", "TRUE");
        row("maintenance_runs", "started_at", "NOW()");
        row("mission_archive", "mission_id", "gen_random_uuid()", "facility_id", q(FACILITY_A), "finished_at", "NOW()",
                "archived_at", "NOW()", "event_count", "0", "document", "'{}'");
        row("data_access_logs", "facility_id", q(FACILITY_A), "resident_id", q(RESIDENT_A), "access_type", "'read'");
        row("audit_chain_heads", "chain_id", "gen_random_uuid()", "last_seq", "1", "last_hash", "repeat('a', 64)");
        row("audit_chain_checkpoints", "chain_id", "gen_random_uuid()", "seq", "1", "row_hash", "repeat('a', 64)",
                "key_id", "'k1'", "mac", "repeat('b', 64)", "signed_at", "NOW()");
    }

    private ValidRows() {
    }

    /** @return every table with a template */
    public static Set<String> tables() {
        return ROWS.keySet();
    }

    /** @return INSERT of the table's valid row with the given column expressions replaced or added */
    public static String insert(String table, Map<String, String> overrides) {
        Map<String, String> row = new LinkedHashMap<>(template(table));
        row.putAll(overrides);
        return "INSERT INTO " + table + " (" + String.join(", ", row.keySet().stream().map(ValidRows::quoteIdent).toList())
                + ") VALUES (" + String.join(", ", row.values()) + ")";
    }

    /** @return INSERT of the table's valid row with one column overridden */
    public static String insert(String table, String column, String expression) {
        return insert(table, Map.of(column, expression));
    }

    /** @return the template of a table (column -> SQL expression) */
    public static Map<String, String> template(String table) {
        Map<String, String> row = ROWS.get(table);
        if (row == null) {
            throw new IllegalArgumentException("No valid-row template for " + table + "; known: " + ROWS.keySet());
        }
        return row;
    }

    /** @return the SQL literal of a uuid string */
    public static String q(String uuid) {
        return "'" + uuid + "'";
    }

    private static String quoteIdent(String column) {
        return "\"" + column + "\"";
    }

    private static void row(String table, String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        ROWS.put(table, row);
    }

    /** @return a compact description, for test names */
    public static String describe(Map<String, String> overrides) {
        return overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
