package org.tvm.adapter.mybatis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Flat MyBatis row: a telemetry row. Mapped to/from the domain in {@link DomainRows}. */
final class TelemetryRow {
    Long id;
    UUID facilityId;
    UUID vehicleId;
    Instant timestamp;
    BigDecimal latitude;
    BigDecimal longitude;
    BigDecimal heading;
    BigDecimal speedMps;
    BigDecimal accelerationMps2;
    Integer batteryLevel;
    BigDecimal batteryVoltage;
    BigDecimal batteryCurrent;
    String lidarStatus;
    String cameraStatus;
    String imuStatus;
    Integer cpuUsage;
    Integer memoryUsage;
    Integer diskUsage;
    List<String> errorCodes;
}
