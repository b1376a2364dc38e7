package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface TelemetryMapper {

    /** One sample (the statement the H2 JDBC batch runs). */
    int insertSample(TelemetryRow row);

    /** PostgreSQL: the session's COPY staging table (COPY FROM is refused on RLS tables). */
    int createStage();

    int truncateStage();

    int insertFromStage();

    List<TelemetryRow> range(UUID facilityId, UUID vehicleId, Instant fromInclusive, Instant toExclusive, int limit);

    TelemetryRow latest(UUID facilityId, UUID vehicleId);

    List<TelemetryRow> latestPerVehicle(UUID facilityId);

    List<TelemetryRow> recent(UUID facilityId, UUID vehicleId, Instant after, int limit);
}
