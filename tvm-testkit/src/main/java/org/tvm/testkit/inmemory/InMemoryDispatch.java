package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Dispatch;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.VehicleAlreadyBoundException;
import org.tvm.ports.DispatchOperations;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.Orderings;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.VehicleCandidate;
import org.tvm.testkit.inmemory.Tenant.RowKey;

final class InMemoryDispatch implements DispatchOperations {

    static final Comparator<Mission> DISPATCH_ORDER = Comparator.comparingInt((Mission m) -> m.priority().rank())
            .thenComparing(Mission::createdAt)
            .thenComparing(m -> m.id().value(), Orderings.UUIDS);

    private final InMemoryTransaction tx;

    InMemoryDispatch(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<Mission> claimNextPending(int limit, Instant now) {
        PageRequest.checkLimit(limit);
        nn(now, "now");
        tx.checkWritable("DispatchOperations.claimNextPending (it locks rows)");
        tx.refresh(); // see missions other dispatchers assigned and committed since this transaction's first write
        List<Mission> due = new ArrayList<>();
        for (Mission m : tx.view().rows(MISSIONS).values()) {
            if (!m.isDeleted() && m.status() == MissionStatus.PENDING
                    && (m.scheduledAt() == null || !m.scheduledAt().isAfter(now))) {
                due.add(m);
            }
        }
        Comparator<Mission> order = DISPATCH_ORDER;
        // heap: O(due + claimed * log due) instead of sorting every due mission for a claim of a few
        PriorityQueue<Mission> queue = new PriorityQueue<>(Math.max(1, due.size()), order);
        queue.addAll(due);
        List<Mission> claimed = new ArrayList<>();
        while (claimed.size() < limit && !queue.isEmpty()) {
            Mission m = queue.poll();
            // FOR UPDATE SKIP LOCKED
            if (tx.store.rowLocks().tryLock(tx, new RowKey("missions", m.id().value()))) {
                claimed.add(m);
            }
        }
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public Mission assign(MissionId missionId, VehicleId vehicleId, Instant now) {
        nn(missionId, "missionId");
        nn(vehicleId, "vehicleId");
        nn(now, "now");
        tx.checkWritable("DispatchOperations.assign");
        tx.lock("missions", missionId.value());
        tx.lock("vehicles", vehicleId.value());
        long seq = tx.store.nextSeq();
        Mission[] out = new Mission[1];
        tx.write(t -> {
            Mission m = t.rows(MISSIONS).get(missionId);
            if (m == null || m.isDeleted()) {
                throw new NotFoundException("Mission", missionId);
            }
            Vehicle v = t.rows(VEHICLES).get(vehicleId);
            if (v == null || v.isDeleted()) {
                throw new NotFoundException("Vehicle", vehicleId);
            }
            Dispatch.Assignment a;
            try {
                a = Dispatch.assign(m, v, now, tx.actor()); // IllegalMissionTransitionException
            } catch (VehicleAlreadyBoundException e) {
                throw new VehicleBusyException(vehicleId, e);
            }
            MissionTransition transition = a.mission();
            InMemoryMissions.persistTransition(t, transition, seq, a.vehicle());
            out[0] = transition.mission();
        });
        return out[0];
    }

    @Override
    public List<VehicleCandidate> nearestAvailable(GeoPoint point, int minBattery, Instant now, int limit) {
        nn(point, "point");
        nn(now, "now");
        if (minBattery < 0 || minBattery > 100) {
            throw new IllegalArgumentException("minBattery must be between 0 and 100 (was " + minBattery + ")");
        }
        PageRequest.checkLimit(limit);
        tx.check();
        Tenant t = tx.view();
        Set<VehicleId> busy = new HashSet<>(); // one pass over the missions, not one per vehicle
        for (Mission m : t.rows(MISSIONS).values()) {
            if (!m.isDeleted() && m.status().isActive() && m.vehicleId() != null) {
                busy.add(m.vehicleId());
            }
        }
        List<VehicleCandidate> candidates = new ArrayList<>();
        for (Vehicle v : t.rows(VEHICLES).values()) {
            if (v.isDeleted() || v.status() != VehicleStatus.IDLE || !v.isOnline(now) || v.batteryLevel() == null
                    || v.batteryLevel() < minBattery || v.currentLocation() == null || busy.contains(v.id())
                    || currentMissionActive(t, v)) {
                continue;
            }
            candidates.add(new VehicleCandidate(v, point.distanceTo(v.currentLocation().point())));
        }
        candidates.sort(DispatchOperations.CANDIDATE_ORDER);
        return Collections.unmodifiableList(new ArrayList<>(candidates.subList(0, Math.min(limit, candidates.size()))));
    }

    /** The second half of {@link InMemoryVehicles#hasActiveMission}: the vehicle's currentMissionId is active. */
    private static boolean currentMissionActive(Tenant t, Vehicle v) {
        Mission current = v.currentMissionId() == null ? null : t.rows(MISSIONS).get(v.currentMissionId());
        return current != null && !current.isDeleted() && current.status().isActive();
    }
}
