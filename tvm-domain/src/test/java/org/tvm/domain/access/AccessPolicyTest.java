package org.tvm.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.TestData;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.ResidentId;

class AccessPolicyTest {

    static final UserId ME = UserId.newId();
    static final UserId SOMEONE_ELSE = UserId.newId();
    static final ResidentId ASSIGNED = ResidentId.newId();
    static final ResidentId NOT_ASSIGNED = ResidentId.newId();

    static Principal principal(RoleName role) {
        return new Principal(ME, TestData.FACILITY, Set.of(role), DefaultAccess.permissionsOf(role), Set.of(ASSIGNED));
    }

    static Mission missionBy(UserId creator, FacilityId facility) {
        return Mission.request(TestData.request().createdBy(creator).facilityId(facility).build(), TestData.NOW).mission();
    }

    @Nested
    class RequestTransport {
        @ParameterizedTest
        @EnumSource(value = RoleName.class, names = {"ADMIN", "OPERATOR", "NURSE"})
        void staffRolesMayRequestForAnyResident(RoleName role) {
            assertThat(AccessPolicy.canRequestTransport(principal(role), NOT_ASSIGNED).allowed()).isTrue();
            assertThat(AccessPolicy.canRequestTransport(principal(role), ASSIGNED).allowed()).isTrue();
        }

        @Test
        void caregiverOnlyForAssignedResidents() {
            assertThat(AccessPolicy.canRequestTransport(principal(RoleName.CAREGIVER), ASSIGNED).allowed()).isTrue();
            AccessDecision denied = AccessPolicy.canRequestTransport(principal(RoleName.CAREGIVER), NOT_ASSIGNED);
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.denied()).isTrue();
            assertThat(denied.reason()).contains("assigned");
        }

        @ParameterizedTest
        @EnumSource(value = RoleName.class, names = {"MAINTENANCE", "GUEST"})
        void rolesWithoutMissionCreateMayNot(RoleName role) {
            AccessDecision d = AccessPolicy.canRequestTransport(principal(role), ASSIGNED);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("mission:create");
        }

        @Test
        void permissionIsNeededEvenForAdminRole() {
            Principal stripped = new Principal(ME, TestData.FACILITY, Set.of(RoleName.ADMIN), Set.of(), Set.of());
            assertThat(AccessPolicy.canRequestTransport(stripped, ASSIGNED).allowed()).isFalse();
        }

        @Test
        void permissionWithoutARoleThatMayRequestIsDenied() {
            Principal odd = new Principal(ME, TestData.FACILITY, Set.of(RoleName.MAINTENANCE),
                    Set.of(AccessPolicy.MISSION_CREATE), Set.of(ASSIGNED));
            assertThat(AccessPolicy.canRequestTransport(odd, ASSIGNED).allowed()).isFalse();
        }
    }

    @Nested
    class Cancel {
        @ParameterizedTest
        @EnumSource(value = RoleName.class, names = {"ADMIN", "OPERATOR"})
        void adminAndOperatorMayCancelAnyMission(RoleName role) {
            assertThat(AccessPolicy.canCancel(principal(role), missionBy(SOMEONE_ELSE, TestData.FACILITY)).allowed()).isTrue();
            assertThat(AccessPolicy.canCancel(principal(role), missionBy(ME, TestData.FACILITY)).allowed()).isTrue();
        }

        @Test
        void nurseOnlyOwnMissions() {
            assertThat(AccessPolicy.canCancel(principal(RoleName.NURSE), missionBy(ME, TestData.FACILITY)).allowed()).isTrue();
            AccessDecision d = AccessPolicy.canCancel(principal(RoleName.NURSE), missionBy(SOMEONE_ELSE, TestData.FACILITY));
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("created");
        }

        @ParameterizedTest
        @EnumSource(value = RoleName.class, names = {"CAREGIVER", "MAINTENANCE", "GUEST"})
        void otherRolesMayNotCancelEvenTheirOwn(RoleName role) {
            AccessDecision d = AccessPolicy.canCancel(principal(role), missionBy(ME, TestData.FACILITY));
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("mission:cancel");
        }

        @ParameterizedTest
        @EnumSource(value = RoleName.class, names = {"ADMIN", "OPERATOR", "NURSE"})
        void missionsOfAnotherFacilityAreNeverCancellable(RoleName role) {
            assertThat(AccessPolicy.canCancel(principal(role), missionBy(ME, TestData.OTHER_FACILITY)).allowed()).isFalse();
        }

        @Test
        void permissionWithoutACancellingRoleIsDenied() {
            Principal odd = new Principal(ME, TestData.FACILITY, Set.of(RoleName.CAREGIVER),
                    Set.of(AccessPolicy.MISSION_CANCEL), Set.of());
            assertThat(AccessPolicy.canCancel(odd, missionBy(ME, TestData.FACILITY)).allowed()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(RoleName.class)
    void canMirrorsTheGrantedPermissions(RoleName role) {
        Principal p = principal(role);
        for (Permission perm : DefaultAccess.permissions()) {
            assertThat(AccessPolicy.can(p, perm).allowed()).isEqualTo(DefaultAccess.permissionsOf(role).contains(perm));
        }
        assertThat(AccessPolicy.can(p, Permission.parse("dashboard:read")).allowed()).isTrue();
    }

    @Test
    void principalCopiesAndValidates() {
        Set<RoleName> roles = EnumSet.of(RoleName.NURSE);
        Principal p = new Principal(ME, TestData.FACILITY, roles, null, null);
        roles.add(RoleName.ADMIN);
        assertThat(p.roles()).containsExactly(RoleName.NURSE);
        assertThat(p.permissions()).isEmpty();
        assertThat(p.assignedResidents()).isEmpty();
        assertThat(p.hasRole(RoleName.NURSE)).isTrue();
        assertThat(p.hasRole(RoleName.ADMIN)).isFalse();
        assertInvalid(() -> new Principal(null, TestData.FACILITY, Set.of(), Set.of(), Set.of()), "Principal", "userId");
        assertInvalid(() -> new Principal(ME, null, Set.of(), Set.of(), Set.of()), "Principal", "facilityId");
        Set<RoleName> withNull = new HashSet<>();
        withNull.add(null);
        assertInvalid(() -> new Principal(ME, TestData.FACILITY, withNull, Set.of(), Set.of()), "Principal", "roles");
    }

    @Test
    void decisionFactories() {
        assertThat(AccessDecision.allow("ok").allowed()).isTrue();
        assertThat(AccessDecision.deny("no").denied()).isTrue();
        assertThat(AccessDecision.deny("no").reason()).isEqualTo("no");
    }
}
