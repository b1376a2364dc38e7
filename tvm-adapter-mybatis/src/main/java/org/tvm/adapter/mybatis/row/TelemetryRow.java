package org.tvm.adapter.mybatis.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Flat MyBatis row: a telemetry row. Mapped to/from the domain in {@code RowMapper}. */
public final class TelemetryRow {
    Long id;
    public UUID facilityId;
    public UUID vehicleId;
    public Instant timestamp;
    public BigDecimal latitude;
    public BigDecimal longitude;
    public BigDecimal heading;
    public BigDecimal speedMps;
    public BigDecimal accelerationMps2;
    public Integer batteryLevel;
    public BigDecimal batteryVoltage;
    public BigDecimal batteryCurrent;
    public String lidarStatus;
    public String cameraStatus;
    public String imuStatus;
    public Integer cpuUsage;
    public Integer memoryUsage;
    public Integer diskUsage;
    public List<String> errorCodes;
}
