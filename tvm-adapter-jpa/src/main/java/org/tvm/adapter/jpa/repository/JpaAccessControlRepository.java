package org.tvm.adapter.jpa.repository;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tvm.adapter.jpa.entity.CaregiverAssignmentEntity;
import org.tvm.adapter.jpa.entity.RoleEntity;
import org.tvm.adapter.jpa.entity.UserRoleEntity;
import org.tvm.domain.access.AccessPolicy;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.Principal;
import org.tvm.domain.access.Role;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AccessControlRepository;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.NotFoundException;

/** {@link AccessControlRepository}: roles and permissions of a user in one joined query (no N+1). */
final class JpaAccessControlRepository implements AccessControlRepository {

    private final JpaTransaction tx;

    JpaAccessControlRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<Role> roles() {
        return tx.read("Role", () -> tx.session().createSelectionQuery("from RoleEntity r", RoleEntity.class)
                .setReadOnly(true).getResultList().stream()
                .map(r -> new Role(RoleName.fromCode(r.name), r.description))
                .sorted(AccessControlRepository.ROLE_ORDER).toList());
    }

    @Override
    public Set<Permission> permissionsOf(RoleName role) {
        Objects.requireNonNull(role, "role");
        return tx.read("Permission", () -> {
            List<Object[]> rows = tx.session().createSelectionQuery("select p.resource, p.action from PermissionEntity p "
                            + "join RolePermissionEntity rp on rp.permissionId = p.id join RoleEntity r on r.id = rp.roleId "
                            + "where r.name = :name", Object[].class)
                    .setParameter("name", role.code()).getResultList();
            Set<Permission> result = new LinkedHashSet<>();
            rows.forEach(r -> result.add(Permission.of((String) r[0], (String) r[1])));
            return Collections.unmodifiableSet(result);
        });
    }

    private UUID roleId(RoleName role) {
        return tx.session().createSelectionQuery("select r.id from RoleEntity r where r.name = :name", UUID.class)
                .setParameter("name", role.code()).uniqueResultOptional()
                .orElseThrow(() -> new NotFoundException("Role", role.code()));
    }

    /** @return status and deletion flag of the user in the facility (soft-deleted users included), or null if unknown here */
    private UserRow user(UUID id) {
        List<Object[]> rows = tx.session().createSelectionQuery("select u.status, u.deletedAt from UserEntity u "
                        + "where u.id = :id and u.facilityId = :f", Object[].class)
                .setParameter("id", id).setParameter("f", tx.facility()).getResultList();
        return rows.isEmpty() ? null : new UserRow((String) rows.get(0)[0], rows.get(0)[1] != null);
    }

    private record UserRow(String status, boolean deleted) {
        boolean effective() {
            return !deleted && UserStatus.ACTIVE.code().equals(status);
        }
    }

    private void requireLiveUser(UserId user) {
        UserRow row = user(user.value());
        if (row == null || row.deleted()) {
            throw new NotFoundException("User", user);
        }
    }

    @Override
    public void grantRole(UserId user, RoleName role) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        tx.checkWritable("AccessControlRepository.grantRole");
        tx.writeVoid("User", () -> {
            requireLiveUser(user);
            UUID roleId = roleId(role);
            Long existing = tx.session().createSelectionQuery("select count(ur) from UserRoleEntity ur "
                            + "where ur.userId = :u and ur.roleId = :r and ur.facilityId = :f", Long.class)
                    .setParameter("u", user.value()).setParameter("r", roleId).setParameter("f", tx.facility())
                    .getSingleResult();
            if (existing == 0) {
                UserRoleEntity e = new UserRoleEntity();
                e.userId = user.value();
                e.roleId = roleId;
                e.facilityId = tx.facility();
                e.assignedAt = tx.now();
                e.assignedByUserId = tx.actor();
                tx.session().persist(e);
            }
        });
    }

    @Override
    public void revokeRole(UserId user, RoleName role) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        tx.checkWritable("AccessControlRepository.revokeRole");
        tx.writeVoid("User", () -> {
            requireLiveUser(user);
            tx.session().createMutationQuery("delete from UserRoleEntity ur where ur.userId = :u and ur.facilityId = :f "
                            + "and ur.roleId = (select r.id from RoleEntity r where r.name = :name)")
                    .setParameter("u", user.value()).setParameter("f", tx.facility()).setParameter("name", role.code())
                    .executeUpdate();
        });
    }

    @Override
    public Set<RoleName> rolesOf(UserId user) {
        Objects.requireNonNull(user, "user");
        return tx.read("User", () -> roleNames(user.value()));
    }

    private Set<RoleName> roleNames(UUID user) {
        List<String> names = tx.session().createSelectionQuery("select r.name from UserRoleEntity ur "
                        + "join RoleEntity r on r.id = ur.roleId where ur.userId = :u and ur.facilityId = :f", String.class)
                .setParameter("u", user).setParameter("f", tx.facility()).getResultList();
        Set<RoleName> result = EnumSet.noneOf(RoleName.class);
        names.forEach(n -> result.add(RoleName.fromCode(n)));
        return Collections.unmodifiableSet(result);
    }

    @Override
    public void assignCaregiver(UserId caregiver, ResidentId resident) {
        Objects.requireNonNull(caregiver, "caregiver");
        Objects.requireNonNull(resident, "resident");
        tx.checkWritable("AccessControlRepository.assignCaregiver");
        tx.writeVoid("User", () -> {
            requireLiveUser(caregiver);
            requireLiveResident(resident);
            Long existing = tx.session().createSelectionQuery("select count(a) from CaregiverAssignmentEntity a "
                            + "where a.caregiverUserId = :c and a.residentId = :r and a.facilityId = :f", Long.class)
                    .setParameter("c", caregiver.value()).setParameter("r", resident.value()).setParameter("f", tx.facility())
                    .getSingleResult();
            if (existing == 0) {
                CaregiverAssignmentEntity e = new CaregiverAssignmentEntity();
                e.caregiverUserId = caregiver.value();
                e.residentId = resident.value();
                e.facilityId = tx.facility();
                e.assignedAt = tx.now();
                e.assignedByUserId = tx.actor();
                tx.session().persist(e);
            }
        });
    }

    private void requireLiveResident(ResidentId resident) {
        Long count = tx.session().createSelectionQuery("select count(r) from ResidentEntity r where r.id = :r "
                        + "and r.facilityId = :f and r.deletedAt is null", Long.class)
                .setParameter("r", resident.value()).setParameter("f", tx.facility()).getSingleResult();
        if (count == 0) {
            throw new NotFoundException("Resident", resident);
        }
    }

    @Override
    public void unassignCaregiver(UserId caregiver, ResidentId resident) {
        Objects.requireNonNull(caregiver, "caregiver");
        Objects.requireNonNull(resident, "resident");
        tx.checkWritable("AccessControlRepository.unassignCaregiver");
        tx.writeVoid("User", () -> tx.session().createMutationQuery("delete from CaregiverAssignmentEntity a "
                        + "where a.caregiverUserId = :c and a.residentId = :r and a.facilityId = :f")
                .setParameter("c", caregiver.value()).setParameter("r", resident.value()).setParameter("f", tx.facility())
                .executeUpdate());
    }

    @Override
    public Set<ResidentId> residentsAssignedTo(UserId caregiver) {
        Objects.requireNonNull(caregiver, "caregiver");
        return tx.read("Resident", () -> assigned(caregiver.value()));
    }

    private Set<ResidentId> assigned(UUID caregiver) {
        List<UUID> ids = tx.session().createSelectionQuery("select a.residentId from CaregiverAssignmentEntity a "
                        + "join ResidentEntity r on r.id = a.residentId and r.facilityId = a.facilityId "
                        + "where a.caregiverUserId = :c and a.facilityId = :f and r.deletedAt is null", UUID.class)
                .setParameter("c", caregiver).setParameter("f", tx.facility()).getResultList();
        Set<ResidentId> result = new LinkedHashSet<>();
        ids.forEach(id -> result.add(ResidentId.of(id)));
        return Collections.unmodifiableSet(result);
    }

    @Override
    public Principal principal(UserId user) {
        Objects.requireNonNull(user, "user");
        return tx.read("User", () -> {
            Principal p = buildPrincipal(user);
            if (p == null) {
                throw new NotFoundException("User", user);
            }
            return p;
        });
    }

    /** @return the principal, or null for a user unknown here; one query for roles + permissions, one for residents */
    private Principal buildPrincipal(UserId user) {
        UserRow row = user(user.value());
        if (row == null) {
            return null;
        }
        if (!row.effective()) {
            return new Principal(user, tx.context().facilityId(), Set.of(), Set.of(), assigned(user.value()));
        }
        List<Object[]> rows = tx.session().createSelectionQuery("select r.name, p.resource, p.action from UserRoleEntity ur "
                        + "join RoleEntity r on r.id = ur.roleId "
                        + "left join RolePermissionEntity rp on rp.roleId = r.id "
                        + "left join PermissionEntity p on p.id = rp.permissionId "
                        + "where ur.userId = :u and ur.facilityId = :f", Object[].class)
                .setParameter("u", user.value()).setParameter("f", tx.facility()).getResultList();
        Set<RoleName> roles = EnumSet.noneOf(RoleName.class);
        Set<Permission> permissions = new LinkedHashSet<>();
        for (Object[] r : rows) {
            roles.add(RoleName.fromCode((String) r[0]));
            if (r[1] != null) {
                permissions.add(Permission.of((String) r[1], (String) r[2]));
            }
        }
        return new Principal(user, tx.context().facilityId(), roles, permissions, assigned(user.value()));
    }

    @Override
    public boolean hasPermission(UserId user, Permission permission) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(permission, "permission");
        return tx.read("User", () -> {
            Principal p = buildPrincipal(user);
            return p != null && p.hasPermission(permission);
        });
    }

    @Override
    public void requireCanRequestTransport(UserId user, ResidentId resident) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(resident, "resident");
        tx.read("User", () -> {
            Principal p = buildPrincipal(user);
            if (p == null || p.roles().isEmpty() && p.permissions().isEmpty()) {
                throw new AccessDeniedException("user " + user + " has no effective access in this facility");
            }
            AccessDeniedException.require(AccessPolicy.canRequestTransport(p, resident));
            requireLiveResident(resident);
            return null;
        });
    }

    @Override
    public void requireCanCancel(UserId user, Mission mission) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(mission, "mission");
        tx.check();
        if (!tx.context().facilityId().equals(mission.facilityId())) {
            throw AccessDeniedException.otherFacility("Mission");
        }
        tx.read("User", () -> {
            Principal p = buildPrincipal(user);
            if (p == null) {
                throw new AccessDeniedException("user " + user + " has no effective access in this facility");
            }
            AccessDeniedException.require(AccessPolicy.canCancel(p, mission));
            return null;
        });
    }
}
