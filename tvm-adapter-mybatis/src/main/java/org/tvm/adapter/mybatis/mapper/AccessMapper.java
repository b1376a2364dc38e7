package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.PermissionRow;
import org.tvm.adapter.mybatis.row.RoleRow;
import org.tvm.adapter.mybatis.row.UserAccessRow;

public interface AccessMapper {

    List<RoleRow> roles();

    List<PermissionRow> permissionsOfRoles(List<String> roleNames);

    UserAccessRow userAccess(UUID facilityId, UUID userId);

    List<String> rolesOf(UUID facilityId, UUID userId);

    int grantRole(UUID facilityId, UUID userId, String role, UUID grantedBy, Instant at);

    int revokeRole(UUID facilityId, UUID userId, String role);

    int assignCaregiver(UUID facilityId, UUID caregiverId, UUID residentId, UUID assignedBy, Instant at);

    int unassignCaregiver(UUID facilityId, UUID caregiverId, UUID residentId);

    List<UUID> residentsAssignedTo(UUID facilityId, UUID caregiverId);

    int countPermission(UUID facilityId, UUID userId, String resource, String action);

    int ensurePermission(String resource, String action);

    int grantPermission(String role, String resource, String action);

    int revokePermission(String role, String resource, String action);
}
