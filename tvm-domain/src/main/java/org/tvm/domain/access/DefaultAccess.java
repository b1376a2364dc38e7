package org.tvm.domain.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeded permission catalogue and role grants. The SQL seed must equal this (a test compares
 * them), so there is one reviewed source of "who may do what" by default.
 */
public final class DefaultAccess {

    private static final Set<Permission> PERMISSIONS = ordered(
            "mission:create", "mission:read", "mission:update", "mission:delete", "mission:list", "mission:cancel",
            "mission:assign",
            "vehicle:read", "vehicle:list", "vehicle:control", "vehicle:update", "vehicle:maintain",
            "telemetry:read",
            "resident:create", "resident:read", "resident:update", "resident:delete", "resident:list",
            "user:create", "user:read", "user:update", "user:delete", "user:list",
            "role:assign", "audit:read", "dashboard:read");

    private static final Map<RoleName, Set<Permission>> GRANTS;

    private static final List<Role> ROLES = List.of(
            new Role(RoleName.ADMIN, "Full system access, user management, config changes"),
            new Role(RoleName.OPERATOR, "Monitor fleet, dispatch missions, view telemetry"),
            new Role(RoleName.NURSE, "Request transport, view mission status, cancel own missions"),
            new Role(RoleName.CAREGIVER, "Request transport for assigned residents only"),
            new Role(RoleName.MAINTENANCE, "View vehicle diagnostics, initiate maintenance mode"),
            new Role(RoleName.GUEST, "View public status dashboard only"));

    static {
        Map<RoleName, Set<Permission>> g = new EnumMap<>(RoleName.class);
        g.put(RoleName.ADMIN, PERMISSIONS);
        g.put(RoleName.OPERATOR, ordered("mission:create", "mission:read", "mission:list", "mission:update",
                "mission:assign", "mission:cancel", "vehicle:read", "vehicle:list", "vehicle:control",
                "telemetry:read", "dashboard:read"));
        g.put(RoleName.NURSE, ordered("mission:create", "mission:read", "mission:list", "mission:cancel",
                "resident:read", "resident:list", "vehicle:read", "dashboard:read"));
        g.put(RoleName.CAREGIVER, ordered("mission:create", "mission:read", "mission:list", "resident:read",
                "resident:list", "vehicle:read", "dashboard:read"));
        g.put(RoleName.MAINTENANCE, ordered("vehicle:read", "vehicle:list", "vehicle:update", "vehicle:maintain",
                "vehicle:control", "telemetry:read", "dashboard:read"));
        g.put(RoleName.GUEST, ordered("dashboard:read"));
        GRANTS = Collections.unmodifiableMap(g);
    }

    private DefaultAccess() {
    }

    private static Set<Permission> ordered(String... permissions) {
        Set<Permission> set = new LinkedHashSet<>();
        for (String p : permissions) {
            set.add(Permission.parse(p));
        }
        return Collections.unmodifiableSet(set);
    }

    /** Every seeded permission, in catalogue order. */
    public static Set<Permission> permissions() {
        return PERMISSIONS;
    }

    /** Every role with its seeded description, in {@link RoleName} order. */
    public static List<Role> roles() {
        return ROLES;
    }

    /** Role → granted permissions, for every {@link RoleName}. */
    public static Map<RoleName, Set<Permission>> grants() {
        return GRANTS;
    }

    public static Set<Permission> permissionsOf(RoleName role) {
        return GRANTS.get(role);
    }

    /** Union of the default grants of {@code roles} (e.g. to build a {@link Principal} without a database). */
    public static Set<Permission> permissionsOf(Set<RoleName> roles) {
        Set<Permission> union = new LinkedHashSet<>();
        for (RoleName r : roles) {
            union.addAll(GRANTS.get(r));
        }
        return Collections.unmodifiableSet(union);
    }
}
