package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTelemetry.TELEMETRY;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.User;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.OperationsQueries;
import org.tvm.ports.VehicleRepository;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.Connectivity;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.TelemetryPoint;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.testkit.inmemory.Tenant.StoredResident;
import org.tvm.testkit.inmemory.Tenant.StoredUser;
import org.tvm.testkit.inmemory.Tenant.TelemetryRow;

final class InMemoryOperations implements OperationsQueries {

    private final InMemoryTransaction tx;

    InMemoryOperations(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<ActiveMissionView> activeMissions(int limit) {
        PageRequest.checkLimit(limit);
        tx.checkWritable("OperationsQueries.activeMissions (it records data accesses)");
        Tenant t = tx.view();
        List<Mission> active = new ArrayList<>();
        for (Mission m : t.rows(MISSIONS).values()) {
            if (!m.isDeleted() && !m.status().isTerminal()) {
                active.add(m);
            }
        }
        active.sort(InMemoryDispatch.DISPATCH_ORDER);
        List<ActiveMissionView> out = new ArrayList<>();
        java.util.Map<org.tvm.domain.resident.ResidentId, Resident> shown = new java.util.LinkedHashMap<>();
        for (Mission m : active) {
            if (out.size() == limit) {
                break;
            }
            StoredResident r = t.rows(RESIDENTS).get(m.residentId());
            Resident resident = r.withoutNotes();
            shown.putIfAbsent(resident.id(), resident);
            Vehicle v = m.vehicleId() == null ? null : t.rows(VEHICLES).get(m.vehicleId());
            out.add(new ActiveMissionView(m.id(), m.status(), m.priority(), m.pickup().label(), m.dropoff().label(),
                    resident.firstName() + " " + resident.lastName(), v == null ? null : v.name(), m.createdAt()));
        }
        ((InMemoryResidents) tx.residents()).recordReads(List.copyOf(shown.values()));
        return Collections.unmodifiableList(out);
    }

    @Override
    public List<FleetStatusView> fleetStatus(Instant now) {
        nn(now, "now");
        tx.check();
        List<Vehicle> vehicles = new ArrayList<>();
        for (Vehicle v : tx.view().rows(VEHICLES).values()) {
            if (!v.isDeleted()) {
                vehicles.add(v);
            }
        }
        vehicles.sort(VehicleRepository.LIST_ORDER);
        List<FleetStatusView> out = new ArrayList<>();
        for (Vehicle v : vehicles) {
            Connectivity c = Connectivity.at(v.lastHeartbeat(), now);
            out.add(new FleetStatusView(v.id(), v.name(), v.status(), v.batteryLevel(),
                    v.currentLocation() == null ? null : v.currentLocation().zone(), v.lastHeartbeat(), c));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public List<TelemetryPoint> recentTelemetry(VehicleId vehicleId, Instant now) {
        nn(vehicleId, "vehicleId");
        nn(now, "now");
        tx.check();
        Instant after = now.minus(Duration.ofHours(1));
        List<TelemetryRow> hits = new ArrayList<>();
        for (TelemetryRow r : tx.view().rows(TELEMETRY).getOrDefault(vehicleId, Rows.empty())) {
            if (r.sample().timestamp().isAfter(after)) {
                hits.add(r);
            }
        }
        hits.sort(InMemoryTelemetry.NEWEST_FIRST);
        List<TelemetryPoint> out = new ArrayList<>();
        for (int i = 0; i < hits.size() && i < PageRequest.MAX_LIMIT; i++) {
            var s = hits.get(i).sample();
            GeoPoint p = s.position();
            out.add(new TelemetryPoint(s.timestamp(), p == null ? null : p.latitude(), p == null ? null : p.longitude(),
                    s.speedMps(), s.batteryLevel(), s.errorCodes()));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public List<TimelineEntry> missionTimeline(MissionId missionId) {
        nn(missionId, "missionId");
        tx.check();
        Tenant t = tx.view();
        List<TimelineEntry> out = new ArrayList<>();
        for (MissionEvent e : InMemoryMissions.eventsOf(t, missionId)) {
            String email = null;
            if (e.triggeredBy() != null) {
                StoredUser u = t.rows(USERS).get(e.triggeredBy());
                User user = u == null ? null : u.withoutSecret();
                email = user == null ? null : user.email().value();
            }
            out.add(new TimelineEntry(e.type(), e.details(), e.occurredAt(), email));
        }
        return Collections.unmodifiableList(out);
    }
}
