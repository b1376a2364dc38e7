package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.MissionEventRow;
import org.tvm.adapter.mybatis.row.MissionRow;

public interface MissionMapper {

    int insert(MissionRow row);

    /**
     * Optimistic: {@code WHERE version = expectedVersion}, then {@code version = version + 1}; the stored updatedAt, or
     * null if stale or absent.
     */
    Instant update(MissionRow row);

    /** Dispatch: the assignment's columns only, optimistic like {@link #update}; the stored updatedAt, or null if 0 rows. */
    Instant assign(MissionRow row);

    MissionRow findNotDeleted(UUID facilityId, UUID id);

    MissionRow findIncludingDeleted(UUID facilityId, UUID id);

    default MissionRow find(UUID facilityId, UUID id, boolean includeDeleted) {
        return includeDeleted ? findIncludingDeleted(facilityId, id) : findNotDeleted(facilityId, id);
    }

    int softDelete(UUID facilityId, UUID id, Instant at);

    int insertEvent(MissionEventRow row);

    List<MissionEventRow> events(UUID facilityId, UUID missionId);

    List<MissionRow> listByStatus(UUID facilityId, List<String> statuses, Instant afterCreatedAt, UUID afterId,
            int limit);

    List<MissionRow> listByResident(UUID facilityId, UUID residentId, Instant afterCreatedAt, UUID afterId, int limit);

    /** PostgreSQL: one statement with FOR UPDATE SKIP LOCKED. */
    List<MissionRow> claimPending(UUID facilityId, Instant now, int limit);

    /** H2: due mission ids in dispatch order, not locked. */
    List<UUID> claimCandidates(UUID facilityId, Instant now);

    /** H2: lock one due mission, or null if another transaction holds it (SKIP LOCKED) or it is no longer due. */
    MissionRow lockPending(UUID facilityId, UUID id, Instant now);

    MissionRow lockForUpdate(UUID facilityId, UUID id);
}
