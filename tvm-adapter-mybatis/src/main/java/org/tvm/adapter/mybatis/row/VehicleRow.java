package org.tvm.adapter.mybatis.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tvm.domain.fleet.VehicleLocation;

/** Flat MyBatis row: a vehicles row (current_point is derived by the database and never mapped). Mapped to/from the domain in {@code RowMapper}. */
public final class VehicleRow {
    public UUID id;
    public UUID facilityId;
    public String name;
    public String serialNumber;
    public String model;
    public String firmwareVersion;
    public String status;
    public UUID currentMissionId;
    public VehicleLocation currentLocation;
    public Integer batteryLevel;
    public Instant lastHeartbeat;
    public Integer maxPayloadKg;
    public BigDecimal maxSpeedMps;
    public LocalDate lastMaintenanceDate;
    public LocalDate nextMaintenanceDue;
    public BigDecimal totalDistanceKm;
    public Integer totalMissions;
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;
    public Double distanceMeters;
}
