package org.tvm.adapter.jpa.entity;

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

/** Row of {@code vehicles}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "vehicles")
public final class VehicleEntity {

    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "name", nullable = false, length = 100)
    public String name;
    @Column(name = "serial_number", length = 100)
    public String serialNumber;
    @Column(name = "model", length = 100)
    public String model;
    @Column(name = "firmware_version", length = 50)
    public String firmwareVersion;
    @Column(name = "status", nullable = false, length = 50)
    public String status;
    @Column(name = "current_mission_id")
    public UUID currentMissionId;
    /** JSONB {"lat":..,"lon":..,"zone":..}; vehicles.current_point (PostgreSQL) is generated from it and not mapped. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "current_location")
    public Map<String, Object> currentLocation;
    @Column(name = "battery_level")
    public Integer batteryLevel;
    @Column(name = "last_heartbeat")
    public Instant lastHeartbeat;
    @Column(name = "max_payload_kg")
    public Integer maxPayloadKg;
    @Column(name = "max_speed_mps", precision = 3, scale = 1)
    public BigDecimal maxSpeedMps;
    @Column(name = "last_maintenance_date")
    public LocalDate lastMaintenanceDate;
    @Column(name = "next_maintenance_due")
    public LocalDate nextMaintenanceDue;
    @Column(name = "total_distance_km", precision = 10, scale = 2)
    public BigDecimal totalDistanceKm;
    @Column(name = "total_missions")
    public Integer totalMissions;
    /** Optimistic lock; bumped only by the explicit conditional UPDATE of the repositories. */
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

}
