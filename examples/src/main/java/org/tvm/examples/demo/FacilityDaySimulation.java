package org.tvm.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Random;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;

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
 *
 * <p>This class is the day's clock; the parts do the work, each tick in this order: the robots report
 * ({@code RobotGateway}), the vehicles move their missions on and charge ({@code VehicleOperations}), the care staff
 * request and cancel ({@code StaffRequests}), the operator dispatches and polls the dashboard ({@code Dispatcher}).
 * {@code DaySetup} and {@code MissionPlanner} run before the first tick, {@code EndOfDayReport} after the last; they
 * share {@code DayState}.
 */
public final class FacilityDaySimulation {

    /** Dispatch only vehicles with at least this battery level. */
    public static final int MIN_DISPATCH_BATTERY = 30;
    /** An idle vehicle below {@link #MIN_DISPATCH_BATTERY} goes charging; it is back in service at this level. */
    public static final int CHARGED_BATTERY = 95;

    /** One step of the simulated clock. */
    static final Duration TICK = Duration.ofMinutes(1);
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

    // the day's parts, called in a fixed order each tick; they share the state and its one seeded Random
    private final DayState day;
    private final DaySetup setup;
    private final MissionPlanner planner;
    private final RobotGateway robots;
    private final VehicleOperations vehicles;
    private final StaffRequests staff;
    private final Dispatcher dispatcher;
    private final EndOfDayReport endOfDay;

    /**
     * @param persistence    the persistence to drive (application role)
     * @param administration its administrative entry point (creates the facility, ensures telemetry partitions)
     * @param config         the day
     */
    public FacilityDaySimulation(TvmPersistence persistence, TvmAdministration administration, Config config) {
        this.day = new DayState(persistence, administration, config);
        this.setup = new DaySetup(day);
        this.planner = new MissionPlanner(day);
        this.robots = new RobotGateway(day);
        this.vehicles = new VehicleOperations(day);
        this.staff = new StaffRequests(day);
        this.dispatcher = new Dispatcher(day);
        this.endOfDay = new EndOfDayReport(day);
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
        if (day.facilityId != null) {
            throw new IllegalStateException("a FacilityDaySimulation runs once; create a new one");
        }
        long wallStart = System.nanoTime();
        Instant start = day.config.start();
        Instant end = day.config.end();
        setup.setUp(start);
        planner.planMissions(start, end);
        int totalMinutes = day.config.hours() * 60;
        listener.onProgress(new Progress(start, 0, totalMinutes, 0, 0, day.plan.size()));
        int minute = 0;
        for (Instant now = start.plus(TICK); !now.isAfter(end); now = now.plus(TICK)) {
            minute++;
            robots.robotsReport(now);
            vehicles.advanceMissions(now);
            vehicles.chargeAndRecover(now);
            staff.requestTransports(now);
            staff.cancelMissions(now);
            dispatcher.dispatch(now);
            if (minute % DASHBOARD_EVERY_MINUTES == 0) {
                dispatcher.pollDashboard(now, minute % 60 == 0);
            }
            listener.onProgress(new Progress(now, minute, totalMinutes, day.requested, day.finished, day.plan.size()));
        }
        return endOfDay.report(end, Duration.ofNanos(System.nanoTime() - wallStart));
    }
}
