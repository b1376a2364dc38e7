package org.tvm.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.ports.query.VehicleKpis;

/**
 * What a {@link FacilityDaySimulation} produced: the operator dashboard at the end of the day (read through
 * {@link org.tvm.ports.OperationsQueries}), one mission's timeline, counts and the wall-clock cost per kind of work.
 *
 * @param facilityId        the simulated facility
 * @param facilityName      its name
 * @param config            the configuration the day ran with
 * @param missionsByStatus  missions of the facility by status, as stored at the end of the day (every status present)
 * @param missionEvents     mission events written (created, assigned, started, progress steps, terminal)
 * @param telemetryRows     telemetry samples appended (in batches)
 * @param heartbeats        heartbeats recorded
 * @param vehicleLogEntries vehicle log entries appended
 * @param residentReads     resident records read (each one writes a GDPR data-access entry)
 * @param accessChecks      access checks made through the access-control port
 * @param accessDenied      of which denied (deliberate attempts outside a user's rights)
 * @param chargingSessions  times a vehicle ran low and went charging
 * @param activeMissions    dashboard query 1 at the end of the day
 * @param fleet             dashboard query 2 at the end of the day
 * @param tripsByVehicle    missions each vehicle completed today
 * @param timeline          the timeline of one completed mission (query 4), or null if none completed
 * @param auditChain        the facility's audit hash chain, sealed with a per-run key and verified at the end of the day
 *                          (its audit entries are the changes the database audited automatically, plus the
 *                          resident data accesses)
 * @param missionKpis       mission KPIs per UTC day of the run (read model over the mission summary)
 * @param fleetKpis         per vehicle over the day: completed missions, utilisation, charging time, errors
 * @param operations        wall-clock timings per kind of unit of work, in first-use order
 * @param wallTime          wall-clock duration of the whole run (setup included)
 */
public record DayReport(FacilityId facilityId, String facilityName, FacilityDaySimulation.Config config,
        Map<MissionStatus, Integer> missionsByStatus, long missionEvents, long telemetryRows, long heartbeats,
        long vehicleLogEntries, long residentReads, long accessChecks, long accessDenied, int chargingSessions,
        List<ActiveMissionView> activeMissions, List<FleetStatusView> fleet, Map<VehicleId, Integer> tripsByVehicle,
        MissionTimeline timeline, org.tvm.domain.audit.ChainVerification auditChain, List<MissionDayKpis> missionKpis,
        List<VehicleKpis> fleetKpis, List<OperationStats> operations, Duration wallTime) {

    public DayReport {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(auditChain, "auditChain");
        missionsByStatus = Map.copyOf(missionsByStatus);
        activeMissions = List.copyOf(activeMissions);
        fleet = List.copyOf(fleet);
        tripsByVehicle = Map.copyOf(tripsByVehicle);
        missionKpis = List.copyOf(missionKpis);
        fleetKpis = List.copyOf(fleetKpis);
        operations = List.copyOf(operations);
    }

    /** @return the simulated start of the day */
    public Instant start() {
        return config.start();
    }

    /** @return the simulated end of the day */
    public Instant end() {
        return config.end();
    }

    /** @return missions requested during the day (all statuses) */
    public int missionsRequested() {
        return missionsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @param status a status @return missions in that status at the end of the day */
    public int missions(MissionStatus status) {
        return missionsByStatus.getOrDefault(status, 0);
    }

    /** @return units of work (transactions) run */
    public long transactions() {
        return operations.stream().mapToLong(OperationStats::count).sum();
    }

    /** @return transactions per wall-clock second */
    public double transactionsPerSecond() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds <= 0 ? 0 : transactions() / seconds;
    }

    /**
     * Wall-clock cost of one kind of unit of work.
     *
     * @param kind        what the work did, e.g. "request mission"
     * @param count       how many ran
     * @param totalMillis their total duration
     * @param meanMillis  mean duration
     * @param p50Millis   median
     * @param p95Millis   95th percentile
     * @param maxMillis   slowest
     */
    public record OperationStats(String kind, long count, double totalMillis, double meanMillis, double p50Millis,
            double p95Millis, double maxMillis) {
    }

    /**
     * One mission's story, for the report.
     *
     * @param id           mission id
     * @param priority     its priority
     * @param residentName who was transported
     * @param pickup       pickup label
     * @param dropoff      drop-off label
     * @param vehicleName  the vehicle that did it
     * @param entries      the timeline, oldest first (operations query 4)
     */
    public record MissionTimeline(MissionId id, MissionPriority priority, String residentName, String pickup,
            String dropoff, String vehicleName, List<TimelineEntry> entries) {

        public MissionTimeline {
            entries = List.copyOf(entries);
        }
    }
}
