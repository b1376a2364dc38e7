package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code telemetry} (monthly partitions on PostgreSQL), read-only through Hibernate. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "telemetry")
@Immutable
@IdClass(TelemetryEntity.Key.class)
public final class TelemetryEntity {

    /** bigserial part of the primary key (id, timestamp); rows are written in bulk by the shared TelemetryBulkWriter. */
    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Id
    @Column(name = "timestamp", nullable = false)
    public Instant timestamp;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "vehicle_id", nullable = false)
    public UUID vehicleId;
    @Column(name = "latitude", precision = 10, scale = 7)
    public BigDecimal latitude;
    @Column(name = "longitude", precision = 10, scale = 7)
    public BigDecimal longitude;
    @Column(name = "heading", precision = 5, scale = 2)
    public BigDecimal heading;
    @Column(name = "speed_mps", precision = 4, scale = 2)
    public BigDecimal speedMps;
    @Column(name = "acceleration_mps2", precision = 4, scale = 2)
    public BigDecimal accelerationMps2;
    @Column(name = "battery_level")
    public Integer batteryLevel;
    @Column(name = "battery_voltage", precision = 5, scale = 2)
    public BigDecimal batteryVoltage;
    @Column(name = "battery_current", precision = 6, scale = 2)
    public BigDecimal batteryCurrent;
    @Column(name = "lidar_status", length = 20)
    public String lidarStatus;
    @Column(name = "camera_status", length = 20)
    public String cameraStatus;
    @Column(name = "imu_status", length = 20)
    public String imuStatus;
    @Column(name = "cpu_usage")
    public Integer cpuUsage;
    @Column(name = "memory_usage")
    public Integer memoryUsage;
    @Column(name = "disk_usage")
    public Integer diskUsage;
    /** VARCHAR(100)[] (PostgreSQL) / VARCHAR(100) ARRAY (H2). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "error_codes")
    public String[] errorCodes;
    @Column(name = "created_at")
    Instant createdAt;

    /** Composite key of {@link TelemetryEntity}. */
    record Key(Long id, Instant timestamp) {
    }

}
