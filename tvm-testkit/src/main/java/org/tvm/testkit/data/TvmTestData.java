package org.tvm.testkit.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
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
import org.tvm.domain.facility.LocationKind;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * Test-data builders with valid, unique defaults for every aggregate of the domain.
 *
 * <p>Every factory method returns a small fluent builder whose {@code build()} returns the domain object, e.g.
 * {@code TvmTestData.resident(facilityId).lastName("Zimmer").build()} or
 * {@code TvmTestData.mission(facilityId, residentId, userId).priority(MissionPriority.URGENT).build()}.
 * Names, e-mail addresses and serial numbers are unique per JVM and run (a per-run random token plus a counter), so
 * tests sharing one database never collide. Timestamps default to the instant the builder was created, truncated to
 * microseconds; pass {@code at(now)} to control them. {@code allFields()} fills every optional field (for round-trip
 * tests); {@code with(...)} gives access to the underlying domain builder for anything else.
 */
public final class TvmTestData {

    /** A valid bcrypt hash (cost 12) of the word "password"; only ever used as test data. */
    public static final String BCRYPT_HASH = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    /** A point in Berlin used as the default position; test locations are placed around it. */
    public static final GeoPoint BASE_POINT = GeoPoint.of(52.5200000, 13.4050000);

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = randomLetters(6);

    private TvmTestData() {
    }

    /** @return a fresh, per-JVM unique suffix made of the run token and a counter, e.g. {@code "qwerty-000042"} */
    /**
     * A details document with every JSON value kind: integers (also beyond {@code long}), exact decimals, booleans,
     * null, text with quotes, escapes and non-ASCII, arrays (also mixed and empty) and nested objects. Used by the
     * round-trip contracts of every {@code details} column.
     */
    public static JsonObject richDetails() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zone", "north");
        nested.put("depth", Map.of("level", 3, "path", List.of("a", "b")));
        nested.put("empty", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retry_count", 2);
        m.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        m.put("ratio", new java.math.BigDecimal("0.1250"));
        m.put("negative", -17.5);
        m.put("ok", true);
        m.put("failed", false);
        m.put("nothing", null);
        m.put("text", "quote \" backslash \\ tab \t \u00fcber \u65e5\u672c \ud83d\ude80");
        m.put("codes", List.of("VEH-NAV-001", 42, false));
        m.put("none", List.of());
        m.put("nested", nested);
        return JsonObject.of(m);
    }

    public static String unique() {
        return RUN + "-" + String.format(Locale.ROOT, "%06d", SEQUENCE.incrementAndGet());
    }

    /**
     * Fresh random UUIDs in ascending database order (the unsigned byte order PostgreSQL and H2 sort UUIDs by, which is
     * the order of their lower-case text): for tests of id tie-breaks that must not reuse fixed ids, so the suite can
     * run again on the same database.
     *
     * @param count how many, at least 1
     * @return {@code count} distinct UUIDs, smallest first
     */
    public static List<UUID> ascendingUuids(int count) {
        java.util.TreeMap<String, UUID> sorted = new java.util.TreeMap<>();
        while (sorted.size() < count) {
            UUID id = UUID.randomUUID();
            sorted.put(id.toString(), id);
        }
        return List.copyOf(sorted.values());
    }

    /** @return {@code length} random lower-case letters a-z (useful where digits are not allowed, e.g. permissions) */
    public static String randomLetters(int length) {
        StringBuilder sb = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** @return the current instant truncated to microseconds (the precision every store keeps) */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param metresNorth offset to the north in metres (may be negative)
     * @param metresEast  offset to the east in metres (may be negative)
     * @return a point at that offset from {@link #BASE_POINT} (flat-earth approximation, fine for a few km)
     */
    public static GeoPoint pointNearBase(double metresNorth, double metresEast) {
        double lat = BASE_POINT.latitude() + metresNorth / 111_320.0;
        double lon = BASE_POINT.longitude() + metresEast / (111_320.0 * Math.cos(Math.toRadians(BASE_POINT.latitude())));
        return GeoPoint.of(lat, lon);
    }

    /**
     * Great-circle (haversine) distance with the mean Earth radius, as documented by {@code Capability.SPATIAL_DISTANCE}
     * for adapters without spatial support: the domain's {@link GeoPoint#distanceTo} (proven in its own tests).
     */
    public static double haversineMeters(GeoPoint a, GeoPoint b) {
        return a.distanceTo(b);
    }

    // ------------------------------------------------------------------------------------------ factories

    public static FacilityData facility() {
        return new FacilityData();
    }

    public static LocationData location(FacilityId facilityId) {
        return new LocationData(facilityId);
    }

    public static ResidentData resident(FacilityId facilityId) {
        return new ResidentData(facilityId);
    }

    public static VehicleData vehicle(FacilityId facilityId) {
        return new VehicleData(facilityId);
    }

    public static UserData user(FacilityId facilityId) {
        return new UserData(facilityId);
    }

    public static MissionRequestData missionRequest(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
        return new MissionRequestData(facilityId, residentId, createdBy);
    }

    /** A mission creation: {@code build()} returns the transition of {@code Mission.request(...)} (for {@code insert}). */
    public static MissionData mission(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
        return new MissionData(facilityId, residentId, createdBy);
    }

    public static TelemetryData telemetry(FacilityId facilityId, VehicleId vehicleId) {
        return new TelemetryData(facilityId, vehicleId);
    }

    public static VehicleLogData vehicleLog(FacilityId facilityId, VehicleId vehicleId) {
        return new VehicleLogData(facilityId, vehicleId);
    }

    public static AuditEntryData auditEntry(FacilityId facilityId) {
        return new AuditEntryData(facilityId);
    }

    public static DataAccessData dataAccess(FacilityId facilityId, ResidentId residentId) {
        return new DataAccessData(facilityId, residentId);
    }

    // ------------------------------------------------------------------------------------------ builders

    /** Facility: unique name, an address, time zone Europe/Berlin. */
    public static final class FacilityData {
        private final Facility.Builder b = Facility.builder();

        private FacilityData() {
            b.name("Facility " + unique()).address("Hauptstrasse 1, 10115 Berlin").timezone(ZoneId.of("Europe/Berlin"))
                    .timestamps(TvmTestData.now());
        }

        public FacilityData id(FacilityId id) { b.id(id); return this; }
        public FacilityData name(String name) { b.name(name); return this; }
        public FacilityData address(String address) { b.address(address); return this; }
        public FacilityData timezone(ZoneId zone) { b.timezone(zone); return this; }
        public FacilityData at(Instant now) { b.timestamps(now); return this; }
        public FacilityData with(UnaryOperator<Facility.Builder> f) { f.apply(b); return this; }
        public Facility build() { return b.build(); }
    }

    /** Location: unique name, kind ROOM, a point near {@link #BASE_POINT}, zone "north". */
    public static final class LocationData {
        private final Location.Builder b = Location.builder();

        private LocationData(FacilityId facilityId) {
            b.facilityId(facilityId).name("Room " + unique()).kind(LocationKind.ROOM).point(pointNearBase(10, 20))
                    .zone("north").timestamps(TvmTestData.now());
        }

        public LocationData name(String name) { b.name(name); return this; }
        public LocationData kind(LocationKind kind) { b.kind(kind); return this; }
        public LocationData point(GeoPoint point) { b.point(point); return this; }
        public LocationData zone(String zone) { b.zone(zone); return this; }
        public LocationData at(Instant now) { b.timestamps(now); return this; }
        public LocationData with(UnaryOperator<Location.Builder> f) { f.apply(b); return this; }
        public Location build() { return b.build(); }
    }

    /** Resident: first name "Ada", unique last name, born 1941-03-14, language "en", no optional data. */
    public static final class ResidentData {
        private final Resident.Builder b = Resident.builder();

        private ResidentData(FacilityId facilityId) {
            b.facilityId(facilityId).firstName("Ada").lastName("Resident " + unique())
                    .dateOfBirth(LocalDate.of(1941, 3, 14)).preferredLanguage("en").timestamps(TvmTestData.now());
        }

        public ResidentData id(ResidentId id) { b.id(id); return this; }
        public ResidentData firstName(String name) { b.firstName(name); return this; }
        public ResidentData lastName(String name) { b.lastName(name); return this; }
        public ResidentData dateOfBirth(LocalDate date) { b.dateOfBirth(date); return this; }
        public ResidentData medicalNotes(String notes) { b.medicalNotes(SensitiveText.ofNullable(notes)); return this; }
        public ResidentData deletedAt(Instant at) { b.deletedAt(at); return this; }
        public ResidentData at(Instant now) { b.timestamps(now); return this; }

        /** Sets every optional field to a valid, non-default value (consent given at the creation instant). */
        public ResidentData allFields() {
            Resident probe = b.build();
            b.gender(Gender.NON_BINARY).phone(PhoneNumber.of("+4930123456789"))
                    .emergencyContactName("Grace Hopper").emergencyContactPhone(PhoneNumber.of("+4930987654321"))
                    .medicalNotes(SensitiveText.of("Allergic to penicillin; diabetic " + unique()))
                    .wheelchairType(WheelchairType.POWERED).requiresAssistance(true).preferredLanguage("pt-BR")
                    .photoUrl("https://photos.example.org/residents/" + probe.id() + ".jpg")
                    .gdprConsent(true).gdprConsentDate(probe.createdAt().minus(1, ChronoUnit.DAYS));
            return this;
        }

        public ResidentData with(UnaryOperator<Resident.Builder> f) { f.apply(b); return this; }
        public Resident build() { return b.build(); }
    }

    /** Vehicle: unique name, IDLE, never heard from (no heartbeat, battery or location), version 0. */
    public static final class VehicleData {
        private final Vehicle.Builder b = Vehicle.builder();

        private VehicleData(FacilityId facilityId) {
            b.facilityId(facilityId).name("TVM " + unique()).status(VehicleStatus.IDLE).timestamps(TvmTestData.now());
        }

        public VehicleData id(VehicleId id) { b.id(id); return this; }
        public VehicleData name(String name) { b.name(name); return this; }
        public VehicleData status(VehicleStatus status) { b.status(status); return this; }
        public VehicleData battery(Integer battery) { b.batteryLevel(battery); return this; }
        public VehicleData heartbeat(Instant at) { b.lastHeartbeat(at); return this; }
        public VehicleData location(GeoPoint point, String zone) { b.currentLocation(new VehicleLocation(point, zone)); return this; }
        public VehicleData currentMission(MissionId missionId) { b.currentMissionId(missionId); return this; }
        public VehicleData deletedAt(Instant at) { b.deletedAt(at); return this; }
        public VehicleData at(Instant now) { b.timestamps(now); return this; }

        /** Online at {@code now}: heartbeat at {@code now}, the given battery, located at {@code point} in zone "north". */
        public VehicleData onlineAt(Instant now, int battery, GeoPoint point) {
            b.lastHeartbeat(now).batteryLevel(battery).currentLocation(new VehicleLocation(point, "north"));
            return this;
        }

        /** Sets every optional field (except currentMissionId and deletedAt) to a valid, non-default value. */
        public VehicleData allFields() {
            Vehicle probe = b.build();
            b.serialNumber("SN-" + unique()).model("TVM-200 Carelift").firmwareVersion("3.14.159")
                    .status(VehicleStatus.CHARGING)
                    .currentLocation(new VehicleLocation(pointNearBase(-120, 75), "east wing"))
                    .batteryLevel(73).lastHeartbeat(probe.createdAt().minusSeconds(30)).maxPayloadKg(180)
                    .maxSpeedMps(new BigDecimal("1.7")).lastMaintenanceDate(LocalDate.of(2024, 11, 2))
                    .nextMaintenanceDue(LocalDate.of(2025, 5, 2)).totalDistanceKm(new BigDecimal("1234.56"))
                    .totalMissions(42).version(3);
            return this;
        }

        public VehicleData with(UnaryOperator<Vehicle.Builder> f) { f.apply(b); return this; }
        public Vehicle build() { return b.build(); }
    }

    /** User: unique e-mail, bcrypt hash, ACTIVE, e-mail not verified, no MFA. */
    public static final class UserData {
        private final User.Builder b = User.builder();

        private UserData(FacilityId facilityId) {
            b.facilityId(facilityId).email(EmailAddress.of("user." + unique() + "@tvm-test.example"))
                    .passwordHash(PasswordHash.of(BCRYPT_HASH)).firstName("Florence").lastName("Nightingale")
                    .status(UserStatus.ACTIVE).timestamps(TvmTestData.now());
        }

        public UserData id(UserId id) { b.id(id); return this; }
        public UserData email(String email) { b.email(EmailAddress.of(email)); return this; }
        public UserData firstName(String name) { b.firstName(name); return this; }
        public UserData lastName(String name) { b.lastName(name); return this; }
        public UserData status(UserStatus status) { b.status(status); return this; }
        public UserData mfaSecret(String secret) {
            b.mfaEnabled(secret != null).mfaSecret(SensitiveText.ofNullable(secret));
            return this;
        }
        public UserData deletedAt(Instant at) { b.deletedAt(at); return this; }
        public UserData at(Instant now) { b.timestamps(now); return this; }

        /** Sets every optional field to a valid, non-default value. */
        public UserData allFields() {
            User probe = b.build();
            b.phone(PhoneNumber.of("+15551234567")).status(UserStatus.PENDING_VERIFICATION).emailVerified(true)
                    .emailVerificationToken("verify-" + unique()).mfaEnabled(true)
                    .mfaSecret(SensitiveText.of("JBSWY3DPEHPK3PXP" + randomLetters(8).toUpperCase(Locale.ROOT)))
                    .passwordResetToken("reset-" + unique()).passwordResetExpires(probe.createdAt().plusSeconds(3600))
                    .lastLoginAt(probe.createdAt().minusSeconds(600)).lastLoginIp("2001:db8::7");
            return this;
        }

        public UserData with(UnaryOperator<User.Builder> f) { f.apply(b); return this; }
        public User build() { return b.build(); }
    }

    /** Mission request: pickup "Room 101" to "Physiotherapy", NORMAL priority, not scheduled. */
    public static final class MissionRequestData {
        private final MissionRequest.Builder b = MissionRequest.builder();

        private MissionRequestData(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
            b.id(MissionId.newId()).facilityId(facilityId).residentId(residentId).createdBy(createdBy)
                    .pickup(Place.of("Room 101", pointNearBase(0, 0))).dropoff(Place.of("Physiotherapy", pointNearBase(250, -40)))
                    .priority(MissionPriority.NORMAL);
        }

        public MissionRequestData id(MissionId id) { b.id(id); return this; }
        public MissionRequestData priority(MissionPriority priority) { b.priority(priority); return this; }
        public MissionRequestData pickup(Place place) { b.pickup(place); return this; }
        public MissionRequestData dropoff(Place place) { b.dropoff(place); return this; }
        public MissionRequestData scheduledAt(Instant at) { b.scheduledAt(at); return this; }
        public MissionRequestData notes(String notes) { b.notes(notes); return this; }
        public MissionRequestData with(UnaryOperator<MissionRequest.Builder> f) { f.apply(b); return this; }
        public MissionRequest build() { return b.build(); }
    }

    /** Mission creation ({@code Mission.request(request, now)}); {@code build()} returns the CREATED transition. */
    public static final class MissionData {
        private final MissionRequestData request;
        private Instant now = TvmTestData.now();

        private MissionData(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
            this.request = new MissionRequestData(facilityId, residentId, createdBy);
        }

        public MissionData id(MissionId id) { request.id(id); return this; }
        public MissionData priority(MissionPriority priority) { request.priority(priority); return this; }
        public MissionData pickup(Place place) { request.pickup(place); return this; }
        public MissionData dropoff(Place place) { request.dropoff(place); return this; }
        public MissionData scheduledAt(Instant at) { request.scheduledAt(at); return this; }
        public MissionData notes(String notes) { request.notes(notes); return this; }
        /** The creation instant (mission createdAt and the CREATED event time). */
        public MissionData at(Instant now) { this.now = Objects.requireNonNull(now, "now"); return this; }

        /** @return the creation transition to pass to {@code MissionRepository.insert} */
        public MissionTransition build() { return Mission.request(request.build(), now); }

        /** @return just the new pending mission */
        public Mission buildMission() { return build().mission(); }
    }

    /** Telemetry sample: at the builder's creation instant, position near base, battery 80, no errors. */
    public static final class TelemetryData {
        private final TelemetrySample.Builder b = TelemetrySample.builder();

        private TelemetryData(FacilityId facilityId, VehicleId vehicleId) {
            b.facilityId(facilityId).vehicleId(vehicleId).timestamp(TvmTestData.now()).position(pointNearBase(5, 5))
                    .speedMps(0.8).batteryLevel(80).errorCodes(List.of());
        }

        public TelemetryData at(Instant timestamp) { b.timestamp(timestamp); return this; }
        public TelemetryData position(GeoPoint point) { b.position(point); return this; }
        public TelemetryData battery(Integer battery) { b.batteryLevel(battery); return this; }
        public TelemetryData speed(Double speed) { b.speedMps(speed); return this; }
        public TelemetryData errorCodes(List<String> codes) { b.errorCodes(codes); return this; }

        /** Sets every optional field to a valid, non-default value. */
        public TelemetryData allFields() {
            b.position(pointNearBase(33.3, -12.1)).heading(271.25).speedMps(1.37).accelerationMps2(-0.42)
                    .batteryLevel(64).batteryVoltage(24.73).batteryCurrent(-3.15).lidarStatus(SensorStatus.OK)
                    .cameraStatus(SensorStatus.DEGRADED).imuStatus(SensorStatus.ERROR).cpuUsage(37).memoryUsageMb(1843)
                    .diskUsage(58).errorCodes(List.of("E_LIDAR_DIRTY", "W_LOW_TRACTION"));
            return this;
        }

        public TelemetryData with(UnaryOperator<TelemetrySample.Builder> f) { f.apply(b); return this; }
        public TelemetrySample build() { return b.build(); }
    }

    /** Vehicle log entry: INFO, code "NAV_OK", a message, details {"zone": "north"}. */
    public static final class VehicleLogData {
        private final VehicleLogEntry.Builder b = VehicleLogEntry.builder();

        private VehicleLogData(FacilityId facilityId, VehicleId vehicleId) {
            b.facilityId(facilityId).vehicleId(vehicleId).level(LogLevel.INFO).code("NAV_OK")
                    .message("Navigation step completed " + unique()).details(Map.of("zone", "north"))
                    .loggedAt(TvmTestData.now());
        }

        public VehicleLogData at(Instant loggedAt) { b.loggedAt(loggedAt); return this; }
        public VehicleLogData level(LogLevel level) { b.level(level); return this; }
        public VehicleLogData message(String message) { b.message(message); return this; }
        public VehicleLogData with(UnaryOperator<VehicleLogEntry.Builder> f) { f.apply(b); return this; }
        public VehicleLogEntry build() { return b.build(); }
    }

    /** Audit entry: action "mission.view" on a random mission id, successful, at the builder's creation instant. */
    public static final class AuditEntryData {
        private final AuditEntry.Builder b = AuditEntry.builder();

        private AuditEntryData(FacilityId facilityId) {
            b.facilityId(facilityId).action("mission.view").resourceType("mission").resourceId(UUID.randomUUID())
                    .timestamp(TvmTestData.now());
        }

        public AuditEntryData facilityId(FacilityId facilityId) { b.facilityId(facilityId); return this; }
        public AuditEntryData user(UserId userId, String email) { b.userId(userId).userEmail(email); return this; }
        public AuditEntryData action(String action) { b.action(action); return this; }
        public AuditEntryData resource(String type, UUID id) { b.resourceType(type).resourceId(id); return this; }
        public AuditEntryData at(Instant timestamp) { b.timestamp(timestamp); return this; }
        public AuditEntryData failed(String reason) { b.failed(reason); return this; }

        /**
         * Sets details, IP address and user agent to valid, non-default values. Does NOT set the user fields (set them with
         * {@link #user}) nor a failure reason (use {@link #failed}); an every-field round trip needs both entries.
         */
        public AuditEntryData allFields() {
            b.details(Map.of("reason", "routine check", "channel", "dashboard")).ipAddress("192.168.10.77")
                    .userAgent("Mozilla/5.0 (TVM test)");
            return this;
        }

        public AuditEntryData with(UnaryOperator<AuditEntry.Builder> f) { f.apply(b); return this; }
        public AuditEntry build() { return b.build(); }
    }

    /** Data-access entry: EXPORT by the system (no user) at the builder's creation instant. */
    public static final class DataAccessData {
        private final FacilityId facilityId;
        private final ResidentId residentId;
        private UserId userId;
        private DataAccessType type = DataAccessType.EXPORT;
        private Instant at = TvmTestData.now();

        private DataAccessData(FacilityId facilityId, ResidentId residentId) {
            this.facilityId = facilityId;
            this.residentId = residentId;
        }

        public DataAccessData user(UserId userId) { this.userId = userId; return this; }
        public DataAccessData type(DataAccessType type) { this.type = type; return this; }
        public DataAccessData at(Instant at) { this.at = at; return this; }
        public DataAccessEntry build() { return new DataAccessEntry(facilityId, userId, residentId, type, at); }
    }
}
