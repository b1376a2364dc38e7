package org.tvm.adapter.jpa;

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

/** Row of {@code telemetry} (monthly partitions on PostgreSQL), read-only through Hibernate. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "telemetry")
@Immutable
@IdClass(TelemetryEntity.Key.class)
final class TelemetryEntity {

    /** bigserial part of the primary key (id, timestamp); rows are written in bulk by the shared TelemetryBulkWriter. */
    @Id
    @Column(name = "id", nullable = false)
    Long id;
    @Id
    @Column(name = "timestamp", nullable = false)
    Instant timestamp;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "vehicle_id", nullable = false)
    UUID vehicleId;
    @Column(name = "latitude", precision = 10, scale = 7)
    BigDecimal latitude;
    @Column(name = "longitude", precision = 10, scale = 7)
    BigDecimal longitude;
    @Column(name = "heading", precision = 5, scale = 2)
    BigDecimal heading;
    @Column(name = "speed_mps", precision = 4, scale = 2)
    BigDecimal speedMps;
    @Column(name = "acceleration_mps2", precision = 4, scale = 2)
    BigDecimal accelerationMps2;
    @Column(name = "battery_level")
    Integer batteryLevel;
    @Column(name = "battery_voltage", precision = 5, scale = 2)
    BigDecimal batteryVoltage;
    @Column(name = "battery_current", precision = 6, scale = 2)
    BigDecimal batteryCurrent;
    @Column(name = "lidar_status", length = 20)
    String lidarStatus;
    @Column(name = "camera_status", length = 20)
    String cameraStatus;
    @Column(name = "imu_status", length = 20)
    String imuStatus;
    @Column(name = "cpu_usage")
    Integer cpuUsage;
    @Column(name = "memory_usage")
    Integer memoryUsage;
    @Column(name = "disk_usage")
    Integer diskUsage;
    /** VARCHAR(100)[] (PostgreSQL) / VARCHAR(100) ARRAY (H2). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "error_codes")
    String[] errorCodes;
    @Column(name = "created_at")
    Instant createdAt;

    /** Composite key of {@link TelemetryEntity}. */
    record Key(Long id, Instant timestamp) {
    }

}
