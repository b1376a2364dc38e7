package org.tvm.migrations;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables the database audits automatically and how (migration V13): per table the resource type written to
 * {@code audit_logs.resource_type}, the column that is the resource id, the <em>withheld</em> columns whose values are
 * never copied into an audit entry (sensitive: personal data of residents, password hashes, tokens, MFA secrets, medical
 * notes, free-text mission notes and failure reasons; or bulky/binary: coordinates, map data), and the <em>ignored</em>
 * columns whose change alone is not audited (vehicle heartbeats). The PostgreSQL triggers carry the same lists as
 * arguments (a schema test compares them); the H2 triggers and the in-memory adapter read them from here.
 */
public final class AuditedTables {

    /** How one table is audited. */
    public record Table(String table, String resourceType, String idColumn, Set<String> withheld, Set<String> ignored) {
    }

    /** Never compared or listed: bookkeeping, or carried by the entry's own columns. */
    public static final Set<String> NEVER_LISTED = Set.of("created_at", "updated_at", "version", "facility_id");

    /** Value written for a withheld column. */
    public static final String WITHHELD = "[withheld]";

    public static final List<Table> TABLES = List.of(
            new Table("residents", "resident", "id", Set.of("first_name", "last_name", "date_of_birth", "gender", "phone",
                    "emergency_contact_name", "emergency_contact_phone", "medical_notes", "photo_url"), Set.of()),
            new Table("users", "user", "id", Set.of("password_hash", "email_verification_token", "mfa_secret",
                    "password_reset_token", "phone"), Set.of()),
            new Table("user_roles", "user_role", "user_id", Set.of(), Set.of("assigned_at")),
            new Table("role_permissions", "role_permission", "role_id", Set.of(), Set.of()),
            new Table("caregiver_assignments", "caregiver_assignment", "resident_id", Set.of(), Set.of("assigned_at")),
            new Table("vehicles", "vehicle", "id", Set.of(),
                    Set.of("last_heartbeat", "current_location", "current_point", "battery_level")),
            new Table("missions", "mission", "id",
                    Set.of("notes", "failure_reason", "pickup_coordinates", "dropoff_coordinates"), Set.of()),
            new Table("locations", "location", "id", Set.of("coordinates"), Set.of()),
            new Table("maps", "map", "id", Set.of("data"), Set.of()));

    private static final Map<String, Table> BY_NAME;

    static {
        java.util.HashMap<String, Table> m = new java.util.HashMap<>();
        for (Table t : TABLES) {
            m.put(t.table(), t);
        }
        BY_NAME = Map.copyOf(m);
    }

    private AuditedTables() {
    }

    /** @return the table's audit rules, or null if the table is not audited */
    public static Table of(String table) {
        return BY_NAME.get(table);
    }

    /** Action of an entry: {@code <resource>.create|update|soft_delete|restore|delete}. */
    public static String action(String resourceType, String op, Object oldDeletedAt, Object newDeletedAt) {
        String suffix = switch (op) {
            case "INSERT" -> ".create";
            case "DELETE" -> ".delete";
            default -> oldDeletedAt == null && newDeletedAt != null ? ".soft_delete"
                    : oldDeletedAt != null && newDeletedAt == null ? ".restore" : ".update";
        };
        return resourceType + suffix;
    }
}
