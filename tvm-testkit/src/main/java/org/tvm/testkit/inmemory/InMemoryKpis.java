package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryMissions.EVENTS;
import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryVehicles.LOGS;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.query.KpiQueries;
import org.tvm.ports.query.Kpis;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.MissionFacts;
import org.tvm.ports.query.VehicleKpis;

/** {@link KpiQueries} over the transaction's view of its facility (always current: no materialized summary here). */
final class InMemoryKpis implements KpiQueries {

    private final InMemoryTransaction tx;

    InMemoryKpis(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<MissionDayKpis> missionDays(LocalDate fromInclusive, LocalDate toExclusive) {
        Kpis.checkDays(fromInclusive, toExclusive);
        tx.check();
        Instant from = Kpis.start(fromInclusive);
        Instant to = Kpis.start(toExclusive);
        return Kpis.missionDays(facts(tx.view()).stream()
                .filter(f -> !f.requestedAt().isBefore(from) && f.requestedAt().isBefore(to)).toList());
    }

    @Override
    public List<VehicleKpis> fleet(Instant fromInclusive, Instant toExclusive) {
        Kpis.checkWindow(fromInclusive, toExclusive);
        tx.check();
        Tenant t = tx.view();
        List<MissionFacts> facts = facts(t);
        List<Vehicle> vehicles = new ArrayList<>(
                t.rows(VEHICLES).values().stream().filter(v -> !v.isDeleted()).toList());
        vehicles.sort(Comparator.comparing(Vehicle::name).thenComparing(v -> v.id().toString()));
        List<VehicleKpis> out = new ArrayList<>();
        for (Vehicle v : vehicles) {
            List<VehicleLogEntry> logs = t.rows(LOGS).getOrDefault(v.id(), Rows.empty()).stream()
                    .map(Tenant.LogRow::entry).toList();
            out.add(Kpis.vehicle(v.id(), v.name(), fromInclusive, toExclusive, facts, logs));
        }
        return out;
    }

    private static List<MissionFacts> facts(Tenant t) {
        List<MissionFacts> out = new ArrayList<>();
        for (Mission m : t.rows(MISSIONS).values()) {
            if (m.isDeleted()) {
                continue;
            }
            Instant pickup = null;
            MissionEvent last = null;
            for (Tenant.EventRow row : t.rows(EVENTS).getOrDefault(m.id(), Rows.empty())) {
                MissionEvent e = row.event();
                if (e.type() == MissionEventType.PICKUP_ARRIVED && (pickup == null || e.occurredAt().isBefore(pickup))) {
                    pickup = e.occurredAt();
                }
                if (e.type() == MissionEventType.CANCELLED || e.type() == MissionEventType.FAILED) {
                    last = e;
                }
            }
            String reason = m.status() == MissionStatus.FAILED ? m.failureReason()
                    : m.status() == MissionStatus.CANCELLED && last != null ? last.details().get("reason") : null;
            Instant finished = m.status().isTerminal() ? (m.completedAt() != null ? m.completedAt() : m.updatedAt()) : null;
            out.add(new MissionFacts(m.id(), m.status(), m.priority(), m.vehicleId(), m.createdAt(), m.assignedAt(), pickup,
                    m.startedAt(), m.completedAt(), finished, reason));
        }
        return out;
    }
}
