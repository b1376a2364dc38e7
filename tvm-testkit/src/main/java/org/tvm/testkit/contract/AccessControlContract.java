package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.access.DefaultAccess;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.Principal;
import org.tvm.domain.access.Role;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.AccessControlRepository}: the seeded catalogue equals
 * {@link DefaultAccess} (roles with descriptions ordered by code, permissions per role); role grants and revokes are
 * idempotent and effective at once; only ACTIVE, non-deleted users have effective access; principals carry roles,
 * the union of permissions and the assigned residents; the policy checks deny with {@link AccessDeniedException}
 * (nurses cancel only their own missions, caregivers request transport only for assigned residents).
 *
 * <p>Capabilities: none.
 */
public abstract class AccessControlContract {

    private static final Permission MISSION_CREATE = Permission.parse("mission:create");
    private static final Permission MISSION_CANCEL = Permission.parse("mission:cancel");

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private Mission mission(FacilityWorld w, RoleName creator) {
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(creator)).at(w.now()).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    @Test
    void rolesEqualTheSeededCatalogueOrderedByCode() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        List<Role> roles = w.inTransaction((TvmTransaction tx) -> tx.accessControl().roles());

        assertThat(roles).containsExactlyElementsOf(DefaultAccess.roles().stream()
                .sorted(Comparator.comparing((Role r) -> r.name().code())).toList());
    }

    @ParameterizedTest
    @EnumSource(RoleName.class)
    void permissionsOfEveryRoleEqualTheSeededGrants(RoleName role) {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        Set<Permission> permissions = w.inTransaction((TvmTransaction tx) -> tx.accessControl().permissionsOf(role));

        assertThat(permissions).containsExactlyInAnyOrderElementsOf(DefaultAccess.permissionsOf(role));
    }

    @ParameterizedTest
    @EnumSource(RoleName.class)
    void principalOfEachSeededUserCarriesItsRoleAndPermissions(RoleName role) {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        Principal principal = w.inTransaction((TvmTransaction tx) -> tx.accessControl().principal(w.userId(role)));

        assertThat(principal.userId()).isEqualTo(w.userId(role));
        assertThat(principal.facilityId()).isEqualTo(w.facilityId());
        assertThat(principal.roles()).containsExactly(role);
        assertThat(principal.permissions()).containsExactlyInAnyOrderElementsOf(DefaultAccess.permissionsOf(role));
        assertThat(principal.assignedResidents()).isEqualTo(
                role == RoleName.CAREGIVER ? Set.of(w.assignedResidentId()) : Set.of());
    }

    @Test
    void grantAndRevokeRoleAreIdempotentAndImmediatelyEffective() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        UserId guest = w.userId(RoleName.GUEST);

        w.run((TvmTransaction tx) -> {
            tx.accessControl().grantRole(guest, RoleName.OPERATOR);
            tx.accessControl().grantRole(guest, RoleName.OPERATOR);
        });
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().rolesOf(guest)))
                .containsExactlyInAnyOrder(RoleName.GUEST, RoleName.OPERATOR);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(guest, Permission.parse("mission:assign"))))
                .isTrue();

        w.run((TvmTransaction tx) -> {
            tx.accessControl().revokeRole(guest, RoleName.OPERATOR);
            tx.accessControl().revokeRole(guest, RoleName.OPERATOR);
            tx.accessControl().revokeRole(guest, RoleName.ADMIN);
        });
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().rolesOf(guest))).containsExactly(RoleName.GUEST);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(guest, Permission.parse("mission:assign"))))
                .isFalse();
    }

    @Test
    void revokedRoleNoLongerGrantsItsPermissions() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        UserId admin = w.userId(RoleName.ADMIN);

        w.run((TvmTransaction tx) -> tx.accessControl().revokeRole(admin, RoleName.ADMIN));

        w.run((TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(admin)).isEmpty();
            assertThat(tx.accessControl().principal(admin).permissions()).isEmpty();
            assertThat(tx.accessControl().hasPermission(admin, Permission.parse("audit:read"))).isFalse();
        });
    }

    @Test
    void grantingOrRevokingForAnUnknownUserIsNotFound() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        UserId unknown = UserId.newId();

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().grantRole(unknown, RoleName.ADMIN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().revokeRole(unknown, RoleName.ADMIN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().principal(unknown)))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().rolesOf(unknown))).isEmpty();
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().hasPermission(unknown, MISSION_CREATE))).isFalse();
    }

    @Test
    void hasPermissionFollowsTheRoleGrants() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        w.run((TvmTransaction tx) -> {
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.NURSE), MISSION_CANCEL)).isTrue();
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.CAREGIVER), MISSION_CANCEL)).isFalse();
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.MAINTENANCE), Permission.parse("vehicle:maintain"))).isTrue();
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.GUEST), Permission.parse("dashboard:read"))).isTrue();
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.GUEST), MISSION_CREATE)).isFalse();
            assertThat(tx.accessControl().hasPermission(w.userId(RoleName.ADMIN), Permission.parse("role:assign"))).isTrue();
        });
    }

    @Test
    void onlyActiveNonDeletedUsersHaveEffectiveAccess() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        User nurse = w.user(RoleName.NURSE);
        User operator = w.user(RoleName.OPERATOR);
        w.run((TvmTransaction tx) -> {
            tx.users().update(nurse.toBuilder().status(UserStatus.LOCKED).build());
            tx.users().softDelete(operator.id(), w.now().plusSeconds(1));
        });

        w.run((TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(nurse.id())).containsExactly(RoleName.NURSE);
            assertThat(tx.accessControl().hasPermission(nurse.id(), MISSION_CREATE)).isFalse();
            assertThat(tx.accessControl().principal(nurse.id()).roles()).isEmpty();
            assertThat(tx.accessControl().principal(nurse.id()).permissions()).isEmpty();
            assertThat(tx.accessControl().rolesOf(operator.id())).containsExactly(RoleName.OPERATOR);
            assertThat(tx.accessControl().hasPermission(operator.id(), MISSION_CREATE)).isFalse();
            assertThat(tx.accessControl().principal(operator.id()).permissions()).isEmpty();
        });
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl()
                .requireCanRequestTransport(nurse.id(), w.residentId(1)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void caregiverMayRequestTransportOnlyForAssignedResidents() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        UserId caregiver = w.userId(RoleName.CAREGIVER);

        assertThatCode(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(caregiver, w.assignedResidentId())))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(caregiver, w.unassignedResidentId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staffRolesMayRequestTransportForAnyResidentAndOthersMayNot() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        ResidentId resident = w.unassignedResidentId();

        for (RoleName allowed : List.of(RoleName.ADMIN, RoleName.OPERATOR, RoleName.NURSE)) {
            assertThatCode(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(w.userId(allowed), resident)))
                    .as(allowed.code()).doesNotThrowAnyException();
        }
        for (RoleName denied : List.of(RoleName.MAINTENANCE, RoleName.GUEST)) {
            assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(w.userId(denied), resident)))
                    .as(denied.code()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void requestingTransportForAnUnknownResidentIsNotFoundUnlessAccessIsDenied() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(w.userId(RoleName.NURSE), ResidentId.newId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(w.userId(RoleName.GUEST), ResidentId.newId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nurseMayCancelOnlyOwnMissions() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        Mission own = mission(w, RoleName.NURSE);
        Mission othersMission = mission(w, RoleName.OPERATOR);
        UserId nurse = w.userId(RoleName.NURSE);

        assertThatCode(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanCancel(nurse, own))).doesNotThrowAnyException();
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanCancel(nurse, othersMission)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void adminAndOperatorMayCancelAnyMissionCaregiverMayNot() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        Mission mission = mission(w, RoleName.NURSE);

        assertThatCode(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanCancel(w.userId(RoleName.ADMIN), mission)))
                .doesNotThrowAnyException();
        assertThatCode(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanCancel(w.userId(RoleName.OPERATOR), mission)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanCancel(w.userId(RoleName.CAREGIVER), mission)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void caregiverAssignmentsAreIdempotentAndExcludeDeletedResidents() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());
        UserId caregiver = w.userId(RoleName.CAREGIVER);

        w.run((TvmTransaction tx) -> {
            tx.accessControl().assignCaregiver(caregiver, w.residentId(1));
            tx.accessControl().assignCaregiver(caregiver, w.residentId(1));
            tx.accessControl().assignCaregiver(caregiver, w.residentId(2));
        });
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().residentsAssignedTo(caregiver)))
                .containsExactlyInAnyOrder(w.residentId(0), w.residentId(1), w.residentId(2));

        w.run((TvmTransaction tx) -> {
            tx.accessControl().unassignCaregiver(caregiver, w.residentId(0));
            tx.accessControl().unassignCaregiver(caregiver, w.residentId(0));
            tx.residents().softDelete(w.residentId(2), w.now().plusSeconds(1));
        });
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().residentsAssignedTo(caregiver)))
                .containsExactly(w.residentId(1));
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(caregiver, w.residentId(0))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void assigningUnknownCaregiversOrResidentsIsNotFound() {
        FacilityWorld w = FacilityWorld.create(subject(), baseNow());

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().assignCaregiver(UserId.newId(), w.residentId(1))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.accessControl().assignCaregiver(w.userId(RoleName.CAREGIVER), ResidentId.newId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.accessControl().residentsAssignedTo(UserId.newId()))).isEmpty();
    }

    @Test
    void roleGrantsAreRecordedForTheContextActor() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        User newcomer = TvmTestData.user(w.facilityId()).at(now).build();

        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.users().insert(newcomer);
            tx.accessControl().grantRole(newcomer.id(), RoleName.NURSE);
            return null;
        });

        Principal principal = w.inTransaction((TvmTransaction tx) -> tx.accessControl().principal(newcomer.id()));
        assertThat(principal.roles()).containsExactly(RoleName.NURSE);
        assertThat(principal.permissions()).containsExactlyInAnyOrderElementsOf(DefaultAccess.permissionsOf(RoleName.NURSE));
    }
}
