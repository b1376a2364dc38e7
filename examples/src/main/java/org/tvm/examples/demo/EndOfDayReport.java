package org.tvm.examples.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tvm.domain.audit.AuditChainKey;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.AuditTrail;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.ports.query.VehicleKpis;

/**
 * After the last tick: the operator's end-of-day reads (dashboard, missions by status, one mission's timeline, KPIs),
 * the audit chain sealed and verified, and the day's counts, gathered into the {@link DayReport}.
 */
final class EndOfDayReport {

    private final DayState day;

    EndOfDayReport(DayState day) {
        this.day = day;
    }

    DayReport report(Instant end, Duration wall) {
        record Dashboard(List<ActiveMissionView> active, List<FleetStatusView> fleet, Map<MissionStatus, Integer> counts,
                DayReport.MissionTimeline timeline, List<MissionDayKpis> missionKpis, List<VehicleKpis> fleetKpis) {
        }
        // the KPIs read the mission summary: refresh it first, as the nightly maintenance job would
        day.administration.refreshMissionSummary();
        // writable: the dashboard shows resident names, which records data accesses
        Dashboard d = day.timings.time("end-of-day report", () -> day.persistence.inTransaction(day.operator.ctx(), tx -> {
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
                        day.residentsById.get(showcase.residentId()).name(), showcase.pickup().label(),
                        showcase.dropoff().label(), vehicleName, entries);
            }
            LocalDate firstDay = LocalDate.ofInstant(day.config.start(), ZoneOffset.UTC);
            return new Dashboard(tx.operations().activeMissions(50), tx.operations().fleetStatus(end), counts, timeline,
                    tx.kpis().missionDays(firstDay, LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(1)),
                    tx.kpis().fleet(day.config.start(), end));
        }));
        Map<VehicleId, Integer> trips = new LinkedHashMap<>();
        day.fleet.forEach(v -> trips.put(v.id, v.trips));
        return new DayReport(day.facilityId, day.config.facilityName(), day.config, d.counts(), day.missionEvents,
                day.telemetryRows, day.heartbeats, day.vehicleLogEntries, day.residentReads, day.accessChecks,
                day.accessDenied, day.chargingSessions, d.active(), d.fleet(), trips, d.timeline(),
                sealAndVerifyAuditChain(), d.missionKpis(), d.fleetKpis(), day.timings.summary(), wall);
    }

    /**
     * The day's audit trail: sealed with a key made for this run (a real deployment keeps its key outside the database,
     * see {@code bin/tvm audit}), then verified from the first row.
     */
    private ChainVerification sealAndVerifyAuditChain() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        AuditTrail trail = day.administration.auditTrail(AuditChainKey.of("demo", secret));
        ChainVerification before = trail.verify(day.facilityId.value());
        if (!before.intact()) {
            return before; // reported as broken; never sign a broken chain
        }
        trail.seal(day.facilityId.value(), day.config.end());
        return trail.verify(day.facilityId.value());
    }
}
