package org.tvm.testkit.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.resident.ResidentId;

/**
 * Test-data builders with valid, unique defaults for every aggregate of the domain.
 *
 * <p>Every factory method returns a small fluent builder whose {@code build()} returns the domain object, e.g.
 * {@code TvmTestData.resident(facilityId).lastName("Zimmer").build()} or
 * {@code TvmTestData.mission(facilityId, residentId, userId).priority(MissionPriority.URGENT).build()}.
 * Names, e-mail addresses and serial numbers are unique per JVM and run (a per-run random token plus a counter), so
 * tests sharing one database never collide. Timestamps default to the instant the builder was created, truncated to
 * microseconds; pass {@code at(now)} to control them. {@code allFields()} fills every optional field (for round-trip
 * tests); {@code with(...)} gives access to the underlying domain builder for anything else. The builders are the
 * classes of this package named after what they build ({@link ResidentData}, {@link MissionData}, ...); only the factory
 * methods here create them.
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

    /** @return a fresh, per-JVM unique suffix made of the run token and a counter, e.g. {@code "qwerty-000042"} */
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
}
