package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code vehicles}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "vehicles")
final class VehicleEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "name", nullable = false, length = 100)
    String name;
    @Column(name = "serial_number", length = 100)
    String serialNumber;
    @Column(name = "model", length = 100)
    String model;
    @Column(name = "firmware_version", length = 50)
    String firmwareVersion;
    @Column(name = "status", nullable = false, length = 50)
    String status;
    @Column(name = "current_mission_id")
    UUID currentMissionId;
    /** JSONB {"lat":..,"lon":..,"zone":..}; vehicles.current_point (PostgreSQL) is generated from it and not mapped. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "current_location")
    Map<String, Object> currentLocation;
    @Column(name = "battery_level")
    Integer batteryLevel;
    @Column(name = "last_heartbeat")
    Instant lastHeartbeat;
    @Column(name = "max_payload_kg")
    Integer maxPayloadKg;
    @Column(name = "max_speed_mps", precision = 3, scale = 1)
    BigDecimal maxSpeedMps;
    @Column(name = "last_maintenance_date")
    LocalDate lastMaintenanceDate;
    @Column(name = "next_maintenance_due")
    LocalDate nextMaintenanceDue;
    @Column(name = "total_distance_km", precision = 10, scale = 2)
    BigDecimal totalDistanceKm;
    @Column(name = "total_missions")
    Integer totalMissions;
    /** Optimistic lock; bumped only by the explicit conditional UPDATE of the repositories. */
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;

}
