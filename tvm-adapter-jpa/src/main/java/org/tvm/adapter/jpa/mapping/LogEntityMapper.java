package org.tvm.adapter.jpa.mapping;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.tvm.adapter.jpa.entity.AuditLogEntity;
import org.tvm.adapter.jpa.entity.DataAccessLogEntity;
import org.tvm.adapter.jpa.entity.TelemetryEntity;
import org.tvm.adapter.jpa.entity.VehicleLogEntity;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * Maps the append-only log rows (telemetry, vehicle logs, audit, data access) to the domain. They are only read back,
 * never updated, and nothing in them is sealed, so unlike {@link EntityMapper} this needs no cipher.
 */
public final class LogEntityMapper {

    private LogEntityMapper() {
    }

    public static VehicleLogEntry toDomain(VehicleLogEntity e) {
        return VehicleLogEntry.builder().vehicleId(VehicleId.of(e.vehicleId)).facilityId(FacilityId.of(e.facilityId))
                .level(LogLevel.fromCode(e.level)).code(e.code).message(e.message)
                .detailsJson(JsonDetailsCodec.read(e.details)).loggedAt(e.loggedAt).build();
    }

    public static TelemetrySample toDomain(TelemetryEntity e) {
        return TelemetrySample.builder().vehicleId(VehicleId.of(e.vehicleId)).facilityId(FacilityId.of(e.facilityId))
                .timestamp(e.timestamp)
                .position(e.latitude == null || e.longitude == null ? null
                        : new GeoPoint(e.latitude.doubleValue(), e.longitude.doubleValue()))
                .heading(dbl(e.heading)).speedMps(dbl(e.speedMps)).accelerationMps2(dbl(e.accelerationMps2))
                .batteryLevel(e.batteryLevel).batteryVoltage(dbl(e.batteryVoltage)).batteryCurrent(dbl(e.batteryCurrent))
                .lidarStatus(sensor(e.lidarStatus)).cameraStatus(sensor(e.cameraStatus)).imuStatus(sensor(e.imuStatus))
                .cpuUsage(e.cpuUsage).memoryUsageMb(e.memoryUsage).diskUsage(e.diskUsage)
                .errorCodes(codes(e.errorCodes)).build();
    }

    public static List<String> codes(String[] codes) {
        return codes == null ? List.of() : List.copyOf(Arrays.asList(codes));
    }

    private static SensorStatus sensor(String code) {
        return code == null ? null : SensorStatus.fromCode(code);
    }

    public static AuditEntry toDomain(AuditLogEntity e) {
        return AuditEntry.builder().facilityId(e.facilityId == null ? null : FacilityId.of(e.facilityId))
                .userId(e.userId == null ? null : UserId.of(e.userId)).userEmail(e.userEmail).action(e.action)
                .resourceType(e.resourceType).resourceId(e.resourceId).detailsJson(JsonDetailsCodec.read(e.details))
                .timestamp(e.timestamp).ipAddress(e.ipAddress).userAgent(e.userAgent).success(e.success)
                .failureReason(e.failureReason).build();
    }

    public static DataAccessEntry toDomain(DataAccessLogEntity e) {
        return new DataAccessEntry(FacilityId.of(e.facilityId), e.userId == null ? null : UserId.of(e.userId),
                ResidentId.of(e.residentId), DataAccessType.fromCode(e.accessType), e.accessedAt);
    }

    private static Double dbl(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
