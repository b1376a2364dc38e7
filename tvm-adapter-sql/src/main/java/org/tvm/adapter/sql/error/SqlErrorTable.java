package org.tvm.adapter.sql.error;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.tvm.migrations.TableEntities;

/**
 * The one table from database errors to meanings, shared by both SQL adapters on PostgreSQL and H2: which SQLState
 * (or H2 vendor code) is which {@link ErrorClass}, which table holds which domain entity, and what the constraints
 * with a meaning of their own stand for. {@code SqlErrorTableSchemaTest} checks it against the migrated schema: every
 * constraint named here exists, and every constraint of the schema belongs to a table listed here.
 */
public final class SqlErrorTable {

    /** What kind of failure the database reported; {@link SqlErrorTranslator} turns each into its port exception. */
    public enum ErrorClass {
        UNIQUE, FOREIGN_KEY, CHECK, NOT_NULL, EXCLUSION,
        TOO_LONG, INVALID_TEXT, OUT_OF_RANGE,
        SERIALIZATION_FAILURE, DEADLOCK, LOCK_TIMEOUT, STATEMENT_TIMEOUT,
        CONNECTION_LOST, ACCESS_DENIED, OTHER
    }

    /** What a constraint stands for: the entity it guards and a description without values. */
    public record Meaning(String entity, String detail) {
    }

    /** SQLStates (PostgreSQL, and the standard ones H2 shares). */
    static final Map<String, ErrorClass> BY_SQLSTATE = Map.ofEntries(
            Map.entry("23505", ErrorClass.UNIQUE),
            Map.entry("23503", ErrorClass.FOREIGN_KEY), // PostgreSQL; H2: a child row still references the row
            Map.entry("23506", ErrorClass.FOREIGN_KEY), // H2: the referenced row is missing
            Map.entry("23001", ErrorClass.FOREIGN_KEY), // restrict violation
            Map.entry("23514", ErrorClass.CHECK),
            Map.entry("23513", ErrorClass.CHECK),       // H2
            Map.entry("23502", ErrorClass.NOT_NULL),
            Map.entry("23P01", ErrorClass.EXCLUSION),
            Map.entry("22001", ErrorClass.TOO_LONG),
            Map.entry("22021", ErrorClass.INVALID_TEXT), // NUL or invalid byte sequence for the encoding
            Map.entry("22P05", ErrorClass.INVALID_TEXT), // \u0000 inside jsonb
            Map.entry("22P02", ErrorClass.INVALID_TEXT), // invalid text representation
            Map.entry("22032", ErrorClass.INVALID_TEXT), // invalid JSON text
            Map.entry("22018", ErrorClass.INVALID_TEXT), // H2 data conversion error
            Map.entry("40001", ErrorClass.SERIALIZATION_FAILURE),
            Map.entry("40P01", ErrorClass.DEADLOCK),
            Map.entry("55P03", ErrorClass.LOCK_TIMEOUT),
            Map.entry("HYT00", ErrorClass.LOCK_TIMEOUT), // H2
            Map.entry("57014", ErrorClass.STATEMENT_TIMEOUT),
            Map.entry("57P01", ErrorClass.CONNECTION_LOST), // admin shutdown / pg_terminate_backend
            Map.entry("57P02", ErrorClass.CONNECTION_LOST), // crash shutdown
            Map.entry("57P03", ErrorClass.CONNECTION_LOST), // cannot connect now
            Map.entry("42501", ErrorClass.ACCESS_DENIED));

    /** SQLState classes whose every state has one meaning (looked up after the exact states). */
    static final Map<String, ErrorClass> BY_SQLSTATE_CLASS = Map.of(
            "22", ErrorClass.OUT_OF_RANGE,   // 22003 numeric, 22008 datetime overflow, 22009 time zone, 22007, 22012 ...
            "08", ErrorClass.CONNECTION_LOST);

    /** H2 vendor codes whose SQLState alone says something else or nothing (checked first for H2 errors). */
    static final Map<Integer, ErrorClass> BY_H2_CODE = Map.of(
            40001, ErrorClass.DEADLOCK,               // DEADLOCK_1 (H2 reports deadlocks with SQLState 40001)
            90131, ErrorClass.SERIALIZATION_FAILURE,  // CONCURRENT_UPDATE_1
            50200, ErrorClass.LOCK_TIMEOUT,           // LOCK_TIMEOUT_1
            57014, ErrorClass.STATEMENT_TIMEOUT,      // STATEMENT_WAS_CANCELED
            90067, ErrorClass.CONNECTION_LOST,        // CONNECTION_BROKEN_1
            90098, ErrorClass.CONNECTION_LOST,        // DATABASE_IS_CLOSED
            90121, ErrorClass.CONNECTION_LOST);       // DATABASE_CALLED_AT_SHUTDOWN

    /** The partial unique index behind "one active mission per vehicle": with a vehicle to bind it means busy. */
    public static final String ONE_ACTIVE_MISSION_INDEX = "idx_missions_one_active_per_vehicle";

    /** Constraints whose violation means something a caller may want to read; the others are named as they are. */
    public static final Map<String, Meaning> CONSTRAINTS = Map.ofEntries(
            Map.entry(ONE_ACTIVE_MISSION_INDEX, new Meaning("Mission", "the vehicle already has an active mission")),
            Map.entry("idx_users_email_unique", new Meaning("User", "e-mail address used by another non-deleted user")),
            Map.entry("idx_vehicles_name_unique", new Meaning("Vehicle", "name used by another vehicle of the facility")),
            Map.entry("vehicles_serial_number_key", new Meaning("Vehicle", "serial number already registered")),
            Map.entry("uq_locations_facility_name", new Meaning("Location", "name used by another location of the facility")),
            Map.entry("roles_name_key", new Meaning("Role", "role name already defined")),
            Map.entry("unique_permission", new Meaning("Permission", "permission already defined")),
            Map.entry("check_battery_level", new Meaning("Vehicle", "battery level out of range")),
            Map.entry("check_vehicles_unbound_when_out_of_service",
                    new Meaning("Vehicle", "a vehicle bound to a mission is never charging or in maintenance")),
            Map.entry("check_missions_active_has_vehicle", new Meaning("Mission", "an active mission needs a vehicle")),
            Map.entry("check_missions_failed_has_reason", new Meaning("Mission", "a failed mission needs a reason")),
            Map.entry("check_users_email_format", new Meaning("User", "e-mail address malformed")),
            Map.entry("check_users_password_reset_pair", new Meaning("User", "reset token and expiry go together")),
            Map.entry("fk_missions_resident", new Meaning("Mission", "resident_id")),
            Map.entry("fk_missions_vehicle", new Meaning("Mission", "vehicle_id")),
            Map.entry("fk_telemetry_vehicle", new Meaning("TelemetrySample", "vehicle_id")),
            Map.entry("fk_vehicle_logs_vehicle", new Meaning("VehicleLogEntry", "vehicle_id")),
            Map.entry("fk_audit_logs_user_facility", new Meaning("AuditEntry", "user_id: no such user in this facility")),
            Map.entry("check_audit_logs_system_entry_without_user",
                    new Meaning("AuditEntry", "an entry without facility names no user")));

    private SqlErrorTable() {
    }

    /**
     * @return the class of the failure: H2 vendor codes first (for H2 errors), then the exact SQLState, then its class
     */
    public static ErrorClass classify(DatabaseFailure failure) {
        if (failure.h2() && BY_H2_CODE.containsKey(failure.vendorCode())) {
            return BY_H2_CODE.get(failure.vendorCode());
        }
        String state = failure.sqlState() == null ? "" : failure.sqlState().toUpperCase(Locale.ROOT);
        ErrorClass exact = BY_SQLSTATE.get(state);
        if (exact != null) {
            return exact;
        }
        return state.length() >= 2 ? BY_SQLSTATE_CLASS.getOrDefault(state.substring(0, 2), ErrorClass.OTHER)
                : ErrorClass.OTHER;
    }

    /**
     * @param table nullable table or partition name
     * @return the entity of the table (a partition such as {@code telemetry_2026_01} belongs to its parent), or null
     */
    public static String entityOfTable(String table) {
        if (table == null) {
            return null;
        }
        String direct = TableEntities.BY_TABLE.get(table);
        if (direct != null) {
            return direct;
        }
        return TableEntities.BY_TABLE.keySet().stream().filter(t -> table.startsWith(t + "_"))
                .max(Comparator.comparingInt(String::length)).map(TableEntities.BY_TABLE::get).orElse(null);
    }

    /**
     * @param constraint nullable constraint name
     * @return the entity the constraint guards: from its meaning, else from the longest table name it contains
     */
    public static String entityOfConstraint(String constraint) {
        if (constraint == null) {
            return null;
        }
        Meaning meaning = CONSTRAINTS.get(constraint);
        if (meaning != null) {
            return meaning.entity();
        }
        String padded = "_" + constraint + "_";
        return TableEntities.BY_TABLE.keySet().stream().filter(t -> padded.contains("_" + t + "_"))
                .max(Comparator.comparingInt(String::length)).map(TableEntities.BY_TABLE::get).orElse(null);
    }
}
