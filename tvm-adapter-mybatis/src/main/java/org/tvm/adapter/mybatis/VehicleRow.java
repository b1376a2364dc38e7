package org.tvm.adapter.mybatis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tvm.domain.fleet.VehicleLocation;

/** Flat MyBatis row: a vehicles row (current_point is derived by the database and never mapped). Mapped to/from the domain in {@link DomainRows}. */
final class VehicleRow {
    UUID id;
    UUID facilityId;
    String name;
    String serialNumber;
    String model;
    String firmwareVersion;
    String status;
    UUID currentMissionId;
    VehicleLocation currentLocation;
    Integer batteryLevel;
    Instant lastHeartbeat;
    Integer maxPayloadKg;
    BigDecimal maxSpeedMps;
    LocalDate lastMaintenanceDate;
    LocalDate nextMaintenanceDue;
    BigDecimal totalDistanceKm;
    Integer totalMissions;
    Long version;
    Instant createdAt;
    Instant updatedAt;
    Instant deletedAt;
    Double distanceMeters;
}
