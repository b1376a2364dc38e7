package org.tvm.domain.access;

import java.util.Objects;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;

/**
 * The access rules beyond plain permissions: a permission says what kind of action a role may take,
 * these rules say on which objects. Pure functions of a {@link Principal}, so every adapter enforces
 * exactly the same rules. Unknown combinations are denied (fail closed).
 */
public final class AccessPolicy {

    public static final Permission MISSION_CREATE = Permission.of("mission", "create");
    public static final Permission MISSION_CANCEL = Permission.of("mission", "cancel");

    private AccessPolicy() {
    }

    public static AccessDecision can(Principal principal, Permission permission) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(permission, "permission");
        return principal.hasPermission(permission)
                ? AccessDecision.allow("has " + permission)
                : AccessDecision.deny("missing permission " + permission);
    }

    /**
     * Admin, operator and nurse may request transport for any resident of their facility; a caregiver
     * only for residents assigned to them. Facility scoping itself is enforced by the repositories.
     */
    public static AccessDecision canRequestTransport(Principal principal, ResidentId resident) {
        Objects.requireNonNull(resident, "resident");
        AccessDecision base = can(principal, MISSION_CREATE);
        if (base.denied()) {
            return base;
        }
        if (principal.hasRole(RoleName.ADMIN) || principal.hasRole(RoleName.OPERATOR) || principal.hasRole(RoleName.NURSE)) {
            return AccessDecision.allow("role may request transport for any resident of the facility");
        }
        if (principal.hasRole(RoleName.CAREGIVER)) {
            return principal.assignedResidents().contains(resident)
                    ? AccessDecision.allow("resident is assigned to this caregiver")
                    : AccessDecision.deny("caregivers may request transport only for their assigned residents");
        }
        return AccessDecision.deny("no role that may request transport");
    }

    /**
     * Admin and operator may cancel any mission of their facility; a nurse only missions she or he
     * created. Whether the mission's state allows cancelling is the mission's own rule.
     */
    public static AccessDecision canCancel(Principal principal, Mission mission) {
        Objects.requireNonNull(mission, "mission");
        AccessDecision base = can(principal, MISSION_CANCEL);
        if (base.denied()) {
            return base;
        }
        if (!mission.facilityId().equals(principal.facilityId())) {
            return AccessDecision.deny("mission belongs to another facility");
        }
        if (principal.hasRole(RoleName.ADMIN) || principal.hasRole(RoleName.OPERATOR)) {
            return AccessDecision.allow("role may cancel any mission of the facility");
        }
        if (principal.hasRole(RoleName.NURSE)) {
            return mission.createdBy().equals(principal.userId())
                    ? AccessDecision.allow("nurse created this mission")
                    : AccessDecision.deny("nurses may cancel only missions they created");
        }
        return AccessDecision.deny("no role that may cancel missions");
    }
}
