package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tvm.adapter.mybatis.mapper.AccessMapper;
import org.tvm.adapter.mybatis.mapper.ResidentMapper;
import org.tvm.adapter.mybatis.row.PermissionRow;
import org.tvm.adapter.mybatis.row.UserAccessRow;
import org.tvm.domain.access.AccessPolicy;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.Principal;
import org.tvm.domain.access.Role;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AccessControlRepository;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.NotFoundException;

final class MyBatisAccessControlRepository implements AccessControlRepository {

    private final MyBatisTransaction tx;
    private final AccessMapper mapper;

    MyBatisAccessControlRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(AccessMapper.class);
    }

    @Override
    public List<Role> roles() {
        return tx.read("Role", () -> mapper.roles().stream()
                .map(r -> new Role(RoleName.fromCode(r.name), r.description)).toList());
    }

    @Override
    public Set<Permission> permissionsOf(RoleName role) {
        requireNonNull(role, "role");
        return tx.read("Permission", () -> permissions(List.of(role.code())));
    }

    private Set<Permission> permissions(List<String> roleCodes) {
        if (roleCodes.isEmpty()) {
            return Set.of();
        }
        Set<Permission> out = new HashSet<>();
        for (PermissionRow p : mapper.permissionsOfRoles(roleCodes)) {
            out.add(Permission.of(p.resource, p.action));
        }
        return Set.copyOf(out);
    }

    @Override
    public void grantRole(UserId user, RoleName role) {
        requireNonNull(user, "user");
        requireNonNull(role, "role");
        tx.write("Role", "AccessControlRepository.grantRole", () -> {
            requireActiveUser(user);
            mapper.grantRole(tx.facility(), user.value(), role.code(), tx.actor(), tx.now());
        });
    }

    @Override
    public void revokeRole(UserId user, RoleName role) {
        requireNonNull(user, "user");
        requireNonNull(role, "role");
        tx.write("Role", "AccessControlRepository.revokeRole", () -> {
            requireActiveUser(user);
            mapper.revokeRole(tx.facility(), user.value(), role.code());
        });
    }

    @Override
    public Set<RoleName> rolesOf(UserId user) {
        requireNonNull(user, "user");
        return tx.read("Role", () -> roleNames(mapper.rolesOf(tx.facility(), user.value())));
    }

    private static Set<RoleName> roleNames(List<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        EnumSet<RoleName> out = EnumSet.noneOf(RoleName.class);
        codes.forEach(c -> out.add(RoleName.fromCode(c)));
        return Set.copyOf(out);
    }

    @Override
    public void assignCaregiver(UserId caregiver, ResidentId resident) {
        requireNonNull(caregiver, "caregiver");
        requireNonNull(resident, "resident");
        tx.write("User", "AccessControlRepository.assignCaregiver", () -> {
            requireActiveUser(caregiver);
            if (tx.mapper(ResidentMapper.class).countActive(tx.facility(), resident.value()) == 0) {
                throw new NotFoundException("Resident", resident);
            }
            mapper.assignCaregiver(tx.facility(), caregiver.value(), resident.value(), tx.actor(), tx.now());
        });
    }

    @Override
    public void unassignCaregiver(UserId caregiver, ResidentId resident) {
        requireNonNull(caregiver, "caregiver");
        requireNonNull(resident, "resident");
        tx.write("User", "AccessControlRepository.unassignCaregiver", () -> {
            mapper.unassignCaregiver(tx.facility(), caregiver.value(), resident.value());
        });
    }

    @Override
    public Set<ResidentId> residentsAssignedTo(UserId caregiver) {
        requireNonNull(caregiver, "caregiver");
        return tx.read("Resident", () -> {
            Set<ResidentId> out = new HashSet<>();
            for (UUID id : mapper.residentsAssignedTo(tx.facility(), caregiver.value())) {
                out.add(ResidentId.of(id));
            }
            return Set.copyOf(out);
        });
    }

    @Override
    public Principal principal(UserId user) {
        requireNonNull(user, "user");
        return tx.read("User", () -> {
            UserAccessRow access = mapper.userAccess(tx.facility(), user.value());
            if (access == null) {
                throw new NotFoundException("User", user);
            }
            return principalOf(user, access);
        });
    }

    /** Roles, permissions and assignments in three set-based queries (no per-role round trips). */
    private Principal principalOf(UserId user, UserAccessRow access) {
        FacilityId facility = FacilityId.of(tx.facility());
        Set<ResidentId> assigned = new HashSet<>();
        for (UUID id : mapper.residentsAssignedTo(tx.facility(), user.value())) {
            assigned.add(ResidentId.of(id));
        }
        if (!effective(access)) {
            return new Principal(user, facility, Set.of(), Set.of(), assigned);
        }
        List<String> roleCodes = mapper.rolesOf(tx.facility(), user.value());
        return new Principal(user, facility, roleNames(roleCodes), permissions(new ArrayList<>(roleCodes)), assigned);
    }

    private static boolean effective(UserAccessRow access) {
        return access.deletedAt == null && UserStatus.ACTIVE.code().equals(access.status);
    }

    @Override
    public boolean hasPermission(UserId user, Permission permission) {
        requireNonNull(user, "user");
        requireNonNull(permission, "permission");
        return tx.read("Permission", () -> mapper.countPermission(tx.facility(), user.value(), permission.resource(),
                permission.action()) > 0);
    }

    @Override
    public void requireCanRequestTransport(UserId user, ResidentId resident) {
        requireNonNull(user, "user");
        requireNonNull(resident, "resident");
        tx.read("User", () -> {
            UserAccessRow access = mapper.userAccess(tx.facility(), user.value());
            if (access == null || !effective(access)) {
                throw new AccessDeniedException("user " + user + " has no effective access in this facility");
            }
            AccessDeniedException.require(AccessPolicy.canRequestTransport(principalOf(user, access), resident));
            if (tx.mapper(ResidentMapper.class).countActive(tx.facility(), resident.value()) == 0) {
                throw new NotFoundException("Resident", resident);
            }
            return null;
        });
    }

    @Override
    public void requireCanCancel(UserId user, Mission mission) {
        requireNonNull(user, "user");
        requireNonNull(mission, "mission");
        if (!mission.facilityId().value().equals(tx.facility())) {
            tx.checkUsable();
            throw AccessDeniedException.otherFacility("Mission");
        }
        tx.read("User", () -> {
            UserAccessRow access = mapper.userAccess(tx.facility(), user.value());
            if (access == null || !effective(access)) {
                throw new AccessDeniedException("user " + user + " has no effective access in this facility");
            }
            AccessDeniedException.require(AccessPolicy.canCancel(principalOf(user, access), mission));
            return null;
        });
    }

    private void requireActiveUser(UserId user) {
        UserAccessRow access = mapper.userAccess(tx.facility(), user.value());
        if (access == null || access.deletedAt != null) {
            throw new NotFoundException("User", user);
        }
    }
}
