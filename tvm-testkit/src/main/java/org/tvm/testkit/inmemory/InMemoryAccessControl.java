package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tvm.domain.access.AccessPolicy;
import org.tvm.domain.access.DefaultAccess;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.Principal;
import org.tvm.domain.access.Role;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AccessControlRepository;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.NotFoundException;
import org.tvm.testkit.inmemory.Tenant.StoredResident;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

final class InMemoryAccessControl implements AccessControlRepository {

    /** user -> role -> granted by (nullable value, hence LinkedHashMap); audited as user_roles rows. */
    static final Tenant.Table<UserId, Map<RoleName, UserId>> GRANTS = Tenant.Table.tracked("user_roles");

    /** caregiver -> assigned residents; audited as caregiver_assignments rows. */
    static final Tenant.Table<UserId, Set<ResidentId>> CAREGIVERS = Tenant.Table.tracked("caregiver_assignments");

    private final InMemoryTransaction tx;

    InMemoryAccessControl(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<Role> roles() {
        tx.check();
        List<Role> roles = new ArrayList<>(DefaultAccess.roles());
        roles.sort(AccessControlRepository.ROLE_ORDER);
        return Collections.unmodifiableList(roles);
    }

    @Override
    public Set<Permission> permissionsOf(RoleName role) {
        nn(role, "role");
        tx.check();
        return tx.catalogue().of(role);
    }

    @Override
    public void grantRole(UserId user, RoleName role) {
        nn(user, "user");
        nn(role, "role");
        tx.checkWritable("AccessControlRepository.grantRole");
        UserId grantedBy = tx.actor();
        tx.write(t -> {
            requireLiveUser(t, user);
            Map<RoleName, UserId> current = t.rows(GRANTS).get(user);
            if (current != null && current.containsKey(role)) {
                return;
            }
            InMemoryTransaction.requireUserRef(t, grantedBy, "User", "fk_user_roles_assigned_by", "assigned_by_user_id");
            Map<RoleName, UserId> next = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            next.put(role, grantedBy);
            t.put(GRANTS, user, next);
        });
    }

    @Override
    public void revokeRole(UserId user, RoleName role) {
        nn(user, "user");
        nn(role, "role");
        tx.checkWritable("AccessControlRepository.revokeRole");
        tx.write(t -> {
            requireLiveUser(t, user);
            Map<RoleName, UserId> current = t.rows(GRANTS).get(user);
            if (current == null || !current.containsKey(role)) {
                return;
            }
            Map<RoleName, UserId> next = new LinkedHashMap<>(current);
            next.remove(role);
            t.put(GRANTS, user, next);
        });
    }

    private static void requireLiveUser(Tenant t, UserId user) {
        StoredUser u = t.rows(USERS).get(user);
        if (u == null || u.withoutSecret().isDeleted()) {
            throw new NotFoundException("User", user);
        }
    }

    @Override
    public Set<RoleName> rolesOf(UserId user) {
        nn(user, "user");
        tx.check();
        return storedRoles(tx.view(), user);
    }

    private static Set<RoleName> storedRoles(Tenant t, UserId user) {
        Map<RoleName, UserId> g = t.rows(USERS).containsKey(user) ? t.rows(GRANTS).get(user) : null;
        if (g == null || g.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(g.keySet()));
    }

    @Override
    public void assignCaregiver(UserId caregiver, ResidentId resident) {
        nn(caregiver, "caregiver");
        nn(resident, "resident");
        tx.checkWritable("AccessControlRepository.assignCaregiver");
        UserId assignedBy = tx.actor();
        tx.write(t -> {
            requireLiveUser(t, caregiver);
            StoredResident r = t.rows(RESIDENTS).get(resident);
            if (r == null || r.withoutNotes().isDeleted()) {
                throw new NotFoundException("Resident", resident);
            }
            Set<ResidentId> current = t.rows(CAREGIVERS).get(caregiver);
            if (current != null && current.contains(resident)) {
                return;
            }
            InMemoryTransaction.requireUserRef(t, assignedBy, "User", "fk_caregiver_assignments_assigned_by",
                    "assigned_by_user_id");
            Set<ResidentId> next = current == null ? new LinkedHashSet<>() : new LinkedHashSet<>(current);
            next.add(resident);
            t.put(CAREGIVERS, caregiver, next);
        });
    }

    @Override
    public void unassignCaregiver(UserId caregiver, ResidentId resident) {
        nn(caregiver, "caregiver");
        nn(resident, "resident");
        tx.checkWritable("AccessControlRepository.unassignCaregiver");
        tx.write(t -> {
            Set<ResidentId> current = t.rows(CAREGIVERS).get(caregiver);
            if (current == null || !current.contains(resident)) {
                return;
            }
            Set<ResidentId> next = new LinkedHashSet<>(current);
            next.remove(resident);
            t.put(CAREGIVERS, caregiver, next);
        });
    }

    @Override
    public Set<ResidentId> residentsAssignedTo(UserId caregiver) {
        nn(caregiver, "caregiver");
        tx.check();
        return assigned(tx.view(), caregiver);
    }

    private static Set<ResidentId> assigned(Tenant t, UserId caregiver) {
        Set<ResidentId> ids = t.rows(USERS).containsKey(caregiver) ? t.rows(CAREGIVERS).get(caregiver) : null;
        if (ids == null) {
            return Set.of();
        }
        Set<ResidentId> out = new HashSet<>();
        for (ResidentId r : ids) {
            StoredResident s = t.rows(RESIDENTS).get(r);
            if (s != null && !s.withoutNotes().isDeleted()) {
                out.add(r);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    @Override
    public Principal principal(UserId user) {
        nn(user, "user");
        tx.check();
        Tenant t = tx.view();
        StoredUser u = t.rows(USERS).get(user);
        if (u == null) {
            throw new NotFoundException("User", user);
        }
        return principalOf(t, u.withoutSecret());
    }

    private Principal principalOf(Tenant t, User u) {
        if (!effective(u)) {
            return new Principal(u.id(), t.id, Set.of(), Set.of(), assigned(t, u.id()));
        }
        Set<RoleName> roles = storedRoles(t, u.id());
        Catalogue catalogue = tx.catalogue();
        Set<Permission> perms = new LinkedHashSet<>();
        for (RoleName r : roles) {
            perms.addAll(catalogue.of(r));
        }
        return new Principal(u.id(), t.id, roles, perms, assigned(t, u.id()));
    }

    private static boolean effective(User u) {
        return !u.isDeleted() && u.status() == UserStatus.ACTIVE;
    }

    /** The principal, or one without any access when the user is unknown here. */
    private Principal principalOrNobody(UserId user) {
        Tenant t = tx.view();
        StoredUser u = t.rows(USERS).get(user);
        if (u == null) {
            return new Principal(user, t.id, Set.of(), Set.of(), Set.of());
        }
        return principalOf(t, u.withoutSecret());
    }

    @Override
    public boolean hasPermission(UserId user, Permission permission) {
        nn(user, "user");
        nn(permission, "permission");
        tx.check();
        return principalOrNobody(user).hasPermission(permission);
    }

    @Override
    public void requireCanRequestTransport(UserId user, ResidentId resident) {
        nn(user, "user");
        nn(resident, "resident");
        tx.check();
        Principal p = principalOrNobody(user);
        if (p.roles().isEmpty() && p.permissions().isEmpty()) {
            throw new AccessDeniedException("user " + user + " has no effective access in this facility");
        }
        AccessDeniedException.require(AccessPolicy.canRequestTransport(p, resident));
        StoredResident r = tx.view().rows(RESIDENTS).get(resident);
        if (r == null || r.withoutNotes().isDeleted()) {
            throw new NotFoundException("Resident", resident);
        }
    }

    @Override
    public void requireCanCancel(UserId user, Mission mission) {
        nn(user, "user");
        nn(mission, "mission");
        tx.check();
        if (!mission.facilityId().equals(tx.facilityId())) {
            throw AccessDeniedException.otherFacility("Mission");
        }
        Principal p = principalOrNobody(user);
        if (p.roles().isEmpty() && p.permissions().isEmpty()) {
            throw new AccessDeniedException("user " + user + " has no effective access in this facility");
        }
        AccessDeniedException.require(AccessPolicy.canCancel(p, mission));
    }
}
