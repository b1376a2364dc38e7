package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.AuditRow;
import org.tvm.adapter.mybatis.row.DataAccessRow;

public interface AuditMapper {

    int insertAudit(AuditRow row);

    int insertDataAccess(DataAccessRow row);

    List<AuditRow> byResource(UUID facilityId, String resourceType, UUID resourceId, Instant afterTimestamp,
            Long afterId, int limit);

    List<AuditRow> byUser(UUID facilityId, UUID userId, Instant fromInclusive, Instant toExclusive,
            Instant afterTimestamp, Long afterId, int limit);

    List<DataAccessRow> dataAccessFor(UUID facilityId, UUID residentId, Instant fromInclusive, Instant toExclusive);
}
