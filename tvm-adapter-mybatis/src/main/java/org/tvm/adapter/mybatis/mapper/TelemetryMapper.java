package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.TelemetryRow;

public interface TelemetryMapper {

    List<TelemetryRow> range(UUID facilityId, UUID vehicleId, Instant fromInclusive, Instant toExclusive, int limit);

    TelemetryRow latest(UUID facilityId, UUID vehicleId);

    List<TelemetryRow> latestPerVehicle(UUID facilityId);

}
