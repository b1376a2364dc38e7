package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.ResidentRow;

public interface ResidentMapper {

    int insert(ResidentRow row);

    int update(ResidentRow row);

    int anonymise(ResidentRow row);

    ResidentRow find(UUID facilityId, UUID id, boolean includeDeleted);

    List<ResidentRow> list(UUID facilityId, String afterLastName, String afterFirstName, UUID afterId, int limit);

    int softDelete(UUID facilityId, UUID id, Instant at);

    int countActive(UUID facilityId, UUID id);
}
