package org.tvm.migrations;

import java.util.Map;

/**
 * The domain entity each table of the schema stores, under the name the ports' errors give it (e.g.
 * {@code DuplicateKeyException.entity()}). One list for every adapter: the SQL adapters' error translation names the
 * entity of a violated constraint from it, and the in-memory adapter its duplicate keys. A schema test of the shared
 * SQL module fails while a table that has a constraint is missing here.
 */
public final class TableEntities {

    /** Table name (lower case) to entity name; partitions belong to their parent table. */
    public static final Map<String, String> BY_TABLE = Map.ofEntries(
            Map.entry("facilities", "Facility"), Map.entry("locations", "Location"), Map.entry("maps", "FacilityMap"),
            Map.entry("residents", "Resident"), Map.entry("vehicles", "Vehicle"), Map.entry("missions", "Mission"),
            Map.entry("mission_events", "MissionEvent"), Map.entry("telemetry", "TelemetrySample"),
            Map.entry("vehicle_logs", "VehicleLogEntry"), Map.entry("users", "User"), Map.entry("roles", "Role"),
            Map.entry("user_roles", "Role"), Map.entry("permissions", "Permission"),
            Map.entry("role_permissions", "Permission"), Map.entry("caregiver_assignments", "User"),
            Map.entry("audit_logs", "AuditEntry"), Map.entry("data_access_logs", "DataAccessEntry"),
            Map.entry("audit_chain_heads", "AuditChain"), Map.entry("audit_chain_checkpoints", "AuditChainCheckpoint"),
            Map.entry("maintenance_runs", "MaintenanceRun"), Map.entry("mission_archive", "ArchivedMission"));

    private TableEntities() {
    }

    /**
     * @param table a table name of the schema, in any case; may be null
     * @return the entity it stores, or null for null or a table not listed (partitions are not resolved here)
     */
    public static String of(String table) {
        return table == null ? null : BY_TABLE.get(table.toLowerCase(java.util.Locale.ROOT));
    }
}
