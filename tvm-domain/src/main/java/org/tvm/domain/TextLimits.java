package org.tvm.domain;

import java.util.Map;
import java.util.Set;

/**
 * The longest text the domain accepts for each character column of the schema ({@code table.column} → characters),
 * stated once so that the domain rejects too-long text before SQL with a clear error. A schema test in the adapters
 * ({@code DomainTextLimitsSchemaTest}) reads the migrated PostgreSQL schema and fails when a limit here differs from
 * its column, when a column is missing here, or when an entry names no column: the domain and the DDL cannot drift.
 *
 * <p>Some fields are stricter than their column by their own format (an E.164 phone number has at most 16
 * characters in a VARCHAR(20)); the limit here is still the column's. Columns holding enum codes are listed in
 * {@link #CODE_COLUMNS}: their values come from the domain's enums, never from input.
 */
public final class TextLimits {

    /** {@code table.column} → maximum length in characters, for every free-text VARCHAR column the domain writes. */
    public static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry("facilities.name", 200), Map.entry("facilities.address", 500),
            Map.entry("facilities.timezone", 64),
            Map.entry("locations.name", 200), Map.entry("locations.zone", 100),
            Map.entry("maps.name", 200), // no domain type yet: the limit is stated for when one comes
            Map.entry("residents.first_name", 100), Map.entry("residents.last_name", 100),
            Map.entry("residents.phone", 20), Map.entry("residents.emergency_contact_name", 200),
            Map.entry("residents.emergency_contact_phone", 20), Map.entry("residents.preferred_language", 10),
            Map.entry("residents.photo_url", 500),
            Map.entry("vehicles.name", 100), Map.entry("vehicles.serial_number", 100), Map.entry("vehicles.model", 100),
            Map.entry("vehicles.firmware_version", 50),
            Map.entry("missions.pickup_location", 200), Map.entry("missions.dropoff_location", 200),
            Map.entry("vehicle_logs.code", 50), Map.entry("vehicle_logs.message", 2000),
            Map.entry("users.email", 255), Map.entry("users.password_hash", 255), Map.entry("users.first_name", 100),
            Map.entry("users.last_name", 100), Map.entry("users.phone", 20),
            Map.entry("users.email_verification_token", 255), Map.entry("users.password_reset_token", 255),
            Map.entry("roles.name", 50), Map.entry("permissions.resource", 50), Map.entry("permissions.action", 50),
            Map.entry("audit_logs.user_email", 255), Map.entry("audit_logs.action", 100),
            Map.entry("audit_logs.resource_type", 50));

    /** VARCHAR columns whose values are the lower-case codes of a domain enum (e.g. {@code missions.status}). */
    public static final Set<String> CODE_COLUMNS = Set.of(
            "locations.kind", "residents.gender", "residents.wheelchair_type", "vehicles.status", "missions.status",
            "missions.priority", "missions.last_progress", "mission_events.event_type", "telemetry.lidar_status",
            "telemetry.camera_status", "telemetry.imu_status", "vehicle_logs.level", "users.status",
            "data_access_logs.access_type");

    private TextLimits() {
    }

    /**
     * @param column {@code table.column}
     * @return its maximum length in characters
     * @throws IllegalArgumentException if the column has no stated limit (a programming error)
     */
    public static int of(String column) {
        Integer max = MAX_LENGTH.get(column);
        if (max == null) {
            throw new IllegalArgumentException("no text limit stated for " + column);
        }
        return max;
    }
}
