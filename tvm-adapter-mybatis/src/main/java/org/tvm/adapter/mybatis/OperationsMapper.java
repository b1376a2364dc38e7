package org.tvm.adapter.mybatis;

import java.util.List;
import java.util.UUID;

interface OperationsMapper {

    List<ActiveMissionRow> activeMissions(UUID facilityId, int limit);

    List<FleetStatusRow> fleetStatus(UUID facilityId);

    List<MissionEventRow> timeline(UUID facilityId, UUID missionId);
}
