package org.tvm.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionAndDefaultAccessTest {

    @Test
    void permissionParsesAndPrints() {
        Permission p = Permission.parse("mission:create");
        assertThat(p).isEqualTo(Permission.of("mission", "create"));
        assertThat(p.resource()).isEqualTo("mission");
        assertThat(p.action()).isEqualTo("create");
        assertThat(p.toString()).isEqualTo("mission:create");
        assertThat(Permission.of("a_b", "x".repeat(50)).action()).hasSize(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mission", "mission:", ":create", "Mission:create", "mission:create:x", "mi ssion:read",
            "mission-x:read", "mission:r3ad"})
    void permissionRejectsMalformed(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Permission.parse(text))
                .isInstanceOf(org.tvm.domain.DomainValidationException.class)
                .hasMessageStartingWith("Permission.");
    }

    @Test
    void permissionFieldErrors() {
        assertInvalid(() -> Permission.of(null, "read"), "Permission", "resource");
        assertInvalid(() -> Permission.of("mission", "x".repeat(51)), "Permission", "action");
        assertInvalid(() -> Permission.parse(null), "Permission", "value");
        assertInvalid(() -> Permission.parse("nocolon"), "Permission", "value");
    }

    @Test
    void roleRecord() {
        assertThat(new Role(RoleName.NURSE, null).description()).isNull();
        assertInvalid(() -> new Role(null, "x"), "Role", "name");
    }

    private static Set<String> names(Set<Permission> permissions) {
        return permissions.stream().map(Permission::toString).collect(Collectors.toSet());
    }

    @Test
    void catalogueIsExactlyTheDesignedOne() {
        assertThat(DefaultAccess.permissions().stream().map(Permission::toString)).containsExactly(
                "mission:create", "mission:read", "mission:update", "mission:delete", "mission:list", "mission:cancel",
                "mission:assign", "vehicle:read", "vehicle:list", "vehicle:control", "vehicle:update", "vehicle:maintain",
                "telemetry:read", "resident:create", "resident:read", "resident:update", "resident:delete",
                "resident:list", "user:create", "user:read", "user:update", "user:delete", "user:list", "role:assign",
                "audit:read", "dashboard:read");
    }

    @Test
    void grantsAreExactlyTheDesignedOnes() {
        assertThat(DefaultAccess.grants().keySet()).isEqualTo(EnumSet.allOf(RoleName.class));
        assertThat(DefaultAccess.permissionsOf(RoleName.ADMIN)).isEqualTo(DefaultAccess.permissions());
        assertThat(names(DefaultAccess.permissionsOf(RoleName.OPERATOR))).containsExactlyInAnyOrder(
                "mission:create", "mission:read", "mission:list", "mission:update", "mission:assign", "mission:cancel",
                "vehicle:read", "vehicle:list", "vehicle:control", "telemetry:read", "dashboard:read");
        assertThat(names(DefaultAccess.permissionsOf(RoleName.NURSE))).containsExactlyInAnyOrder(
                "mission:create", "mission:read", "mission:list", "mission:cancel", "resident:read", "resident:list",
                "vehicle:read", "dashboard:read");
        assertThat(names(DefaultAccess.permissionsOf(RoleName.CAREGIVER))).containsExactlyInAnyOrder(
                "mission:create", "mission:read", "mission:list", "resident:read", "resident:list", "vehicle:read",
                "dashboard:read");
        assertThat(names(DefaultAccess.permissionsOf(RoleName.MAINTENANCE))).containsExactlyInAnyOrder(
                "vehicle:read", "vehicle:list", "vehicle:update", "vehicle:maintain", "vehicle:control",
                "telemetry:read", "dashboard:read");
        assertThat(names(DefaultAccess.permissionsOf(RoleName.GUEST))).containsExactly("dashboard:read");
        // every grant refers to a catalogued permission
        DefaultAccess.grants().values().forEach(g -> assertThat(DefaultAccess.permissions()).containsAll(g));
    }

    @Test
    void rolesHaveDescriptionsAndUnionWorks() {
        List<Role> roles = DefaultAccess.roles();
        assertThat(roles).extracting(Role::name).containsExactly(RoleName.values());
        assertThat(roles).allSatisfy(r -> assertThat(r.description()).isNotBlank());
        assertThat(DefaultAccess.permissionsOf(Set.of(RoleName.GUEST, RoleName.CAREGIVER)))
                .isEqualTo(DefaultAccess.permissionsOf(RoleName.CAREGIVER));
        assertThat(DefaultAccess.permissionsOf(Set.of())).isEmpty();
    }
}
