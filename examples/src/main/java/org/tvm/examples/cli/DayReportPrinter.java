package org.tvm.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.examples.demo.DayReport;
import org.tvm.examples.demo.FacilityDaySimulation;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.ports.query.VehicleKpis;

/** Prints a {@link DayReport} for a person: the operator dashboard, one timeline, the day's numbers, the timings. */
final class DayReportPrinter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_ACTIVE_ROWS = 15;

    private final PrintWriter out;

    DayReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(DayReport r, String adapter, String database) {
        var c = r.config();
        out.println();
        out.println("TVM demo: a simulated day at " + r.facilityName());
        out.println("  adapter " + adapter + " on " + database + ", seed " + c.seed() + " (same seed, same day)");
        out.printf(Locale.ROOT, "  %s to %s UTC, %s, %s, %s%n", DAY.format(r.start()), HM.format(r.end()),
                count(c.vehicles(), "vehicle"), count(c.residents(), "resident"), count(c.missions(), "mission"));

        Map<String, String> vehicleNames = new HashMap<>();
        r.fleet().forEach(v -> vehicleNames.put(v.id().toString(), v.name()));

        section("ACTIVE MISSIONS at " + HM.format(r.end()) + " UTC (operations query 1: urgent first, then oldest)");
        List<ActiveMissionView> active = r.activeMissions();
        if (active.isEmpty()) {
            out.println("  none - every request of the day was served");
        } else {
            TextTable t = new TextTable("PRIORITY", "STATUS", "RESIDENT", "PICKUP", "DROPOFF", "VEHICLE", "REQUESTED");
            active.stream().limit(MAX_ACTIVE_ROWS).forEach(m -> t.row(m.priority().code(), m.status().code(),
                    m.residentName(), m.pickupLocation(), m.dropoffLocation(), m.vehicleName(), HM.format(m.createdAt())));
            t.print(out, "  ");
            if (active.size() > MAX_ACTIVE_ROWS) {
                out.println("  ... and " + (active.size() - MAX_ACTIVE_ROWS) + " more");
            }
        }

        section("FLEET STATUS at " + HM.format(r.end()) + " UTC (operations query 2)");
        TextTable fleet = new TextTable("VEHICLE", "STATUS", ">BATTERY", "ZONE", "LAST HEARTBEAT", "CONNECTIVITY", ">TRIPS TODAY");
        for (FleetStatusView v : r.fleet()) {
            fleet.row(v.name(), v.status().code(), v.batteryLevel() == null ? null : v.batteryLevel() + "%", v.zone(),
                    v.lastHeartbeat() == null ? null : HMS.format(v.lastHeartbeat()), v.connectivity().code(),
                    r.tripsByVehicle().getOrDefault(v.id(), 0));
        }
        fleet.print(out, "  ");

        DayReport.MissionTimeline tl = r.timeline();
        if (tl != null) {
            section("MISSION TIMELINE (operations query 4) of mission " + tl.id());
            out.println("  " + tl.priority().code() + ": " + tl.residentName() + ", " + tl.pickup() + " -> " + tl.dropoff()
                    + ", vehicle " + tl.vehicleName());
            TextTable t = new TextTable("TIME", "EVENT", "DETAILS", "TRIGGERED BY");
            for (TimelineEntry e : tl.entries()) {
                t.row(HMS.format(e.at()), e.type().code(), details(e.details(), vehicleNames),
                        e.triggeredByEmail() == null ? "(robot)" : e.triggeredByEmail());
            }
            t.print(out, "  ");
        }

        section("THE DAY IN NUMBERS");
        int stillActive = r.missions(MissionStatus.PENDING) + r.missions(MissionStatus.ASSIGNED)
                + r.missions(MissionStatus.IN_PROGRESS);
        TextTable n = new TextTable("WHAT", ">COUNT", "NOTE");
        n.row("missions requested", r.missionsRequested(), String.format(Locale.ROOT,
                "%d completed, %d cancelled, %d failed, %d still active", r.missions(MissionStatus.COMPLETED),
                r.missions(MissionStatus.CANCELLED), r.missions(MissionStatus.FAILED), stillActive));
        n.row("mission events", grouped(r.missionEvents()), "created, assigned, started, 5 progress steps, end");
        n.row("telemetry rows", grouped(r.telemetryRows()), "every 10 s per vehicle, appended in one batch per minute");
        n.row("heartbeats", grouped(r.heartbeats()), "once a minute per online vehicle");
        n.row("vehicle log entries", grouped(r.vehicleLogEntries()), "battery low, charged, failures, recoveries");
        n.row("charging sessions", r.chargingSessions(), "below " + FacilityDaySimulation.MIN_DISPATCH_BATTERY + "% an idle vehicle leaves service to charge");
        n.row("resident records read", grouped(r.residentReads()), "each one logged as a GDPR data access");
        n.row("access checks", grouped(r.accessChecks()), r.accessDenied() + " denied as intended "
                + "(guest, caregiver for another's resident, nurse cancelling a colleague's mission)");
        org.tvm.domain.audit.ChainVerification chain = r.auditChain();
        n.row("audited changes", grouped(chain.auditEntries()), "written by the database in the same transaction");
        n.row("audit chain", chain.intact() ? "verified" : "BROKEN", chain.intact()
                ? grouped(chain.rowsChecked()) + " rows hash-chained, head sealed with an HMAC checkpoint"
                : chain.firstBreak().map(Object::toString).orElse(""));
        n.print(out, "  ");

        section("KPIs (read models over the mission summary, per UTC day)");
        TextTable k = new TextTable("DAY", ">REQUESTED", ">DONE", ">CANCELLED", ">FAILED", ">COMPLETION", ">WAIT MEAN s",
                ">WAIT P95 s", ">TRIP MEAN s", "CANCEL / FAIL REASONS");
        for (MissionDayKpis d : r.missionKpis()) {
            Map<String, Long> reasons = new java.util.TreeMap<>(d.cancellationsByReason());
            d.failuresByReason().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
            k.row(d.day(), d.requested(), d.byStatus().get(MissionStatus.COMPLETED), d.byStatus().get(MissionStatus.CANCELLED),
                    d.byStatus().get(MissionStatus.FAILED), percent(d.completionRate()), seconds(d.meanWaitSeconds()),
                    seconds(d.p95WaitSeconds()), seconds(d.meanTripSeconds()), reasons.isEmpty() ? "-" : reasons.toString());
        }
        k.print(out, "  ");
        TextTable f = new TextTable("VEHICLE", ">COMPLETED", ">UTILISATION", ">BUSY min", ">CHARGING min", ">ERRORS");
        for (VehicleKpis v : r.fleetKpis()) {
            f.row(v.name(), v.missionsCompleted(), String.format(Locale.ROOT, "%.0f%%", v.utilisation() * 100),
                    v.busy().toMinutes(), v.charging().toMinutes(), v.errors());
        }
        f.print(out, "  ");

        section("WALL-CLOCK COST PER UNIT OF WORK (one transaction each)");
        TextTable ops = new TextTable("KIND", ">COUNT", ">TOTAL ms", ">MEAN ms", ">P50 ms", ">P95 ms", ">MAX ms");
        for (DayReport.OperationStats s : r.operations()) {
            ops.row(s.kind(), grouped(s.count()), ms(s.totalMillis()), ms(s.meanMillis()), ms(s.p50Millis()),
                    ms(s.p95Millis()), ms(s.maxMillis()));
        }
        ops.print(out, "  ");
        double seconds = r.wallTime().toNanos() / 1e9;
        double appendMillis = r.operations().stream().filter(s -> s.kind().startsWith("telemetry batch"))
                .mapToDouble(DayReport.OperationStats::totalMillis).sum();
        out.printf(Locale.ROOT, "  %s transactions in %.1f s wall time (%s tx/s); %s simulated hours in %.1f s%n",
                grouped(r.transactions()), seconds, grouped(Math.round(r.transactionsPerSecond())), c.hours(), seconds);
        if (appendMillis > 0) {
            out.printf(Locale.ROOT, "  telemetry: %s rows appended at %s rows/s (append time only)%n",
                    grouped(r.telemetryRows()), grouped(Math.round(r.telemetryRows() / (appendMillis / 1000))));
        }
        out.flush();
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    private static String details(Map<String, String> details, Map<String, String> vehicleNames) {
        if (details.isEmpty()) {
            return "";
        }
        return details.entrySet().stream().map(e -> {
            if (e.getKey().equals("vehicle_id")) {
                return "vehicle " + vehicleNames.getOrDefault(e.getValue(), e.getValue());
            }
            return e.getKey() + ": " + e.getValue();
        }).collect(Collectors.joining(", "));
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f" : "%.2f", millis);
    }

    static String time(Instant at) {
        return HMS.format(at);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f%%", v.getAsDouble() * 100) : "-";
    }

    private static String seconds(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : "-";
    }
}
