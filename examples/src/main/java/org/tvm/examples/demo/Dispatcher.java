package org.tvm.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.examples.demo.VehicleSim.Phase;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.VehicleCandidate;

/** The operator's side of each tick: the dispatcher loop and the dashboard polls. */
final class Dispatcher {

    private final DayState day;

    Dispatcher(DayState day) {
        this.day = day;
    }

    /** The dispatcher claims due pending missions (urgent first) and assigns each the nearest suitable vehicle. */
    void dispatch(Instant now) {
        long idle = day.fleet.stream()
                .filter(v -> v.phase == Phase.IDLE && v.battery >= FacilityDaySimulation.MIN_DISPATCH_BATTERY).count();
        Set<MissionId> onVehicles = new HashSet<>();
        day.fleet.forEach(v -> {
            if (v.mission != null) {
                onVehicles.add(v.mission.id());
            }
        });
        long due = day.plan.stream().filter(p -> p.due(now) && !onVehicles.contains(p.missionId)).count();
        if (idle == 0 || due == 0) {
            return;
        }
        int limit = (int) Math.min(Math.min(idle, due), PageRequest.MAX_LIMIT);
        List<Mission> assigned = day.timings.time("dispatch (claim + assign)", () -> day.persistence.inTransaction(day.operator.ctx(), tx -> {
            List<Mission> result = new ArrayList<>();
            for (Mission m : tx.dispatch().claimNextPending(limit, now)) {
                GeoPoint at = m.pickup().coordinates();
                List<VehicleCandidate> candidates = tx.dispatch().nearestAvailable(at, FacilityDaySimulation.MIN_DISPATCH_BATTERY, now, 1);
                if (candidates.isEmpty()) {
                    break;
                }
                result.add(tx.dispatch().assign(m.id(), candidates.get(0).vehicle().id(), now));
            }
            return result;
        }));
        for (Mission m : assigned) {
            day.missionEvents++;
            VehicleSim v = day.fleet.stream().filter(s -> s.id.equals(m.vehicleId())).findFirst().orElseThrow();
            v.mission = m;
            v.phase = Phase.ASSIGNED;
            v.phaseUntil = now.plus(Duration.ofMinutes(1 + day.random.nextInt(2)));
        }
    }

    void pollDashboard(Instant now, boolean withTelemetry) {
        // query 1 shows resident names: it records data accesses, so it needs a writable transaction
        day.timings.time("dashboard (queries 1+2)", () -> day.persistence.inTransaction(day.operator.ctx(), tx -> {
            tx.operations().activeMissions(50);
            return tx.operations().fleetStatus(now);
        }));
        if (withTelemetry) {
            VehicleSim v = day.fleet.get(0);
            day.timings.time("recent telemetry (query 3)", () -> day.persistence.inReadOnlyTransaction(day.operator.ctx(),
                    tx -> tx.operations().recentTelemetry(v.id, now)));
        }
    }
}
