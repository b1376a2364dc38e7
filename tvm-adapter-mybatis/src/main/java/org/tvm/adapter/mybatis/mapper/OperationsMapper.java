package org.tvm.adapter.mybatis.mapper;

import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.ActiveMissionRow;
import org.tvm.adapter.mybatis.row.MissionEventRow;

public interface OperationsMapper {

    List<ActiveMissionRow> activeMissions(UUID facilityId, int limit);

    List<MissionEventRow> timeline(UUID facilityId, UUID missionId);
}
