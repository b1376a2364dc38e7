package org.tvm.adapter.mybatis.mapping;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.tvm.adapter.mybatis.row.AuditRow;
import org.tvm.adapter.mybatis.row.DataAccessRow;
import org.tvm.adapter.mybatis.row.FacilityRow;
import org.tvm.adapter.mybatis.row.LocationRow;
import org.tvm.adapter.mybatis.row.MissionEventRow;
import org.tvm.adapter.mybatis.row.MissionRow;
import org.tvm.adapter.mybatis.row.ResidentRow;
import org.tvm.adapter.mybatis.row.TelemetryRow;
import org.tvm.adapter.mybatis.row.UserRow;
import org.tvm.adapter.mybatis.row.VehicleLogRow;
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationId;
import org.tvm.domain.facility.LocationKind;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.crypto.CipherContext;
import org.tvm.ports.crypto.FieldCipher;

/**
 * Maps flat rows to domain aggregates and back (the buckpal habit: the mapper lives in the adapter, the domain has no
 * annotations). Sensitive columns are sealed here on the way in and opened on the way out, with the row's associated
 * data (facility, table, column, row id).
 */
public final class RowMapper {

    private final FieldCipher cipher;

    public RowMapper(FieldCipher cipher) {
        this.cipher = cipher;
    }

    // ------------------------------------------------------------------------------------------ facility

    public static FacilityRow row(Facility f) {
        FacilityRow r = new FacilityRow();
        r.id = f.id().value();
        r.name = f.name();
        r.address = f.address();
        r.timezone = f.timezone().getId();
        r.createdAt = f.createdAt();
        r.updatedAt = f.updatedAt();
        return r;
    }

    public static Facility facility(FacilityRow r) {
        return Facility.builder().id(FacilityId.of(r.id)).name(r.name).address(r.address)
                .timezone(ZoneId.of(r.timezone)).createdAt(r.createdAt).updatedAt(r.updatedAt).build();
    }

    public static LocationRow row(Location l) {
        LocationRow r = new LocationRow();
        r.id = l.id().value();
        r.facilityId = l.facilityId().value();
        r.name = l.name();
        r.kind = l.kind().code();
        r.coordinates = l.point();
        r.zone = l.zone();
        r.createdAt = l.createdAt();
        r.updatedAt = l.updatedAt();
        return r;
    }

    public static Location location(LocationRow r) {
        return Location.builder().id(LocationId.of(r.id)).facilityId(FacilityId.of(r.facilityId)).name(r.name)
                .kind(LocationKind.fromCode(r.kind)).point(r.coordinates).zone(r.zone).createdAt(r.createdAt)
                .updatedAt(r.updatedAt).build();
    }

    // ------------------------------------------------------------------------------------------ resident

    public ResidentRow row(Resident p) {
        ResidentRow r = new ResidentRow();
        r.id = p.id().value();
        r.facilityId = p.facilityId().value();
        r.firstName = p.firstName();
        r.lastName = p.lastName();
        r.dateOfBirth = p.dateOfBirth();
        r.gender = p.gender() == null ? null : p.gender().code();
        r.phone = p.phone() == null ? null : p.phone().value();
        r.emergencyContactName = p.emergencyContactName();
        r.emergencyContactPhone = p.emergencyContactPhone() == null ? null : p.emergencyContactPhone().value();
        r.medicalNotes = p.medicalNotes() == null ? null
                : cipher.seal(p.medicalNotes().reveal(), notesContext(r.facilityId, r.id));
        r.wheelchairType = p.wheelchairType() == null ? null : p.wheelchairType().code();
        r.requiresAssistance = p.requiresAssistance();
        r.preferredLanguage = p.preferredLanguage();
        r.photoUrl = p.photoUrl();
        r.gdprConsent = p.gdprConsent();
        r.gdprConsentDate = p.gdprConsentDate();
        r.createdAt = p.createdAt();
        r.updatedAt = p.updatedAt();
        r.deletedAt = p.deletedAt();
        return r;
    }

    public Resident resident(ResidentRow r) {
        String notes = cipher.open(r.medicalNotes, notesContext(r.facilityId, r.id));
        Resident.Builder b = Resident.builder().id(ResidentId.of(r.id)).facilityId(FacilityId.of(r.facilityId))
                .firstName(r.firstName).lastName(r.lastName).dateOfBirth(r.dateOfBirth)
                .gender(r.gender == null ? null : Gender.fromCode(r.gender))
                .phone(r.phone == null ? null : PhoneNumber.of(r.phone))
                .emergencyContactName(r.emergencyContactName)
                .emergencyContactPhone(r.emergencyContactPhone == null ? null : PhoneNumber.of(r.emergencyContactPhone))
                .medicalNotes(SensitiveText.ofNullable(notes))
                .wheelchairType(r.wheelchairType == null ? null : WheelchairType.fromCode(r.wheelchairType))
                .requiresAssistance(Boolean.TRUE.equals(r.requiresAssistance))
                .photoUrl(r.photoUrl).gdprConsent(Boolean.TRUE.equals(r.gdprConsent)).gdprConsentDate(r.gdprConsentDate)
                .createdAt(r.createdAt).updatedAt(r.updatedAt).deletedAt(r.deletedAt);
        if (r.preferredLanguage != null) {
            b.preferredLanguage(r.preferredLanguage);
        }
        return b.build();
    }

    private static CipherContext notesContext(java.util.UUID facility, java.util.UUID resident) {
        return CipherContext.forResidentMedicalNotes(facility, resident);
    }

    // ------------------------------------------------------------------------------------------ vehicle

    public static VehicleRow row(Vehicle v) {
        VehicleRow r = new VehicleRow();
        r.id = v.id().value();
        r.facilityId = v.facilityId().value();
        r.name = v.name();
        r.serialNumber = v.serialNumber();
        r.model = v.model();
        r.firmwareVersion = v.firmwareVersion();
        r.status = v.status().code();
        r.currentMissionId = v.currentMissionId() == null ? null : v.currentMissionId().value();
        r.currentLocation = v.currentLocation();
        r.batteryLevel = v.batteryLevel();
        r.lastHeartbeat = v.lastHeartbeat();
        r.maxPayloadKg = v.maxPayloadKg();
        r.maxSpeedMps = v.maxSpeedMps();
        r.lastMaintenanceDate = v.lastMaintenanceDate();
        r.nextMaintenanceDue = v.nextMaintenanceDue();
        r.totalDistanceKm = v.totalDistanceKm();
        r.totalMissions = v.totalMissions();
        r.version = v.version();
        r.createdAt = v.createdAt();
        r.updatedAt = v.updatedAt();
        r.deletedAt = v.deletedAt();
        return r;
    }

    public static Vehicle vehicle(VehicleRow r) {
        Vehicle.Builder b = Vehicle.builder().id(VehicleId.of(r.id)).facilityId(FacilityId.of(r.facilityId)).name(r.name)
                .serialNumber(r.serialNumber).model(r.model).firmwareVersion(r.firmwareVersion)
                .status(VehicleStatus.fromCode(r.status))
                .currentMissionId(r.currentMissionId == null ? null : MissionId.of(r.currentMissionId))
                .currentLocation(r.currentLocation).batteryLevel(r.batteryLevel).lastHeartbeat(r.lastHeartbeat)
                .lastMaintenanceDate(r.lastMaintenanceDate).nextMaintenanceDue(r.nextMaintenanceDue)
                .version(r.version == null ? 0 : r.version).createdAt(r.createdAt).updatedAt(r.updatedAt)
                .deletedAt(r.deletedAt);
        if (r.maxPayloadKg != null) {
            b.maxPayloadKg(r.maxPayloadKg);
        }
        if (r.maxSpeedMps != null) {
            b.maxSpeedMps(r.maxSpeedMps);
        }
        if (r.totalDistanceKm != null) {
            b.totalDistanceKm(r.totalDistanceKm);
        }
        if (r.totalMissions != null) {
            b.totalMissions(r.totalMissions);
        }
        return b.build();
    }

    public static VehicleLogRow row(VehicleLogEntry e) {
        VehicleLogRow r = new VehicleLogRow();
        r.facilityId = e.facilityId().value();
        r.vehicleId = e.vehicleId().value();
        r.level = e.level().code();
        r.code = e.code();
        r.message = e.message();
        r.details = e.detailsJson();
        r.loggedAt = e.loggedAt();
        return r;
    }

    public static VehicleLogEntry logEntry(VehicleLogRow r) {
        return VehicleLogEntry.builder().vehicleId(VehicleId.of(r.vehicleId)).facilityId(FacilityId.of(r.facilityId))
                .level(LogLevel.fromCode(r.level)).code(r.code).message(r.message)
                .detailsJson(r.details).loggedAt(r.loggedAt).build();
    }

    // ------------------------------------------------------------------------------------------ mission

    public static MissionRow row(Mission m) {
        MissionRow r = new MissionRow();
        r.id = m.id().value();
        r.facilityId = m.facilityId().value();
        r.residentId = m.residentId().value();
        r.vehicleId = m.vehicleId() == null ? null : m.vehicleId().value();
        r.createdByUserId = m.createdBy().value();
        r.pickupLocation = m.pickup().label();
        r.pickupCoordinates = m.pickup().coordinates();
        r.dropoffLocation = m.dropoff().label();
        r.dropoffCoordinates = m.dropoff().coordinates();
        r.priority = m.priority().code();
        r.status = m.status().code();
        r.scheduledAt = m.scheduledAt();
        r.assignedAt = m.assignedAt();
        r.startedAt = m.startedAt();
        r.completedAt = m.completedAt();
        r.notes = m.notes();
        r.failureReason = m.failureReason();
        r.lastProgress = m.lastProgress() == null ? null : m.lastProgress().code();
        r.version = m.version();
        r.createdAt = m.createdAt();
        r.updatedAt = m.updatedAt();
        r.deletedAt = m.deletedAt();
        return r;
    }

    public static Mission mission(MissionRow r) {
        return Mission.builder().id(MissionId.of(r.id)).facilityId(FacilityId.of(r.facilityId))
                .residentId(ResidentId.of(r.residentId)).vehicleId(r.vehicleId == null ? null : VehicleId.of(r.vehicleId))
                .createdBy(UserId.of(r.createdByUserId))
                .pickup(new Place(r.pickupLocation, r.pickupCoordinates))
                .dropoff(new Place(r.dropoffLocation, r.dropoffCoordinates))
                .priority(MissionPriority.fromCode(r.priority)).status(MissionStatus.fromCode(r.status))
                .scheduledAt(r.scheduledAt).assignedAt(r.assignedAt).startedAt(r.startedAt).completedAt(r.completedAt)
                .notes(r.notes).failureReason(r.failureReason)
                .lastProgress(r.lastProgress == null ? null : ProgressStep.fromCode(r.lastProgress))
                .version(r.version == null ? 0 : r.version).createdAt(r.createdAt).updatedAt(r.updatedAt)
                .deletedAt(r.deletedAt).build();
    }

    public static MissionEventRow row(MissionEvent e) {
        MissionEventRow r = new MissionEventRow();
        r.facilityId = e.facilityId().value();
        r.missionId = e.missionId().value();
        r.vehicleId = e.vehicleId() == null ? null : e.vehicleId().value();
        r.eventType = e.type().code();
        r.details = e.detailsJson();
        r.createdAt = e.occurredAt();
        r.createdByUserId = e.triggeredBy() == null ? null : e.triggeredBy().value();
        return r;
    }

    public static MissionEvent event(MissionEventRow r) {
        return new MissionEvent(MissionId.of(r.missionId), FacilityId.of(r.facilityId),
                MissionEventType.fromCode(r.eventType), r.vehicleId == null ? null : VehicleId.of(r.vehicleId),
                r.details, r.createdAt,
                r.createdByUserId == null ? null : UserId.of(r.createdByUserId));
    }

    // ------------------------------------------------------------------------------------------ telemetry

    public static TelemetrySample telemetry(TelemetryRow r) {
        return TelemetrySample.builder().vehicleId(VehicleId.of(r.vehicleId)).facilityId(FacilityId.of(r.facilityId))
                .timestamp(r.timestamp)
                .position(r.latitude == null || r.longitude == null ? null
                        : new GeoPoint(r.latitude.doubleValue(), r.longitude.doubleValue()))
                .heading(dbl(r.heading)).speedMps(dbl(r.speedMps)).accelerationMps2(dbl(r.accelerationMps2))
                .batteryLevel(r.batteryLevel).batteryVoltage(dbl(r.batteryVoltage)).batteryCurrent(dbl(r.batteryCurrent))
                .lidarStatus(sensor(r.lidarStatus)).cameraStatus(sensor(r.cameraStatus)).imuStatus(sensor(r.imuStatus))
                .cpuUsage(r.cpuUsage).memoryUsageMb(r.memoryUsage).diskUsage(r.diskUsage)
                .errorCodes(r.errorCodes == null ? List.of() : r.errorCodes).build();
    }

    private static SensorStatus sensor(String code) {
        return code == null ? null : SensorStatus.fromCode(code);
    }

    public static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    public static Double dbl(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    // ------------------------------------------------------------------------------------------ user

    public UserRow row(User u) {
        UserRow r = new UserRow();
        r.id = u.id().value();
        r.facilityId = u.facilityId().value();
        r.email = u.email().value();
        r.passwordHash = u.passwordHash().value();
        r.firstName = u.firstName();
        r.lastName = u.lastName();
        r.phone = u.phone() == null ? null : u.phone().value();
        r.status = u.status().code();
        r.emailVerified = u.emailVerified();
        r.emailVerificationToken = u.emailVerificationToken();
        r.mfaEnabled = u.mfaEnabled();
        r.mfaSecret = u.mfaSecret() == null ? null
                : cipher.seal(u.mfaSecret().reveal(), CipherContext.forUserMfaSecret(r.facilityId, r.id));
        r.passwordResetToken = u.passwordResetToken();
        r.passwordResetExpires = u.passwordResetExpires();
        r.lastLoginAt = u.lastLoginAt();
        r.lastLoginIp = u.lastLoginIp();
        r.createdAt = u.createdAt();
        r.updatedAt = u.updatedAt();
        r.deletedAt = u.deletedAt();
        return r;
    }

    public User user(UserRow r) {
        String secret = cipher.open(r.mfaSecret, CipherContext.forUserMfaSecret(r.facilityId, r.id));
        return User.builder().id(UserId.of(r.id)).facilityId(FacilityId.of(r.facilityId)).email(EmailAddress.of(r.email))
                .passwordHash(PasswordHash.of(r.passwordHash)).firstName(r.firstName).lastName(r.lastName)
                .phone(r.phone == null ? null : PhoneNumber.of(r.phone)).status(UserStatus.fromCode(r.status))
                .emailVerified(Boolean.TRUE.equals(r.emailVerified)).emailVerificationToken(r.emailVerificationToken)
                .mfaEnabled(Boolean.TRUE.equals(r.mfaEnabled)).mfaSecret(SensitiveText.ofNullable(secret))
                .passwordResetToken(r.passwordResetToken).passwordResetExpires(r.passwordResetExpires)
                .lastLoginAt(r.lastLoginAt).lastLoginIp(r.lastLoginIp).createdAt(r.createdAt).updatedAt(r.updatedAt)
                .deletedAt(r.deletedAt).build();
    }

    // ------------------------------------------------------------------------------------------ audit

    public static AuditRow row(AuditEntry e, FacilityId facility) {
        AuditRow r = new AuditRow();
        r.facilityId = facility.value();
        r.userId = e.userId() == null ? null : e.userId().value();
        r.userEmail = e.userEmail();
        r.action = e.action();
        r.resourceType = e.resourceType();
        r.resourceId = e.resourceId();
        r.details = e.detailsJson();
        r.timestamp = e.timestamp();
        r.ipAddress = e.ipAddress();
        r.userAgent = e.userAgent();
        r.success = e.success();
        r.failureReason = e.failureReason();
        return r;
    }

    public static AuditEntry audit(AuditRow r) {
        return AuditEntry.builder().facilityId(r.facilityId == null ? null : FacilityId.of(r.facilityId))
                .userId(r.userId == null ? null : UserId.of(r.userId)).userEmail(r.userEmail).action(r.action)
                .resourceType(r.resourceType).resourceId(r.resourceId).detailsJson(r.details)
                .timestamp(r.timestamp).ipAddress(r.ipAddress).userAgent(r.userAgent)
                .success(Boolean.TRUE.equals(r.success)).failureReason(r.failureReason).build();
    }

    public static DataAccessRow row(DataAccessEntry e) {
        DataAccessRow r = new DataAccessRow();
        r.facilityId = e.facilityId().value();
        r.userId = e.userId() == null ? null : e.userId().value();
        r.residentId = e.residentId().value();
        r.accessType = e.accessType().code();
        r.accessedAt = e.accessedAt();
        return r;
    }

    public static DataAccessEntry dataAccess(DataAccessRow r) {
        return new DataAccessEntry(FacilityId.of(r.facilityId), r.userId == null ? null : UserId.of(r.userId),
                ResidentId.of(r.residentId), DataAccessType.fromCode(r.accessType), r.accessedAt);
    }
}
