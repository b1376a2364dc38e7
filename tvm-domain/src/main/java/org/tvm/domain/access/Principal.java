package org.tvm.domain.access;

import java.util.Set;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.ResidentId;

/**
 * Who is acting, with everything the access rules need resolved up front (roles, effective
 * permissions, caregiver assignments), so {@link AccessPolicy} stays pure and needs no repository.
 */
public record Principal(UserId userId, FacilityId facilityId, Set<RoleName> roles, Set<Permission> permissions,
                        Set<ResidentId> assignedResidents) {

    public Principal {
        DomainChecks.required("Principal", "userId", userId);
        DomainChecks.required("Principal", "facilityId", facilityId);
        roles = copy("roles", roles);
        permissions = copy("permissions", permissions);
        assignedResidents = copy("assignedResidents", assignedResidents);
    }

    private static <T> Set<T> copy(String field, Set<T> set) {
        if (set == null) {
            return Set.of();
        }
        for (T element : set) {
            // immutable sets throw on contains(null), so look instead of asking
            if (element == null) {
                throw new DomainValidationException("Principal", field, "must not contain null");
            }
        }
        return Set.copyOf(set);
    }

    public boolean hasRole(RoleName role) {
        return roles.contains(role);
    }

    public boolean hasPermission(Permission permission) {
        return permissions.contains(permission);
    }
}
