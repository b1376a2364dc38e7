package org.tvm.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.ports.query.VehicleCandidate;
import org.tvm.ports.query.VehicleKpis;

/**
 * A simulated day at one care facility, driven entirely through the TVM ports: it creates the facility, staff in every
 * role, residents and a fleet; nurses and caregivers request transports (checked by the access rules); a dispatcher
 * claims pending missions and assigns the nearest idle vehicle with enough battery; vehicles drive, report every
 * progress step, stream telemetry in batches and heartbeats, run low and go charging; some missions are cancelled or
 * fail. At the end it reads the operator dashboard and returns a {@link DayReport}.
 *
 * <p>Time is simulated: the day advances in one-minute ticks from {@link Config#start()} and every timestamp written
 * derives from that simulated clock, so nothing sleeps and a day of eight hours runs in seconds. All randomness comes
 * from one {@link Random} seeded with {@link Config#seed()}: the same seed gives the same day (same requests, same
 * assignments, same outcomes; only generated ids and wall-clock timings differ). The simulation is single-threaded,
 * prints nothing and never exits the JVM; failures propagate as exceptions.
 */
public final class FacilityDaySimulation {

    /** Dispatch only vehicles with at least this battery level. */
    public static final int MIN_DISPATCH_BATTERY = 30;
    /** An idle vehicle below {@link #MIN_DISPATCH_BATTERY} goes charging; it is back in service at this level. */
    public static final int CHARGED_BATTERY = 95;

    private static final Duration TICK = Duration.ofMinutes(1);
    private static final int SAMPLES_PER_TICK = 6;
    private static final Duration SAMPLE_INTERVAL = TICK.dividedBy(SAMPLES_PER_TICK);
    private static final double SPEED_MPS = 1.4;
    private static final double DRAIN_DRIVING_PER_MINUTE = 0.5;
    private static final double DRAIN_IDLE_PER_MINUTE = 0.05;
    private static final double CHARGE_PER_MINUTE = 2.0;
    private static final int DASHBOARD_EVERY_MINUTES = 15;

    /**
     * How the day looks.
     *
     * @param vehicles     fleet size, 1..{@value #MAX_VEHICLES}
     * @param residents    residents of the facility, 1..{@value #MAX_RESIDENTS}
     * @param missions     transport requests during the day, 1..{@value #MAX_MISSIONS_PER_HOUR} per hour
     * @param hours        length of the simulated day, 1..{@value #MAX_HOURS}
     * @param seed         seed of all randomness (same seed, same day)
     * @param start        simulated start of the day (truncated to seconds); telemetry partitions are ensured for the
     *                     months from start to end
     * @param facilityName name of the facility to create
     */
    public record Config(int vehicles, int residents, int missions, int hours, long seed, Instant start,
            String facilityName) {

        public static final int MAX_VEHICLES = 500;
        public static final int MAX_RESIDENTS = 10_000;
        public static final int MAX_HOURS = 18;
        /** Requests per simulated hour at most: they are spread over the day at distinct seconds. */
        public static final int MAX_MISSIONS_PER_HOUR = 1_000;
        public static final int MAX_MISSIONS = MAX_HOURS * MAX_MISSIONS_PER_HOUR;
        public static final String DEFAULT_FACILITY_NAME = "Lindenhof Care Campus";

        /** @throws IllegalArgumentException if a value is out of range; NullPointerException for null start/name */
        public Config {
            range("vehicles", vehicles, 1, MAX_VEHICLES);
            range("residents", residents, 1, MAX_RESIDENTS);
            range("missions", missions, 1, MAX_MISSIONS);
            range("hours", hours, 1, MAX_HOURS);
            if (missions > hours * MAX_MISSIONS_PER_HOUR) {
                throw new IllegalArgumentException("missions must be at most " + MAX_MISSIONS_PER_HOUR
                        + " per simulated hour, " + hours * MAX_MISSIONS_PER_HOUR + " for " + hours + " h (was "
                        + missions + ")");
            }
            start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.SECONDS);
            Objects.requireNonNull(facilityName, "facilityName");
            if (facilityName.isBlank()) {
                throw new IllegalArgumentException("facilityName must not be blank");
            }
        }

        /**
         * A day starting today at 06:00 UTC (so the whole day stays within the current month's telemetry partition for
         * every allowed length).
         */
        public static Config of(int vehicles, int residents, int missions, int hours, long seed) {
            return new Config(vehicles, residents, missions, hours, seed, todayAtSixUtc(Clock.systemUTC()),
                    DEFAULT_FACILITY_NAME);
        }

        /** The defaults of {@code tvm demo}: 8 vehicles, 40 residents, 120 missions, 8 hours. */
        public static Config defaults(long seed) {
            return of(8, 40, 120, 8, seed);
        }

        /** @return this configuration starting at {@code newStart} */
        public Config withStart(Instant newStart) {
            return new Config(vehicles, residents, missions, hours, seed, newStart, facilityName);
        }

        /** @return this configuration for a facility named {@code name} */
        public Config withFacilityName(String name) {
            return new Config(vehicles, residents, missions, hours, seed, start, name);
        }

        /** @return the simulated end of the day */
        public Instant end() {
            return start.plus(Duration.ofHours(hours));
        }

        /** @return today's date (per {@code clock}, in UTC) at 06:00 UTC */
        public static Instant todayAtSixUtc(Clock clock) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC)).atTime(6, 0).toInstant(ZoneOffset.UTC);
        }

        private static void range(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (was " + value + ")");
            }
        }
    }

    /**
     * Where the day stands, reported after every simulated minute.
     *
     * @param simulatedNow      the simulated clock
     * @param minutesDone       simulated minutes done
     * @param minutesTotal      simulated minutes of the day
     * @param missionsRequested missions requested so far
     * @param missionsFinished  missions completed, cancelled or failed so far
     * @param missionsPlanned   missions the day will request
     */
    public record Progress(Instant simulatedNow, int minutesDone, int minutesTotal, int missionsRequested,
            int missionsFinished, int missionsPlanned) {

        /** @return done fraction, 0..1 */
        public double fraction() {
            return minutesTotal == 0 ? 1 : (double) minutesDone / minutesTotal;
        }
    }

    /** Receives {@link Progress} after every simulated minute (on the simulating thread). */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(Progress progress);
    }

    // ------------------------------------------------------------------------------------------------ state

    private final TvmPersistence persistence;
    private final TvmAdministration administration;
    private final Config config;
    private final Random random;
    private final OperationTimings timings = new OperationTimings();

    private FacilityId facilityId;
    private TvmContext system;
    private Staff admin;
    private Staff operator;
    private Staff guest;
    private final List<Staff> nurses = new ArrayList<>();
    private final List<Staff> caregivers = new ArrayList<>();
    private final List<ResidentInfo> residents = new ArrayList<>();
    private final Map<ResidentId, ResidentInfo> residentsById = new LinkedHashMap<>();
    private final List<VehicleSim> fleet = new ArrayList<>();
    private final List<PlannedMission> plan = new ArrayList<>();
    private final Map<MissionId, PlannedMission> planByMission = new LinkedHashMap<>();
    private int nextRequest;
    private int requested;
    private int finished;
    private long missionEvents;
    private long telemetryRows;
    private long heartbeats;
    private long vehicleLogEntries;
    private long residentReads;
    private long accessChecks;
    private long accessDenied;
    private int chargingSessions;
    private boolean guestTried;

    /**
     * @param persistence    the persistence to drive (application role)
     * @param administration its administrative entry point (creates the facility, ensures telemetry partitions)
     * @param config         the day
     */
    public FacilityDaySimulation(TvmPersistence persistence, TvmAdministration administration, Config config) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    /** Runs the day without progress reports. Can run once per instance. */
    public DayReport run() {
        return run(progress -> {
        });
    }

    /**
     * Runs the day. Can run once per instance.
     *
     * @param listener receives progress after each simulated minute
     * @return the report
     * @throws IllegalStateException if this instance already ran
     * @throws RuntimeException      whatever the persistence threw (the day stops there)
     */
    public DayReport run(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (facilityId != null) {
            throw new IllegalStateException("a FacilityDaySimulation runs once; create a new one");
        }
        long wallStart = System.nanoTime();
        Instant start = config.start();
        Instant end = config.end();
        setUp(start);
        planMissions(start, end);
        int totalMinutes = config.hours() * 60;
        listener.onProgress(new Progress(start, 0, totalMinutes, 0, 0, plan.size()));
        int minute = 0;
        for (Instant now = start.plus(TICK); !now.isAfter(end); now = now.plus(TICK)) {
            minute++;
            robotsReport(now);
            advanceMissions(now);
            chargeAndRecover(now);
            requestTransports(now);
            cancelMissions(now);
            dispatch(now);
            if (minute % DASHBOARD_EVERY_MINUTES == 0) {
                pollDashboard(now, minute % 60 == 0);
            }
            listener.onProgress(new Progress(now, minute, totalMinutes, requested, finished, plan.size()));
        }
        return report(end, Duration.ofNanos(System.nanoTime() - wallStart));
    }

    // ------------------------------------------------------------------------------------------------ setup

    private record Staff(UserId id, String name, RoleName role, TvmContext ctx) {
    }

    private record ResidentInfo(ResidentId id, String name, Campus.Place room, Staff caregiver) {
    }

    private static final String[] FIRST_NAMES = {"Anna", "Hans", "Maria", "Peter", "Elisabeth", "Walter", "Margrit",
        "Kurt", "Ruth", "Josef", "Heidi", "Ernst", "Gertrud", "Paul", "Rosa", "Fritz", "Verena", "Otto", "Lina", "Karl"};
    private static final String[] LAST_NAMES = {"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider",
        "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Graf", "Wyss"};
    private static final String[] LANGUAGES = {"de", "de", "de", "fr", "it", "en"};
    private static final String[] NOTES = {"Needs a blanket outdoors", "Oxygen bottle travels along",
        "Hearing aid: speak slowly", "Prefers the lake path", "Bring walking frame"};
    private static final String[] CANCEL_REASONS = {"Appointment moved", "Resident feels unwell",
        "Family visit cancelled", "Therapy rescheduled"};

    private void setUp(Instant t0) {
        Facility facility = Facility.create(config.facilityName(), "Seestrasse 12, 8002 Zürich", ZoneId.of("Europe/Zurich"), t0);
        facilityId = facility.id();
        system = TvmContext.system(facilityId);
        timings.time("setup: facility", () -> {
            administration.createFacility(facility);
            // the simulated day must land in existing telemetry partitions (a no-op where telemetry is not partitioned)
            administration.ensureTelemetryPartitions(YearMonth.from(t0.atZone(ZoneOffset.UTC)),
                    YearMonth.from(config.end().atZone(ZoneOffset.UTC)));
        });

        String domain = "lindenhof-" + facilityTag() + ".example";
        List<User> users = new ArrayList<>();
        List<RoleName> roles = new ArrayList<>();
        addUser(users, roles, "Sofia", "Keller", RoleName.ADMIN, domain, t0);
        addUser(users, roles, "Marco", "Brunner", RoleName.OPERATOR, domain, t0);
        addUser(users, roles, "Elena", "Rossi", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Lukas", "Weber", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Nina", "Graf", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Jonas", "Fischer", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Mia", "Schmid", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Noah", "Huber", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Tim", "Baumann", RoleName.MAINTENANCE, domain, t0);
        addUser(users, roles, "Front", "Desk", RoleName.GUEST, domain, t0);
        timings.time("setup: locations, staff, roles", () -> persistence.run(system, tx -> {
            for (Campus.Place p : Campus.places()) {
                tx.facilities().insertLocation(Location.builder().facilityId(facilityId).name(p.name()).kind(p.kind())
                        .point(p.point()).zone(p.zone()).timestamps(t0).build());
            }
            for (int i = 0; i < users.size(); i++) {
                tx.users().insert(users.get(i));
                tx.accessControl().grantRole(users.get(i).id(), roles.get(i));
            }
        }));
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            Staff s = new Staff(u.id(), u.firstName() + " " + u.lastName(), roles.get(i), TvmContext.of(facilityId, u.id()));
            switch (s.role()) {
                case ADMIN -> admin = s;
                case OPERATOR -> operator = s;
                case NURSE -> nurses.add(s);
                case CAREGIVER -> caregivers.add(s);
                case GUEST -> guest = s;
                default -> { }
            }
        }

        List<Resident> newResidents = new ArrayList<>();
        List<Campus.Place> rooms = Campus.rooms();
        for (int i = 0; i < config.residents(); i++) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            Instant admitted = t0.minus(Duration.ofDays(30 + random.nextInt(1500)));
            Resident r = Resident.builder().facilityId(facilityId).firstName(first).lastName(last)
                    .dateOfBirth(LocalDate.of(1928 + random.nextInt(22), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .gender(random.nextBoolean() ? Gender.FEMALE : Gender.MALE)
                    .phone(PhoneNumber.of("+4144" + (1_000_000 + random.nextInt(8_999_999))))
                    .emergencyContactName(pick(FIRST_NAMES) + " " + last)
                    .emergencyContactPhone(PhoneNumber.of("+4179" + (1_000_000 + random.nextInt(8_999_999))))
                    .medicalNotes(SensitiveText.of("Mobility level " + (1 + random.nextInt(4)) + "; fall risk "
                            + (random.nextBoolean() ? "high" : "moderate")))
                    .wheelchairType(WheelchairType.values()[random.nextInt(WheelchairType.values().length)])
                    .requiresAssistance(random.nextInt(3) == 0)
                    .preferredLanguage(pick(LANGUAGES))
                    .gdprConsent(true).gdprConsentDate(admitted)
                    .timestamps(admitted).build();
            newResidents.add(r);
            Staff caregiver = caregivers.get(i % caregivers.size());
            ResidentInfo info = new ResidentInfo(r.id(), first + " " + last, rooms.get(random.nextInt(rooms.size())), caregiver);
            residents.add(info);
            residentsById.put(r.id(), info);
        }
        timings.time("setup: residents, caregivers", () -> persistence.run(admin.ctx(), tx -> {
            for (Resident r : newResidents) {
                tx.residents().insert(r);
            }
            for (ResidentInfo r : residents) {
                tx.accessControl().assignCaregiver(r.caregiver().id(), r.id());
            }
        }));

        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < config.vehicles(); i++) {
            String name = String.format(Locale.ROOT, "TVM-%02d", i + 1);
            Campus.Place home = Campus.chargers().get(i % Campus.chargers().size());
            double lat = home.point().latitude() + Campus.latitudeDelta(random.nextGaussian() * 15);
            double lon = home.point().longitude() + Campus.longitudeDelta(random.nextGaussian() * 15, lat);
            // the first vehicle starts nearly empty so even a short day shows a charging cycle
            int battery = i == 0 ? 33 : 45 + random.nextInt(56);
            VehicleSim sim = new VehicleSim(VehicleId.newId(), name, lat, lon, battery);
            fleet.add(sim);
            vehicles.add(Vehicle.builder().id(sim.id).facilityId(facilityId).name(name)
                    .serialNumber("WM2-" + facilityTag() + "-" + (1001 + i))
                    .model("WheelMate Outdoor 2").firmwareVersion("3.4." + random.nextInt(5))
                    .status(VehicleStatus.IDLE).currentLocation(sim.location()).batteryLevel(battery).lastHeartbeat(t0)
                    .maxSpeedMps(new BigDecimal("1.5"))
                    .lastMaintenanceDate(LocalDate.ofInstant(t0, ZoneOffset.UTC).minusDays(10 + random.nextInt(80)))
                    .nextMaintenanceDue(LocalDate.ofInstant(t0, ZoneOffset.UTC).plusDays(10 + random.nextInt(80)))
                    .totalDistanceKm(BigDecimal.valueOf(200 + random.nextInt(3000)))
                    .totalMissions(100 + random.nextInt(900)).timestamps(t0.minus(Duration.ofDays(400))).build());
        }
        timings.time("setup: fleet", () -> persistence.run(system, tx -> vehicles.forEach(v -> tx.vehicles().insert(v))));
    }

    private void addUser(List<User> users, List<RoleName> roles, String first, String last, RoleName role, String domain,
            Instant t0) {
        users.add(User.builder().facilityId(facilityId)
                .email(EmailAddress.of(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + domain))
                .passwordHash(PasswordHash.of(placeholderBcrypt()))
                .firstName(first).lastName(last).emailVerified(true).timestamps(t0.minus(Duration.ofDays(200)))
                .build());
        roles.add(role);
    }

    /** A syntactically valid bcrypt string (cost 12) of random bytes: the demo never authenticates anybody. */
    private String placeholderBcrypt() {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder("$2b$12$");
        for (int i = 0; i < 53; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** The random tail of the facility id: keeps e-mails and serial numbers unique across facilities and runs. */
    private String facilityTag() {
        String id = facilityId.value().toString();
        return id.substring(id.length() - 8);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    // ------------------------------------------------------------------------------------------------ the plan

    private enum Fate { COMPLETE, CANCEL, ROUTE_BLOCKED, NOT_READY }

    private static final class PlannedMission {
        final Instant requestAt;
        Staff requester;
        Staff deniedFirst;              // a caregiver who first tries for a resident not assigned to her/him
        ResidentId deniedResident;
        ResidentInfo resident;
        Campus.Place pickup;
        Campus.Place dropoff;
        MissionPriority priority;
        Instant scheduledAt;
        String notes;
        Fate fate = Fate.COMPLETE;
        Instant cancelAt;
        MissionId missionId;
        boolean finished;

        PlannedMission(Instant requestAt) {
            this.requestAt = requestAt;
        }

        boolean due(Instant now) {
            return missionId != null && !finished && (scheduledAt == null || !scheduledAt.isAfter(now));
        }
    }

    private void planMissions(Instant start, Instant end) {
        long window = (long) (Duration.between(start, end).getSeconds() * 0.85);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < config.missions(); i++) {
            offsets.add(30 + (long) (random.nextDouble() * window));
        }
        offsets.sort(Comparator.naturalOrder());
        // strictly increasing creation times, all within [30 s, 30 s + window]: push collisions forward, then pull
        // back whatever a dense day pushed past the window (Config caps missions per hour, so they always fit)
        long[] at = new long[offsets.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = i == 0 ? offsets.get(0) : Math.max(offsets.get(i), at[i - 1] + 1);
        }
        for (int i = at.length - 1; i >= 0; i--) {
            at[i] = Math.min(at[i], i == at.length - 1 ? 30 + window : at[i + 1] - 1);
        }
        for (long offset : at) {
            PlannedMission p = new PlannedMission(start.plusSeconds(offset));
            boolean byCaregiver = random.nextInt(10) < 4;
            if (byCaregiver) {
                Staff caregiver = caregivers.get(random.nextInt(caregivers.size()));
                List<ResidentInfo> mine = residents.stream().filter(r -> r.caregiver().equals(caregiver)).toList();
                if (mine.isEmpty()) {
                    p.requester = nurses.get(random.nextInt(nurses.size()));
                    p.resident = residents.get(random.nextInt(residents.size()));
                } else {
                    p.requester = caregiver;
                    p.resident = mine.get(random.nextInt(mine.size()));
                    List<ResidentInfo> others = residents.stream().filter(r -> !r.caregiver().equals(caregiver)).toList();
                    if (!others.isEmpty() && random.nextInt(10) == 0) {
                        p.deniedFirst = caregiver;
                        p.deniedResident = others.get(random.nextInt(others.size())).id();
                    }
                }
            } else {
                p.requester = nurses.get(random.nextInt(nurses.size()));
                p.resident = residents.get(random.nextInt(residents.size()));
            }
            List<Campus.Place> destinations = Campus.destinations();
            Campus.Place destination = destinations.get(random.nextInt(destinations.size()));
            boolean outbound = random.nextInt(100) < 65;
            p.pickup = outbound ? p.resident.room() : destination;
            p.dropoff = outbound ? destination : p.resident.room();
            int roll = random.nextInt(100);
            p.priority = roll < 5 ? MissionPriority.URGENT : roll < 25 ? MissionPriority.HIGH
                    : roll < 85 ? MissionPriority.NORMAL : MissionPriority.LOW;
            if (p.priority != MissionPriority.URGENT && random.nextInt(100) < 30) {
                p.scheduledAt = p.requestAt.plus(Duration.ofMinutes(15 + 5 * random.nextInt(16)));
            }
            p.notes = random.nextInt(5) == 0 ? pick(NOTES) : null;
            plan.add(p);
        }
        // a fixed share of the day's missions is cancelled or fails, so even a short day shows every ending
        int n = plan.size();
        int cancels = n >= 4 ? Math.max(1, Math.round(n * 0.08f)) : 0;
        int failures = n >= 4 ? Math.max(1, Math.round(n * 0.05f)) : 0;
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            indices.add(i);
        }
        java.util.Collections.shuffle(indices, random);
        for (int k = 0; k < cancels + failures && k < indices.size(); k++) {
            PlannedMission p = plan.get(indices.get(k));
            if (k < cancels) {
                p.fate = Fate.CANCEL;
                if (p.priority == MissionPriority.URGENT) {
                    p.priority = MissionPriority.HIGH;
                }
                p.scheduledAt = p.requestAt.plus(Duration.ofMinutes(40 + 5 * random.nextInt(10)));
                p.cancelAt = p.requestAt.plus(Duration.ofMinutes(5 + random.nextInt(25)));
            } else {
                p.fate = random.nextBoolean() ? Fate.ROUTE_BLOCKED : Fate.NOT_READY;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ vehicles

    private enum Phase { IDLE, ASSIGNED, TO_PICKUP, AT_PICKUP, BOARDED, TO_DROPOFF, AT_DROPOFF, TO_CHARGER, CHARGING, ERROR }

    private static final class VehicleSim {
        final VehicleId id;
        final String name;
        double lat;
        double lon;
        double battery;
        Phase phase = Phase.IDLE;
        Campus.Place target;
        boolean arrived;
        Instant phaseUntil;
        Mission mission;
        double tripMetres;
        double metresDriven;
        int trips;
        double heading;
        final int diskUsage;

        VehicleSim(VehicleId id, String name, double lat, double lon, int battery) {
            this.id = id;
            this.name = name;
            this.lat = lat;
            this.lon = lon;
            this.battery = battery;
            this.diskUsage = 30 + Math.floorMod(name.hashCode(), 20);
        }

        boolean moving() {
            return target != null && !arrived
                    && (phase == Phase.TO_PICKUP || phase == Phase.TO_DROPOFF || phase == Phase.TO_CHARGER);
        }

        boolean online() {
            return phase != Phase.ERROR;
        }

        int batteryLevel() {
            return (int) Math.max(1, Math.min(100, Math.round(battery)));
        }

        VehicleLocation location() {
            return new VehicleLocation(GeoPoint.of(lat, lon), Campus.zoneAt(lat, lon));
        }

        void driveTo(Campus.Place place, Phase next) {
            target = place;
            arrived = false;
            phase = next;
        }
    }

    /** Every vehicle moves for a minute in 10-second steps, then the gateway appends the telemetry batch and heartbeats. */
    private void robotsReport(Instant now) {
        List<TelemetrySample> batch = new ArrayList<>(fleet.size() * SAMPLES_PER_TICK);
        for (VehicleSim v : fleet) {
            for (int step = SAMPLES_PER_TICK - 1; step >= 0; step--) {
                Instant at = now.minus(SAMPLE_INTERVAL.multipliedBy(step));
                boolean moving = v.moving();
                double seconds = SAMPLE_INTERVAL.getSeconds();
                if (moving) {
                    move(v, SPEED_MPS * seconds);
                    v.battery -= DRAIN_DRIVING_PER_MINUTE * seconds / 60;
                } else if (v.phase == Phase.CHARGING) {
                    v.battery = Math.min(100, v.battery + CHARGE_PER_MINUTE * seconds / 60);
                } else {
                    v.battery -= DRAIN_IDLE_PER_MINUTE * seconds / 60;
                }
                v.battery = Math.max(1, v.battery);
                if (v.online()) {
                    batch.add(sample(v, at, moving));
                }
            }
        }
        if (!batch.isEmpty()) {
            timings.time("telemetry batch append", () -> persistence.run(system, tx -> tx.telemetry().append(batch)));
            telemetryRows += batch.size();
        }
        List<VehicleSim> online = fleet.stream().filter(VehicleSim::online).toList();
        if (!online.isEmpty()) {
            timings.time("heartbeats (whole fleet)", () -> persistence.run(system, tx -> {
                for (VehicleSim v : online) {
                    tx.vehicles().recordHeartbeat(v.id, now, v.batteryLevel(), v.location());
                }
            }));
            heartbeats += online.size();
        }
    }

    private void move(VehicleSim v, double metres) {
        double[] d = Campus.offset(v.lat, v.lon, v.target.point().latitude(), v.target.point().longitude());
        double remaining = Math.hypot(d[0], d[1]);
        if (remaining > 0.01) {
            v.heading = (Math.toDegrees(Math.atan2(d[0], d[1])) + 360) % 360;
        }
        if (remaining <= metres) {
            v.lat = v.target.point().latitude();
            v.lon = v.target.point().longitude();
            v.arrived = true;
            v.tripMetres += remaining;
            v.metresDriven += remaining;
        } else {
            double f = metres / remaining;
            v.lat += Campus.latitudeDelta(d[1] * f);
            v.lon += Campus.longitudeDelta(d[0] * f, v.lat);
            v.tripMetres += metres;
            v.metresDriven += metres;
        }
    }

    private TelemetrySample sample(VehicleSim v, Instant at, boolean moving) {
        boolean charging = v.phase == Phase.CHARGING;
        int battery = v.batteryLevel();
        SensorStatus lidar = random.nextInt(400) == 0 ? SensorStatus.DEGRADED : SensorStatus.OK;
        return TelemetrySample.builder().vehicleId(v.id).facilityId(facilityId).timestamp(at)
                .position(GeoPoint.of(v.lat, v.lon)).heading(v.heading)
                .speedMps(moving ? SPEED_MPS + random.nextGaussian() * 0.05 : 0.0)
                .accelerationMps2(moving ? random.nextGaussian() * 0.1 : 0.0)
                .batteryLevel(battery).batteryVoltage(44.0 + battery * 0.08)
                .batteryCurrent(charging ? -24.0 : moving ? 14.0 + random.nextGaussian() : 1.2)
                .lidarStatus(lidar).cameraStatus(SensorStatus.OK).imuStatus(SensorStatus.OK)
                .cpuUsage(moving ? 45 + random.nextInt(30) : 10 + random.nextInt(15))
                .memoryUsageMb(1800 + random.nextInt(600)).diskUsage(v.diskUsage)
                .errorCodes(lidar == SensorStatus.DEGRADED ? List.of("W_LIDAR_DUST") : List.of())
                .build();
    }

    // ------------------------------------------------------------------------------------------------ missions

    /** Moves every vehicle's mission forward: start, each progress step, completion, or a planned failure. */
    private void advanceMissions(Instant now) {
        for (VehicleSim v : fleet) {
            switch (v.phase) {
                case ASSIGNED -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        progress(v, "mission start", tx -> apply(tx, v.mission.start(now, null)));
                        v.tripMetres = 0;
                        v.driveTo(place(v.mission.pickup()), Phase.TO_PICKUP);
                        PlannedMission p = planByMission.get(v.mission.id());
                        v.phaseUntil = p.fate == Fate.ROUTE_BLOCKED ? now.plus(TICK) : null;
                    }
                }
                case TO_PICKUP -> {
                    if (v.phaseUntil != null && !now.isBefore(v.phaseUntil) && !v.arrived) {
                        failMission(v, now, "Route blocked by an obstacle on the path", "E_OBSTACLE", true);
                    } else if (v.arrived) {
                        progress(v, "mission progress", tx -> {
                            apply(tx, v.mission.recordProgress(ProgressStep.PICKUP_ARRIVED, now, null));
                            setStatus(tx, v, VehicleStatus.DOCKING);
                        });
                        v.phase = Phase.AT_PICKUP;
                        v.phaseUntil = now.plus(Duration.ofMinutes(2 + random.nextInt(3)));
                    }
                }
                case AT_PICKUP -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        if (planByMission.get(v.mission.id()).fate == Fate.NOT_READY) {
                            failMission(v, now, "Resident not ready at pickup", "W_NOT_READY", false);
                        } else {
                            progress(v, "mission progress", tx ->
                                    apply(tx, v.mission.recordProgress(ProgressStep.PICKUP_COMPLETED, now, null)));
                            v.phase = Phase.BOARDED;
                        }
                    }
                }
                case BOARDED -> {
                    progress(v, "mission progress", tx -> {
                        apply(tx, v.mission.recordProgress(ProgressStep.IN_TRANSIT, now, null));
                        setStatus(tx, v, VehicleStatus.NAVIGATING);
                    });
                    v.driveTo(place(v.mission.dropoff()), Phase.TO_DROPOFF);
                }
                case TO_DROPOFF -> {
                    if (v.arrived) {
                        progress(v, "mission progress", tx -> {
                            apply(tx, v.mission.recordProgress(ProgressStep.DROPOFF_ARRIVED, now, null));
                            setStatus(tx, v, VehicleStatus.DOCKING);
                        });
                        v.phase = Phase.AT_DROPOFF;
                        v.phaseUntil = now.plus(Duration.ofMinutes(1 + random.nextInt(3)));
                    }
                }
                case AT_DROPOFF -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        completeMission(v, now);
                    }
                }
                default -> { }
            }
        }
    }

    private interface Work {
        void accept(TvmTransaction tx);
    }

    private void progress(VehicleSim v, String kind, Work work) {
        timings.time(kind, () -> persistence.run(system, work::accept));
    }

    /** Persists a transition; keeps the vehicle simulation's copy of the mission current. */
    private Mission apply(TvmTransaction tx, MissionTransition t) {
        Mission stored = tx.missions().apply(t);
        missionEvents++;
        for (VehicleSim v : fleet) {
            if (v.mission != null && v.mission.id().equals(stored.id())) {
                v.mission = stored;
            }
        }
        return stored;
    }

    private void setStatus(TvmTransaction tx, VehicleSim v, VehicleStatus status) {
        Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
        tx.vehicles().update(stored.withStatus(status));
    }

    private void completeMission(VehicleSim v, Instant now) {
        BigDecimal km = BigDecimal.valueOf(v.tripMetres / 1000).setScale(2, RoundingMode.HALF_UP);
        timings.time("mission completion", () -> persistence.run(system, tx -> {
            apply(tx, v.mission.recordProgress(ProgressStep.DROPOFF_COMPLETED, now, null));
            apply(tx, v.mission.complete(now, null));
            Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
            tx.vehicles().update(stored.released(true).addDistance(km));
        }));
        v.trips++;
        endMission(v, Phase.IDLE);
    }

    private void failMission(VehicleSim v, Instant now, String reason, String code, boolean vehicleFault) {
        BigDecimal km = BigDecimal.valueOf(v.tripMetres / 1000).setScale(2, RoundingMode.HALF_UP);
        MissionId missionId = v.mission.id();
        timings.time("mission failure", () -> persistence.run(system, tx -> {
            apply(tx, v.mission.fail(reason, now, null));
            Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
            Vehicle released = stored.released(false).addDistance(km);
            tx.vehicles().update(vehicleFault ? released.withStatus(VehicleStatus.ERROR) : released);
            tx.vehicles().appendLogs(List.of(VehicleLogEntry.builder().vehicleId(v.id).facilityId(facilityId)
                    .level(vehicleFault ? LogLevel.ERROR : LogLevel.WARN).code(code).message(reason)
                    .details(Map.of("mission_id", missionId.toString())).loggedAt(now).build()));
        }));
        vehicleLogEntries++;
        endMission(v, vehicleFault ? Phase.ERROR : Phase.IDLE);
        if (vehicleFault) {
            v.phaseUntil = now.plus(Duration.ofMinutes(8 + random.nextInt(6)));   // offline longer than the 5-minute window
        }
    }

    private void endMission(VehicleSim v, Phase next) {
        PlannedMission p = planByMission.get(v.mission.id());
        if (p != null && !p.finished) {
            p.finished = true;
            finished++;
        }
        v.mission = null;
        v.target = null;
        v.arrived = false;
        v.phase = next;
    }

    private static Campus.Place place(Place place) {
        for (Campus.Place p : Campus.places()) {
            if (p.name().equals(place.label())) {
                return p;
            }
        }
        throw new IllegalStateException("unknown place " + place.label());
    }

    // ------------------------------------------------------------------------------------------------ charging

    private void chargeAndRecover(Instant now) {
        for (VehicleSim v : fleet) {
            if (v.phase == Phase.IDLE && v.battery < MIN_DISPATCH_BATTERY) {
                int level = v.batteryLevel();
                timings.time("vehicle: go charging", () -> persistence.run(system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.startCharging());
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.WARN, "BATTERY_LOW",
                            "Battery at " + level + "%, going to charge", now)));
                }));
                vehicleLogEntries++;
                chargingSessions++;
                v.driveTo(Campus.nearestCharger(v.lat, v.lon), Phase.TO_CHARGER);
            } else if (v.phase == Phase.TO_CHARGER && v.arrived) {
                v.phase = Phase.CHARGING;
            } else if (v.phase == Phase.CHARGING && v.battery >= CHARGED_BATTERY) {
                int level = v.batteryLevel();
                timings.time("vehicle: back in service", () -> persistence.run(system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.withStatus(VehicleStatus.IDLE));
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.INFO, "CHARGED", "Charged to " + level + "%", now)));
                }));
                vehicleLogEntries++;
                v.phase = Phase.IDLE;
                v.target = null;
            } else if (v.phase == Phase.ERROR && !now.isBefore(v.phaseUntil)) {
                timings.time("vehicle: back in service", () -> persistence.run(system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.withStatus(VehicleStatus.IDLE));
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.INFO, "RECOVERED",
                            "Obstacle cleared, back in service", now)));
                }));
                vehicleLogEntries++;
                v.phase = Phase.IDLE;
            }
        }
    }

    private VehicleLogEntry log(VehicleSim v, LogLevel level, String code, String message, Instant at) {
        return VehicleLogEntry.builder().vehicleId(v.id).facilityId(facilityId).level(level).code(code).message(message)
                .loggedAt(at).build();
    }

    // ------------------------------------------------------------------------------------------------ requests

    private void requestTransports(Instant now) {
        if (!guestTried && guest != null) {
            // the front desk (guest role) may only look at the dashboard: the access rules refuse a request
            guestTried = true;
            tryDenied("access check (denied)", guest.ctx(),
                    tx -> tx.accessControl().requireCanRequestTransport(guest.id(), residents.get(0).id()));
        }
        while (nextRequest < plan.size() && !plan.get(nextRequest).requestAt.isAfter(now)) {
            PlannedMission p = plan.get(nextRequest++);
            if (p.deniedFirst != null) {
                tryDenied("access check (denied)", p.deniedFirst.ctx(),
                        tx -> tx.accessControl().requireCanRequestTransport(p.deniedFirst.id(), p.deniedResident));
            }
            Mission created = timings.time("request mission", () -> persistence.inTransaction(p.requester.ctx(), tx -> {
                tx.accessControl().requireCanRequestTransport(p.requester.id(), p.resident.id());
                Resident resident = tx.residents().findById(p.resident.id()).orElseThrow();   // logged data access
                MissionRequest request = MissionRequest.builder().facilityId(facilityId).residentId(resident.id())
                        .createdBy(p.requester.id())
                        .pickup(Place.of(p.pickup.name(), p.pickup.point()))
                        .dropoff(Place.of(p.dropoff.name(), p.dropoff.point()))
                        .priority(p.priority).scheduledAt(p.scheduledAt).notes(p.notes).build();
                MissionTransition t = Mission.request(request, p.requestAt);
                tx.missions().insert(t);
                return t.mission();
            }));
            accessChecks++;
            residentReads++;
            missionEvents++;
            requested++;
            p.missionId = created.id();
            planByMission.put(created.id(), p);
        }
    }

    /** Runs an access check that the rules must refuse; the refusal rolls its transaction back. */
    private void tryDenied(String kind, TvmContext ctx, Work work) {
        accessChecks++;
        try {
            timings.time(kind, () -> persistence.run(ctx, work::accept));
        } catch (AccessDeniedException expected) {
            accessDenied++;
            return;
        }
        throw new IllegalStateException("the access rules allowed what they must refuse (" + ctx + ")");
    }

    private void cancelMissions(Instant now) {
        for (PlannedMission p : plan) {
            if (p.fate != Fate.CANCEL || p.missionId == null || p.finished || p.cancelAt == null || p.cancelAt.isAfter(now)) {
                continue;
            }
            p.cancelAt = null;   // one attempt
            Staff canceller = p.requester.role() == RoleName.NURSE ? p.requester : operator;
            if (canceller.role() == RoleName.NURSE) {
                // a colleague may not cancel another nurse's mission
                nurses.stream().filter(n -> !n.equals(canceller)).findFirst().ifPresent(colleague ->
                        tryDenied("access check (denied)", colleague.ctx(), tx -> tx.accessControl()
                                .requireCanCancel(colleague.id(), tx.missions().findById(p.missionId).orElseThrow())));
            }
            String reason = pick(CANCEL_REASONS);
            Mission before = timings.time("cancel mission", () -> persistence.inTransaction(canceller.ctx(), tx -> {
                Mission m = tx.missions().findById(p.missionId).orElseThrow();
                tx.accessControl().requireCanCancel(canceller.id(), m);
                if (m.status() != MissionStatus.PENDING && m.status() != MissionStatus.ASSIGNED) {
                    return null;                             // too late: the resident is already on the way
                }
                apply(tx, m.cancel(reason, now, canceller.id()));
                if (m.vehicleId() != null) {
                    Vehicle v = tx.vehicles().findById(m.vehicleId()).orElseThrow();
                    tx.vehicles().update(v.released(false));
                }
                return m;
            }));
            accessChecks++;
            if (before == null) {
                continue;
            }
            VehicleSim bound = before.vehicleId() == null ? null
                    : fleet.stream().filter(v -> v.id.equals(before.vehicleId())).findFirst().orElse(null);
            if (bound != null) {
                endMission(bound, Phase.IDLE);
            } else if (!p.finished) {
                p.finished = true;
                finished++;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    /** The dispatcher claims due pending missions (urgent first) and assigns each the nearest suitable vehicle. */
    private void dispatch(Instant now) {
        long idle = fleet.stream().filter(v -> v.phase == Phase.IDLE && v.battery >= MIN_DISPATCH_BATTERY).count();
        Set<MissionId> onVehicles = new java.util.HashSet<>();
        fleet.forEach(v -> {
            if (v.mission != null) {
                onVehicles.add(v.mission.id());
            }
        });
        long due = plan.stream().filter(p -> p.due(now) && !assigned(p, onVehicles)).count();
        if (idle == 0 || due == 0) {
            return;
        }
        int limit = (int) Math.min(Math.min(idle, due), PageRequest.MAX_LIMIT);
        List<Mission> assigned = timings.time("dispatch (claim + assign)", () -> persistence.inTransaction(operator.ctx(), tx -> {
            List<Mission> result = new ArrayList<>();
            for (Mission m : tx.dispatch().claimNextPending(limit, now)) {
                GeoPoint at = m.pickup().coordinates();
                List<VehicleCandidate> candidates = tx.dispatch().nearestAvailable(at, MIN_DISPATCH_BATTERY, now, 1);
                if (candidates.isEmpty()) {
                    break;
                }
                result.add(tx.dispatch().assign(m.id(), candidates.get(0).vehicle().id(), now));
            }
            return result;
        }));
        for (Mission m : assigned) {
            missionEvents++;
            VehicleSim v = fleet.stream().filter(s -> s.id.equals(m.vehicleId())).findFirst().orElseThrow();
            v.mission = m;
            v.phase = Phase.ASSIGNED;
            v.phaseUntil = now.plus(Duration.ofMinutes(1 + random.nextInt(2)));
        }
    }

    private boolean assigned(PlannedMission p, Set<MissionId> onVehicles) {
        return onVehicles.contains(p.missionId);
    }

    private void pollDashboard(Instant now, boolean withTelemetry) {
        // query 1 shows resident names: it records data accesses, so it needs a writable transaction
        timings.time("dashboard (queries 1+2)", () -> persistence.inTransaction(operator.ctx(), tx -> {
            tx.operations().activeMissions(50);
            return tx.operations().fleetStatus(now);
        }));
        if (withTelemetry) {
            VehicleSim v = fleet.get(0);
            timings.time("recent telemetry (query 3)", () -> persistence.inReadOnlyTransaction(operator.ctx(),
                    tx -> tx.operations().recentTelemetry(v.id, now)));
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private DayReport report(Instant end, Duration wall) {
        record Dashboard(List<ActiveMissionView> active, List<FleetStatusView> fleet, Map<MissionStatus, Integer> counts,
                DayReport.MissionTimeline timeline, List<MissionDayKpis> missionKpis, List<VehicleKpis> fleetKpis) {
        }
        // the KPIs read the mission summary: refresh it first, as the nightly maintenance job would
        administration.refreshMissionSummary();
        // writable: the dashboard shows resident names, which records data accesses
        Dashboard d = timings.time("end-of-day report", () -> persistence.inTransaction(operator.ctx(), tx -> {
            Map<MissionStatus, Integer> counts = new EnumMap<>(MissionStatus.class);
            Mission showcase = null;
            for (MissionStatus status : MissionStatus.values()) {
                int count = 0;
                PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
                while (page != null) {
                    Page<Mission> missions = tx.missions().listByStatus(Set.of(status), page);
                    count += missions.items().size();
                    if (status == MissionStatus.COMPLETED) {
                        for (Mission m : missions.items()) {
                            if (showcase == null || m.priority().rank() < showcase.priority().rank()
                                    || m.priority() == showcase.priority() && m.createdAt().isBefore(showcase.createdAt())) {
                                showcase = m;
                            }
                        }
                    }
                    page = missions.nextRequest(PageRequest.MAX_LIMIT).orElse(null);
                }
                counts.put(status, count);
            }
            DayReport.MissionTimeline timeline = null;
            if (showcase != null) {
                List<TimelineEntry> entries = tx.operations().missionTimeline(showcase.id());
                String vehicleName = tx.vehicles().findByIdIncludingDeleted(showcase.vehicleId()).map(Vehicle::name).orElse("?");
                timeline = new DayReport.MissionTimeline(showcase.id(), showcase.priority(),
                        residentsById.get(showcase.residentId()).name(), showcase.pickup().label(),
                        showcase.dropoff().label(), vehicleName, entries);
            }
            LocalDate firstDay = LocalDate.ofInstant(config.start(), ZoneOffset.UTC);
            return new Dashboard(tx.operations().activeMissions(50), tx.operations().fleetStatus(end), counts, timeline,
                    tx.kpis().missionDays(firstDay, LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(1)),
                    tx.kpis().fleet(config.start(), end));
        }));
        Map<VehicleId, Integer> trips = new LinkedHashMap<>();
        fleet.forEach(v -> trips.put(v.id, v.trips));
        return new DayReport(facilityId, config.facilityName(), config, d.counts(), missionEvents, telemetryRows,
                heartbeats, vehicleLogEntries, residentReads, accessChecks, accessDenied, chargingSessions, d.active(),
                d.fleet(), trips, d.timeline(), sealAndVerifyAuditChain(), d.missionKpis(), d.fleetKpis(), timings.summary(), wall);
    }

    /**
     * The day's audit trail: sealed with a key made for this run (a real deployment keeps its key outside the database,
     * see {@code bin/tvm audit}), then verified from the first row.
     */
    private org.tvm.domain.audit.ChainVerification sealAndVerifyAuditChain() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        org.tvm.ports.AuditTrail trail = administration.auditTrail(org.tvm.domain.audit.AuditChainKey.of("demo", secret));
        org.tvm.domain.audit.ChainVerification before = trail.verify(facilityId.value());
        if (!before.intact()) {
            return before; // reported as broken; never sign a broken chain
        }
        trail.seal(facilityId.value(), config.end());
        return trail.verify(facilityId.value());
    }
}
