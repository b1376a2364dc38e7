package org.tvm.migrations.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DefaultAccess catalogue of the shared design sheet (the Java domain holds the same): the seed rows
 * of roles, permissions and role_permissions must equal it on PostgreSQL and H2.
 */
public final class ExpectedAccess {

    /** Role name -> spec §4.7 description. */
    public static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin", "Full system access, user management, config changes");
        ROLES.put("operator", "Monitor fleet, dispatch missions, view telemetry");
        ROLES.put("nurse", "Request transport, view mission status, cancel own missions");
        ROLES.put("caregiver", "Request transport for assigned residents only");
        ROLES.put("maintenance", "View vehicle diagnostics, initiate maintenance mode");
        ROLES.put("guest", "View public status dashboard only");
    }

    /** Every permission as "resource:action". */
    public static final Set<String> PERMISSIONS = set(
            "mission:create", "mission:read", "mission:update", "mission:delete", "mission:list", "mission:cancel", "mission:assign",
            "vehicle:read", "vehicle:list", "vehicle:control", "vehicle:update", "vehicle:maintain",
            "telemetry:read",
            "resident:create", "resident:read", "resident:update", "resident:delete", "resident:list",
            "user:create", "user:read", "user:update", "user:delete", "user:list",
            "role:assign", "audit:read", "dashboard:read");

    /** Role -> granted permissions ("resource:action"). */
    public static final Map<String, Set<String>> GRANTS = new LinkedHashMap<>();

    static {
        GRANTS.put("admin", PERMISSIONS);
        GRANTS.put("operator", set("mission:create", "mission:read", "mission:list", "mission:update", "mission:assign",
                "mission:cancel", "vehicle:read", "vehicle:list", "vehicle:control", "telemetry:read", "dashboard:read"));
        GRANTS.put("nurse", set("mission:create", "mission:read", "mission:list", "mission:cancel", "resident:read",
                "resident:list", "vehicle:read", "dashboard:read"));
        GRANTS.put("caregiver", set("mission:create", "mission:read", "mission:list", "resident:read", "resident:list",
                "vehicle:read", "dashboard:read"));
        GRANTS.put("maintenance", set("vehicle:read", "vehicle:list", "vehicle:update", "vehicle:maintain", "vehicle:control",
                "telemetry:read", "dashboard:read"));
        GRANTS.put("guest", set("dashboard:read"));
    }

    /** The spec's §4.8 permission seeds (resource:action -> description), kept verbatim. */
    public static final Map<String, String> SPEC_PERMISSION_DESCRIPTIONS = new LinkedHashMap<>();

    static {
        SPEC_PERMISSION_DESCRIPTIONS.put("mission:create", "Create new missions");
        SPEC_PERMISSION_DESCRIPTIONS.put("mission:read", "View mission details");
        SPEC_PERMISSION_DESCRIPTIONS.put("mission:update", "Update mission (e.g., cancel)");
        SPEC_PERMISSION_DESCRIPTIONS.put("mission:delete", "Delete mission");
        SPEC_PERMISSION_DESCRIPTIONS.put("mission:list", "List all missions");
        SPEC_PERMISSION_DESCRIPTIONS.put("vehicle:read", "View vehicle details");
        SPEC_PERMISSION_DESCRIPTIONS.put("vehicle:control", "Control vehicle (e-stop, reboot)");
        SPEC_PERMISSION_DESCRIPTIONS.put("resident:create", "Add new residents");
        SPEC_PERMISSION_DESCRIPTIONS.put("resident:read", "View resident profiles (PII access)");
        SPEC_PERMISSION_DESCRIPTIONS.put("user:create", "Create new users");
        SPEC_PERMISSION_DESCRIPTIONS.put("user:delete", "Delete users");
    }

    /** The spec's §4.9 example grants for operator: must be a subset of ours. */
    public static final Set<String> SPEC_OPERATOR_EXAMPLE = set("mission:create", "mission:read", "mission:list", "vehicle:read");

    private ExpectedAccess() {
    }

    private static Set<String> set(String... values) {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(List.of(values)));
    }
}
