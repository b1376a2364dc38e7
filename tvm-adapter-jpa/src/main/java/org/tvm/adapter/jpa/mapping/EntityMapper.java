package org.tvm.adapter.jpa.mapping;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Point;
import org.tvm.adapter.sql.GeometryCodec;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationId;
import org.tvm.domain.facility.LocationKind;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
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
import org.tvm.ports.crypto.CipherContext;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.adapter.jpa.entity.MissionEntity;
import org.tvm.adapter.jpa.entity.ResidentEntity;
import org.tvm.adapter.jpa.entity.VehicleEntity;
import org.tvm.adapter.jpa.entity.FacilityEntity;
import org.tvm.adapter.jpa.entity.UserEntity;
import org.tvm.adapter.jpa.entity.LocationEntity;
import org.tvm.adapter.jpa.entity.MissionEventEntity;

/**
 * Maps between the annotation-free domain and the entities (buckpal's {@code AccountMapper} habit).
 * Sensitive fields are sealed on the way in and opened on the way out with the row's associated data (facility, table,
 * column, row id), so a sealed value copied to another row or facility never opens. The append-only log rows, read
 * back only, are mapped by {@link LogEntityMapper}.
 */
public final class EntityMapper {

    private final FieldCipher cipher;

    public EntityMapper(FieldCipher cipher) {
        this.cipher = cipher;
    }

    // ------------------------------------------------------------------ geometry / small values

    public static Point point(GeoPoint p) {
        return GeometryCodec.point(p);
    }

    public static GeoPoint geoPoint(Point p) {
        return GeometryCodec.geoPoint(p);
    }

    private static UUID uuid(Object typedId) {
        if (typedId == null) {
            return null;
        }
        if (typedId instanceof FacilityId f) {
            return f.value();
        }
        if (typedId instanceof ResidentId r) {
            return r.value();
        }
        if (typedId instanceof VehicleId v) {
            return v.value();
        }
        if (typedId instanceof MissionId m) {
            return m.value();
        }
        if (typedId instanceof UserId u) {
            return u.value();
        }
        if (typedId instanceof LocationId l) {
            return l.value();
        }
        throw new IllegalArgumentException("not a typed id: " + typedId.getClass());
    }

    private static String phone(PhoneNumber p) {
        return p == null ? null : p.value();
    }

    private static PhoneNumber phone(String s) {
        return s == null ? null : PhoneNumber.of(s);
    }

    private static boolean bool(Boolean b) {
        return b != null && b;
    }

    // ------------------------------------------------------------------ facility / location

    public FacilityEntity toEntity(Facility f) {
        FacilityEntity e = new FacilityEntity();
        e.id = f.id().value();
        e.name = f.name();
        e.address = f.address();
        e.timezone = f.timezone().getId();
        e.createdAt = f.createdAt();
        e.updatedAt = f.updatedAt();
        return e;
    }

    public Facility toDomain(FacilityEntity e) {
        return Facility.builder().id(FacilityId.of(e.id)).name(e.name).address(e.address).timezone(ZoneId.of(e.timezone))
                .createdAt(e.createdAt).updatedAt(e.updatedAt).build();
    }

    public LocationEntity toEntity(Location l) {
        LocationEntity e = new LocationEntity();
        e.id = l.id().value();
        e.facilityId = l.facilityId().value();
        e.name = l.name();
        e.kind = l.kind().code();
        e.coordinates = point(l.point());
        e.zone = l.zone();
        e.createdAt = l.createdAt();
        e.updatedAt = l.updatedAt();
        return e;
    }

    public Location toDomain(LocationEntity e) {
        return Location.builder().id(LocationId.of(e.id)).facilityId(FacilityId.of(e.facilityId)).name(e.name)
                .kind(LocationKind.fromCode(e.kind)).point(geoPoint(e.coordinates)).zone(e.zone)
                .createdAt(e.createdAt).updatedAt(e.updatedAt).build();
    }

    // ------------------------------------------------------------------ residents (sealed medical notes)

    public ResidentEntity toEntity(Resident r) {
        ResidentEntity e = new ResidentEntity();
        e.id = r.id().value();
        e.facilityId = r.facilityId().value();
        e.firstName = r.firstName();
        e.lastName = r.lastName();
        e.dateOfBirth = r.dateOfBirth();
        e.gender = r.gender() == null ? null : r.gender().code();
        e.phone = phone(r.phone());
        e.emergencyContactName = r.emergencyContactName();
        e.emergencyContactPhone = phone(r.emergencyContactPhone());
        e.medicalNotes = cipher.seal(r.medicalNotes() == null ? null : r.medicalNotes().reveal(),
                CipherContext.forResidentMedicalNotes(e.facilityId, e.id));
        e.wheelchairType = r.wheelchairType() == null ? null : r.wheelchairType().code();
        e.requiresAssistance = r.requiresAssistance();
        e.preferredLanguage = r.preferredLanguage();
        e.photoUrl = r.photoUrl();
        e.gdprConsent = r.gdprConsent();
        e.gdprConsentDate = r.gdprConsentDate();
        e.createdAt = r.createdAt();
        e.updatedAt = r.updatedAt();
        e.deletedAt = r.deletedAt();
        return e;
    }

    public Resident toDomain(ResidentEntity e) {
        String notes = cipher.open(e.medicalNotes, CipherContext.forResidentMedicalNotes(e.facilityId, e.id));
        return Resident.builder().id(ResidentId.of(e.id)).facilityId(FacilityId.of(e.facilityId))
                .firstName(e.firstName).lastName(e.lastName).dateOfBirth(e.dateOfBirth)
                .gender(e.gender == null ? null : Gender.fromCode(e.gender)).phone(phone(e.phone))
                .emergencyContactName(e.emergencyContactName).emergencyContactPhone(phone(e.emergencyContactPhone))
                .medicalNotes(notes == null ? null : SensitiveText.of(notes))
                .wheelchairType(e.wheelchairType == null ? null : WheelchairType.fromCode(e.wheelchairType))
                .requiresAssistance(bool(e.requiresAssistance))
                .preferredLanguage(e.preferredLanguage == null ? "en" : e.preferredLanguage).photoUrl(e.photoUrl)
                .gdprConsent(bool(e.gdprConsent)).gdprConsentDate(e.gdprConsentDate)
                .createdAt(e.createdAt).updatedAt(e.updatedAt).deletedAt(e.deletedAt).build();
    }

    // ------------------------------------------------------------------ vehicles

    public static Map<String, Object> locationJson(VehicleLocation l) {
        if (l == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lat", l.point().latitude());
        m.put("lon", l.point().longitude());
        m.put("zone", l.zone());
        return m;
    }

    public static VehicleLocation location(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Object lat = m.get("lat");
        Object lon = m.get("lon");
        Object zone = m.get("zone");
        return VehicleLocation.of(((Number) lat).doubleValue(), ((Number) lon).doubleValue(), (String) zone);
    }

    public VehicleEntity toEntity(Vehicle v) {
        VehicleEntity e = new VehicleEntity();
        e.id = v.id().value();
        e.facilityId = v.facilityId().value();
        copyMutable(v, e);
        e.version = v.version();
        e.createdAt = v.createdAt();
        e.deletedAt = v.deletedAt();
        return e;
    }

    /** The fields an update overwrites. */
    public static void copyMutable(Vehicle v, VehicleEntity e) {
        e.name = v.name();
        e.serialNumber = v.serialNumber();
        e.model = v.model();
        e.firmwareVersion = v.firmwareVersion();
        e.status = v.status().code();
        e.currentMissionId = uuid(v.currentMissionId());
        e.currentLocation = locationJson(v.currentLocation());
        e.batteryLevel = v.batteryLevel();
        e.lastHeartbeat = v.lastHeartbeat();
        e.maxPayloadKg = v.maxPayloadKg();
        e.maxSpeedMps = v.maxSpeedMps();
        e.lastMaintenanceDate = v.lastMaintenanceDate();
        e.nextMaintenanceDue = v.nextMaintenanceDue();
        e.totalDistanceKm = v.totalDistanceKm();
        e.totalMissions = v.totalMissions();
        e.updatedAt = v.updatedAt();
    }

    public Vehicle toDomain(VehicleEntity e) {
        return Vehicle.builder().id(VehicleId.of(e.id)).facilityId(FacilityId.of(e.facilityId)).name(e.name)
                .serialNumber(e.serialNumber).model(e.model).firmwareVersion(e.firmwareVersion)
                .status(VehicleStatus.fromCode(e.status))
                .currentMissionId(e.currentMissionId == null ? null : MissionId.of(e.currentMissionId))
                .currentLocation(location(e.currentLocation)).batteryLevel(e.batteryLevel).lastHeartbeat(e.lastHeartbeat)
                .maxPayloadKg(e.maxPayloadKg == null ? 150 : e.maxPayloadKg)
                .maxSpeedMps(e.maxSpeedMps == null ? new BigDecimal("2.0") : e.maxSpeedMps)
                .lastMaintenanceDate(e.lastMaintenanceDate).nextMaintenanceDue(e.nextMaintenanceDue)
                .totalDistanceKm(e.totalDistanceKm == null ? new BigDecimal("0.00") : e.totalDistanceKm)
                .totalMissions(e.totalMissions == null ? 0 : e.totalMissions).version(e.version)
                .createdAt(e.createdAt).updatedAt(e.updatedAt).deletedAt(e.deletedAt).build();
    }

    // ------------------------------------------------------------------ missions

    public MissionEntity toEntity(Mission m) {
        MissionEntity e = new MissionEntity();
        e.id = m.id().value();
        e.facilityId = m.facilityId().value();
        e.residentId = m.residentId().value();
        e.createdByUserId = m.createdBy().value();
        e.createdAt = m.createdAt();
        e.deletedAt = m.deletedAt();
        copyMutable(m, e);
        return e;
    }

    public static void copyMutable(Mission m, MissionEntity e) {
        e.vehicleId = uuid(m.vehicleId());
        e.pickupLocation = m.pickup().label();
        e.pickupCoordinates = point(m.pickup().coordinates());
        e.dropoffLocation = m.dropoff().label();
        e.dropoffCoordinates = point(m.dropoff().coordinates());
        e.priority = m.priority().code();
        e.status = m.status().code();
        e.scheduledAt = m.scheduledAt();
        e.assignedAt = m.assignedAt();
        e.startedAt = m.startedAt();
        e.completedAt = m.completedAt();
        e.notes = m.notes();
        e.failureReason = m.failureReason();
        e.lastProgress = m.lastProgress() == null ? null : m.lastProgress().code();
        e.version = m.version();
        e.updatedAt = m.updatedAt();
    }

    public Mission toDomain(MissionEntity e) {
        return Mission.builder().id(MissionId.of(e.id)).facilityId(FacilityId.of(e.facilityId))
                .residentId(ResidentId.of(e.residentId)).vehicleId(e.vehicleId == null ? null : VehicleId.of(e.vehicleId))
                .createdBy(UserId.of(e.createdByUserId))
                .pickup(Place.of(e.pickupLocation, geoPoint(e.pickupCoordinates)))
                .dropoff(Place.of(e.dropoffLocation, geoPoint(e.dropoffCoordinates)))
                .priority(MissionPriority.fromCode(e.priority)).status(MissionStatus.fromCode(e.status))
                .scheduledAt(e.scheduledAt).assignedAt(e.assignedAt).startedAt(e.startedAt).completedAt(e.completedAt)
                .notes(e.notes).failureReason(e.failureReason)
                .lastProgress(e.lastProgress == null ? null : ProgressStep.fromCode(e.lastProgress))
                .version(e.version).createdAt(e.createdAt).updatedAt(e.updatedAt).deletedAt(e.deletedAt).build();
    }

    public MissionEvent toDomain(MissionEventEntity e) {
        return new MissionEvent(MissionId.of(e.missionId), FacilityId.of(e.facilityId), MissionEventType.fromCode(e.eventType),
                e.vehicleId == null ? null : VehicleId.of(e.vehicleId), JsonDetailsCodec.read(e.details),
                e.createdAt, e.createdByUserId == null ? null : UserId.of(e.createdByUserId));
    }

    // ------------------------------------------------------------------ users (sealed MFA secret)

    public UserEntity toEntity(User u) {
        UserEntity e = new UserEntity();
        e.id = u.id().value();
        e.facilityId = u.facilityId().value();
        e.createdAt = u.createdAt();
        e.deletedAt = u.deletedAt();
        copyMutable(u, e);
        return e;
    }

    public void copyMutable(User u, UserEntity e) {
        e.email = u.email().value();
        e.passwordHash = u.passwordHash().value();
        e.firstName = u.firstName();
        e.lastName = u.lastName();
        e.phone = phone(u.phone());
        e.status = u.status().code();
        e.emailVerified = u.emailVerified();
        e.emailVerificationToken = u.emailVerificationToken();
        e.mfaEnabled = u.mfaEnabled();
        e.mfaSecret = cipher.seal(u.mfaSecret() == null ? null : u.mfaSecret().reveal(),
                CipherContext.forUserMfaSecret(e.facilityId, e.id));
        e.passwordResetToken = u.passwordResetToken();
        e.passwordResetExpires = u.passwordResetExpires();
        e.lastLoginAt = u.lastLoginAt();
        e.lastLoginIp = u.lastLoginIp();
        e.updatedAt = u.updatedAt();
    }

    public User toDomain(UserEntity e) {
        String secret = cipher.open(e.mfaSecret, CipherContext.forUserMfaSecret(e.facilityId, e.id));
        return User.builder().id(UserId.of(e.id)).facilityId(FacilityId.of(e.facilityId)).email(EmailAddress.of(e.email))
                .passwordHash(PasswordHash.of(e.passwordHash)).firstName(e.firstName).lastName(e.lastName)
                .phone(phone(e.phone)).status(UserStatus.fromCode(e.status)).emailVerified(bool(e.emailVerified))
                .emailVerificationToken(e.emailVerificationToken).mfaEnabled(bool(e.mfaEnabled))
                .mfaSecret(secret == null ? null : SensitiveText.of(secret)).passwordResetToken(e.passwordResetToken)
                .passwordResetExpires(e.passwordResetExpires).lastLoginAt(e.lastLoginAt).lastLoginIp(e.lastLoginIp)
                .createdAt(e.createdAt).updatedAt(e.updatedAt).deletedAt(e.deletedAt).build();
    }
}
