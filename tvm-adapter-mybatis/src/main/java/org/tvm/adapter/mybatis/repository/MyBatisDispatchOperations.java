package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.mapper.MissionMapper;
import org.tvm.adapter.mybatis.mapper.VehicleMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.row.MissionRow;
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Dispatch;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.VehicleAlreadyBoundException;
import org.tvm.ports.DispatchOperations;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.VehicleCandidate;

final class MyBatisDispatchOperations implements DispatchOperations {

    private final MyBatisTransaction tx;
    private final MissionMapper missions;
    private final VehicleMapper vehicles;

    MyBatisDispatchOperations(MyBatisTransaction tx) {
        this.tx = tx;
        this.missions = tx.mapper(MissionMapper.class);
        this.vehicles = tx.mapper(VehicleMapper.class);
    }

    @Override
    public List<Mission> claimNextPending(int limit, Instant now) {
        PageRequest.checkLimit(limit);
        requireNonNull(now, "now");
        return tx.write("Mission", "DispatchOperations.claimNextPending", () -> {
            if (tx.dialect.skipLockedHonoursLimit()) {
                List<Mission> claimed = missions.claimPending(tx.facility(), now, limit).stream().map(RowMapper::mission)
                        .toList();
                claimed.forEach(tx.claimed::remember);
                return claimed;
            }
            List<Mission> claimed = new ArrayList<>();
            for (UUID id : missions.claimCandidates(tx.facility(), now)) {
                MissionRow row = missions.lockPending(tx.facility(), id, now);
                if (row != null) {
                    Mission m = RowMapper.mission(row);
                    tx.claimed.remember(m);
                    claimed.add(m);
                    if (claimed.size() == limit) {
                        break;
                    }
                }
            }
            return List.copyOf(claimed);
        });
    }

    /**
     * The domain's {@link Dispatch#assign} decides; this stores it: the vehicle read (no lock, its version is checked
     * by the UPDATE), the mission's assignment columns (its stored updatedAt returned by the same statement), the event
     * and the vehicle binding. A mission this transaction claimed is already locked and is not read again. The one
     * active mission per vehicle index backs the busy check under concurrency.
     */
    @Override
    public Mission assign(MissionId missionId, VehicleId vehicleId, Instant now) {
        requireNonNull(missionId, "missionId");
        requireNonNull(vehicleId, "vehicleId");
        requireNonNull(now, "now");
        return tx.write("Mission", "DispatchOperations.assign", () -> {
            Mission mission = tx.claimed.take(missionId);
            if (mission == null) {
                MissionRow missionRow = missions.lockForUpdate(tx.facility(), missionId.value());
                if (missionRow == null) {
                    throw new NotFoundException("Mission", missionId);
                }
                mission = RowMapper.mission(missionRow);
            }
            VehicleRow vehicleRow = vehicles.find(tx.facility(), vehicleId.value(), false);
            if (vehicleRow == null) {
                throw new NotFoundException("Vehicle", vehicleId);
            }
            UserId actor = tx.actor() == null ? null : UserId.of(tx.actor());
            Dispatch.Assignment a;
            try {
                a = Dispatch.assign(mission, RowMapper.vehicle(vehicleRow), now, actor);
            } catch (VehicleAlreadyBoundException e) {
                throw new VehicleBusyException(vehicleId, e);
            }
            MissionTransition t = a.mission();
            MissionRow row = RowMapper.row(t.mission());
            row.expectedVersion = t.expectedVersion();
            Instant updatedAt;
            try {
                updatedAt = missions.assign(row);
            } catch (RuntimeException e) {
                throw MyBatisMissionRepository.busyOrTranslated(e, vehicleId);
            }
            if (updatedAt == null) {
                throw new StaleVersionException("Mission", missionId, t.expectedVersion());
            }
            missions.insertEvent(RowMapper.row(t.event()));
            Vehicle bound = a.vehicle();
            if (vehicles.assign(tx.facility(), vehicleId.value(), missionId.value(), bound.status().code(),
                    a.vehicleExpectedVersion()) == 0) {
                throw new StaleVersionException("Vehicle", vehicleId, a.vehicleExpectedVersion());
            }
            return t.mission().toBuilder().updatedAt(updatedAt).build();
        });
    }

    @Override
    public List<VehicleCandidate> nearestAvailable(GeoPoint point, int minBattery, Instant now, int limit) {
        requireNonNull(point, "point");
        requireNonNull(now, "now");
        if (minBattery < 0 || minBattery > 100) {
            throw new IllegalArgumentException("minBattery must be between 0 and 100 (was " + minBattery + ")");
        }
        PageRequest.checkLimit(limit);
        Instant onlineAfter = now.minus(Vehicle.ONLINE_WINDOW);
        return tx.read("Vehicle", () -> {
            List<VehicleRow> rows = vehicles.nearestAvailable(tx.facility(), point.latitude(), point.longitude(),
                    minBattery, onlineAfter, limit);
            List<VehicleCandidate> out = new ArrayList<>(rows.size());
            for (VehicleRow r : rows) {
                Vehicle v = RowMapper.vehicle(r);
                double d = tx.dialect.computesDistanceInDatabase() ? Math.max(0.0, r.distanceMeters)
                        : point.distanceTo(v.currentLocation().point());
                out.add(new VehicleCandidate(v, d));
            }
            if (!tx.dialect.computesDistanceInDatabase()) {
                out.sort(DispatchOperations.CANDIDATE_ORDER);
                return List.copyOf(out.subList(0, Math.min(limit, out.size())));
            }
            return List.copyOf(out);
        });
    }
}
