package org.tvm.ports;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.Principal;
import org.tvm.domain.access.Role;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.query.Orderings;

/**
 * Roles, permissions, role grants, caregiver assignments and access checks. The role/permission catalogue is global
 * (changed only through {@link TvmAdministration}); grants and assignments concern users and residents of the context
 * facility. Decisions use the domain's {@code AccessPolicy}.
 *
 * <p><b>Effective access.</b> Only a non-deleted user of the context facility with status ACTIVE has effective roles
 * and permissions. For any other user (unknown here, soft-deleted, inactive, locked, pending verification)
 * {@link #principal} reports no roles and no permissions, {@link #hasPermission} returns false and the
 * {@code require...} methods throw {@link AccessDeniedException}. {@link #rolesOf} always reports the stored grants.
 * Obtained from {@link TvmTransaction#accessControl()}; general rules in the package documentation.
 */
public interface AccessControlRepository {

    /** The order of {@link #roles()}: name code (code point order). */
    Comparator<Role> ROLE_ORDER = Orderings.byText(r -> r.name().code());

    /**
     * @return all roles of the catalogue ordered by name code ({@code "admin"}, {@code "caregiver"}, ...;
     *         {@link #ROLE_ORDER})
     */
    List<Role> roles();

    /**
     * @param role non-null role
     * @return the permissions granted to the role in the catalogue; unmodifiable, iteration order unspecified; empty if
     *         none
     */
    Set<Permission> permissionsOf(RoleName role);

    /**
     * Grants a role to a user, recording the context actor as granter (null for a system context). Idempotent:
     * an existing grant is left unchanged.
     *
     * @param user non-null id of a non-deleted user of the facility
     * @param role non-null role
     * @throws NotFoundException     if the user does not exist (non-deleted) in the facility
     * @throws IllegalStateException in a read-only transaction
     */
    void grantRole(UserId user, RoleName role);

    /**
     * Revokes a role from a user. Idempotent: revoking a role the user does not have changes nothing.
     *
     * @param user non-null user id
     * @param role non-null role
     * @throws NotFoundException     if the user does not exist (non-deleted) in the facility
     * @throws IllegalStateException in a read-only transaction
     */
    void revokeRole(UserId user, RoleName role);

    /**
     * @param user non-null user id
     * @return the roles granted to the user (regardless of status); unmodifiable, iteration order unspecified; empty if
     *         none or the user is unknown here
     */
    Set<RoleName> rolesOf(UserId user);

    /**
     * Assigns a resident to a caregiver (allows the caregiver to request transport for the resident). The user need not
     * hold the caregiver role; the assignment only matters for caregivers. Idempotent.
     *
     * @param caregiver non-null id of a non-deleted user of the facility
     * @param resident  non-null id of a non-deleted resident of the facility
     * @throws NotFoundException     if the user or the resident does not exist (non-deleted) in the facility
     * @throws IllegalStateException in a read-only transaction
     */
    void assignCaregiver(UserId caregiver, ResidentId resident);

    /**
     * Removes a caregiver assignment. Idempotent: removing a non-existent assignment changes nothing.
     *
     * @param caregiver non-null user id
     * @param resident  non-null resident id
     * @throws IllegalStateException in a read-only transaction
     */
    void unassignCaregiver(UserId caregiver, ResidentId resident);

    /**
     * @param caregiver non-null user id
     * @return the non-deleted residents assigned to the user; unmodifiable, iteration order unspecified; empty if none
     *         or the user is unknown here
     */
    Set<ResidentId> residentsAssignedTo(UserId caregiver);

    /**
     * Builds the access principal of a user: facility, roles, the union of their permissions, and the assigned
     * residents. For a user without effective access (see class documentation) roles and permissions are empty.
     *
     * @param user non-null user id
     * @return the principal
     * @throws NotFoundException if no user with this id exists in the facility (soft-deleted users are found, with no
     *                           effective access)
     */
    Principal principal(UserId user);

    /**
     * @param user       non-null user id
     * @param permission non-null permission
     * @return true iff the user has effective access and one of its roles grants the permission; false for unknown users
     */
    boolean hasPermission(UserId user, Permission permission);

    /**
     * Checks {@code AccessPolicy.canRequestTransport}: permission mission:create; admin, operator and nurse for any
     * resident of the facility, caregivers only for residents assigned to them.
     *
     * @param user     non-null acting user id
     * @param resident non-null resident id
     * @throws AccessDeniedException if the user has no effective access here or the policy denies (takes precedence)
     * @throws NotFoundException     if the resident does not exist (non-deleted) in the facility and access is not
     *                               already denied
     */
    void requireCanRequestTransport(UserId user, ResidentId resident);

    /**
     * Checks {@code AccessPolicy.canCancel}: permission mission:cancel; admin and operator for any mission, nurses only
     * for missions they created.
     *
     * @param user    non-null acting user id
     * @param mission non-null mission of the context facility
     * @throws AccessDeniedException if the mission belongs to another facility, the user has no effective access here,
     *                               or the policy denies
     */
    void requireCanCancel(UserId user, Mission mission);
}
