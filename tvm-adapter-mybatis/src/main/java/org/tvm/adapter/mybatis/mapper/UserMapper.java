package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.UserRow;

public interface UserMapper {

    int insert(UserRow row);

    int update(UserRow row);

    UserRow find(UUID facilityId, UUID id, boolean includeDeleted);

    UserRow findByEmail(UUID facilityId, String email);

    List<UserRow> list(UUID facilityId, String afterEmail, UUID afterId, int limit);

    int softDelete(UUID facilityId, UUID id, Instant at);

    int recordLogin(UUID facilityId, UUID id, Instant at, String ip);
}
