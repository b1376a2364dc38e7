package org.tvm.adapter.jpa.repository;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tvm.adapter.jpa.entity.MissionEntity;
import org.tvm.adapter.jpa.entity.VehicleEntity;
import org.tvm.adapter.sql.error.ErrorHint;
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

/**
 * {@link DispatchOperations}: {@code FOR UPDATE SKIP LOCKED} claims, atomic assignment (row locks on mission and
 * vehicle, conditional UPDATEs, the partial unique index as backstop) and nearest-vehicle search (PostGIS KNN on
 * {@code vehicles.current_point} with exact spheroid ordering; haversine in Java on H2).
 */
final class JpaDispatchOperations implements DispatchOperations {

    static final String PRIORITY_RANK = "CASE m.priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END";

    private final JpaTransaction tx;

    JpaDispatchOperations(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<Mission> claimNextPending(int limit, Instant now) {
        PageRequest.checkLimit(limit);
        Objects.requireNonNull(now, "now");
        tx.checkWritable("DispatchOperations.claimNextPending");
        String due = "m.facility_id = :f AND m.status = 'pending' AND m.deleted_at IS NULL "
                + "AND (m.scheduled_at IS NULL OR m.scheduled_at <= :now)";
        String order = " ORDER BY " + PRIORITY_RANK + ", m.created_at, m.id";
        return tx.write("Mission", () -> {
            if (tx.dialect().skipLockedHonoursLimit()) {
                List<Mission> claimed = tx.session().createNativeQuery("SELECT m.* FROM missions m WHERE " + due + order
                                + " LIMIT :n" + tx.dialect().lockSkipLocked(), MissionEntity.class)
                        .setParameter("f", tx.facility()).setParameter("now", now).setParameter("n", limit)
                        .getResultList().stream().map(tx.mapper()::toDomain).toList();
                claimed.forEach(tx.claimed()::remember);
                return claimed;
            }
            // H2 applies LIMIT before skipping locked rows: walk the due missions in order and lock them one by one
            // (SKIP LOCKED per row), re-checking each locked row, until the limit is reached.
            List<UUID> candidates = tx.session().createNativeQuery("SELECT m.id FROM missions m WHERE " + due + order,
                            UUID.class)
                    .setParameter("f", tx.facility()).setParameter("now", now).getResultList();
            List<Mission> claimed = new ArrayList<>();
            for (UUID id : candidates) {
                if (claimed.size() == limit) {
                    break;
                }
                List<UUID> locked = tx.session().createNativeQuery("SELECT m.id FROM missions m WHERE m.id = :id AND "
                                + due + tx.dialect().lockSkipLocked(), UUID.class)
                        .setParameter("id", id).setParameter("f", tx.facility()).setParameter("now", now).getResultList();
                if (!locked.isEmpty()) {
                    tx.session().createNativeQuery("SELECT m.* FROM missions m WHERE m.id = :id AND " + due,
                                    MissionEntity.class)
                            .setParameter("id", id).setParameter("f", tx.facility()).setParameter("now", now)
                            .uniqueResultOptional().map(tx.mapper()::toDomain).ifPresent(claimed::add);
                }
            }
            claimed.forEach(tx.claimed()::remember);
            return List.copyOf(claimed);
        });
    }

    /**
     * The domain's {@link Dispatch#assign} decides; this stores it: the vehicle row locked and read, the mission's
     * assignment columns (the stored updatedAt returned by the same statement), the event and the vehicle binding. A
     * mission this transaction claimed is already locked and is not read again; the one-active-mission-per-vehicle
     * index backs the busy check under concurrency.
     */
    @Override
    public Mission assign(MissionId missionId, VehicleId vehicleId, Instant now) {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(now, "now");
        tx.checkWritable("DispatchOperations.assign");
        return tx.write(ErrorHint.binding("Mission", vehicleId), () -> {
            Mission mission = tx.claimed().take(missionId);
            if (mission == null) {
                MissionEntity m = lock(MissionEntity.class, "from MissionEntity m where m.id = :id and m.facilityId = :f "
                        + "and m.deletedAt is null", missionId.value());
                if (m == null) {
                    throw new NotFoundException("Mission", missionId);
                }
                mission = tx.mapper().toDomain(m);
            }
            VehicleEntity v = lock(VehicleEntity.class, "from VehicleEntity m where m.id = :id and m.facilityId = :f "
                    + "and m.deletedAt is null", vehicleId.value());
            if (v == null) {
                throw new NotFoundException("Vehicle", vehicleId);
            }
            UserId actor = tx.actor() == null ? null : UserId.of(tx.actor());
            Dispatch.Assignment a;
            try {
                a = Dispatch.assign(mission, tx.mapper().toDomain(v), now, actor);
            } catch (VehicleAlreadyBoundException e) {
                throw new VehicleBusyException(vehicleId, e);
            }
            tx.session().clear();
            MissionTransition t = a.mission();
            Mission next = t.mission();
            String update = "UPDATE missions SET vehicle_id = :v, status = :s, assigned_at = :at, updated_at = :u, "
                    + "version = version + 1 WHERE facility_id = :f AND id = :id AND version = :e AND deleted_at IS NULL";
            // PostgreSQL's trigger stamps updated_at: take the stored value back from the same statement
            List<Instant> stored = tx.session().createNativeQuery(tx.dialect().returning(update, "updated_at"), Instant.class)
                    .setParameter("v", vehicleId.value()).setParameter("s", next.status().code())
                    .setParameter("at", next.assignedAt()).setParameter("u", next.updatedAt())
                    .setParameter("f", tx.facility()).setParameter("id", missionId.value())
                    .setParameter("e", t.expectedVersion()).getResultList();
            if (stored.isEmpty()) {
                throw new StaleVersionException("Mission", missionId, t.expectedVersion());
            }
            JpaMissionRepository.insertEvent(tx, t.event());
            Vehicle bound = a.vehicle();
            int rows = tx.jdbcUpdate("UPDATE vehicles SET current_mission_id = ?, status = ?, version = version + 1 "
                            + "WHERE id = ? AND facility_id = ? AND version = ? AND deleted_at IS NULL",
                    missionId.value(), bound.status().code(), vehicleId.value(), tx.facility(), a.vehicleExpectedVersion());
            if (rows == 0) {
                throw new StaleVersionException("Vehicle", vehicleId, a.vehicleExpectedVersion());
            }
            return next.toBuilder().updatedAt(stored.get(0)).build();
        });
    }

    private <E> E lock(Class<E> type, String hql, Object id) {
        return tx.session().createSelectionQuery(hql, type).setParameter("id", id).setParameter("f", tx.facility())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResult();
    }

    @Override
    public List<VehicleCandidate> nearestAvailable(GeoPoint point, int minBattery, Instant now, int limit) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(now, "now");
        if (minBattery < 0 || minBattery > 100) {
            throw new IllegalArgumentException("minBattery must be 0..100 (was " + minBattery + ")");
        }
        PageRequest.checkLimit(limit);
        Instant cutoff = now.minus(Vehicle.ONLINE_WINDOW);
        String filters = "v.facility_id = :f AND v.deleted_at IS NULL AND v.status = 'idle' AND v.last_heartbeat > :cutoff "
                + "AND v.battery_level IS NOT NULL AND v.battery_level >= :minb AND v.current_location IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM missions m WHERE m.vehicle_id = v.id AND m.facility_id = v.facility_id "
                + "AND m.status IN " + JpaVehicleRepository.ACTIVE + " AND m.deleted_at IS NULL)";
        return tx.read("Vehicle", () -> tx.dialect().spatialInDatabase()
                ? nearestPostgis(point, minBattery, cutoff, limit, filters)
                : nearestHaversine(point, minBattery, cutoff, limit, filters));
    }

    /**
     * The GiST index answers the KNN ({@code <->}, sphere distance) for the radius that holds the {@code limit} nearest
     * candidates; the final order is the exact spheroid {@code ST_Distance}, then name, then id. The radius gets a 1%
     * margin because sphere and spheroid distances differ by less than 0.5%.
     */
    private List<VehicleCandidate> nearestPostgis(GeoPoint point, int minBattery, Instant cutoff, int limit, String filters) {
        String p = "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography";
        String sql = "WITH radius AS (SELECT max(k.d) AS r FROM (SELECT v.current_point <-> " + p + " AS d FROM vehicles v "
                + "WHERE " + filters + " AND v.current_point IS NOT NULL ORDER BY v.current_point <-> " + p + " LIMIT :n) k) "
                + "SELECT v.*, ST_Distance(v.current_point, " + p + ") AS distance_m FROM vehicles v, radius "
                + "WHERE " + filters + " AND v.current_point IS NOT NULL AND ST_DWithin(v.current_point, " + p
                + ", radius.r * 1.01 + 1) "
                + "ORDER BY distance_m, v.name COLLATE \"C\", v.id LIMIT :n";
        List<Object[]> rows = tx.session().createNativeQuery(sql, Object[].class)
                .addEntity("v", VehicleEntity.class).addScalar("distance_m", Double.class)
                .setParameter("lon", point.longitude()).setParameter("lat", point.latitude())
                .setParameter("f", tx.facility()).setParameter("cutoff", cutoff).setParameter("minb", minBattery)
                .setParameter("n", limit).setReadOnly(true).getResultList();
        List<VehicleCandidate> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new VehicleCandidate(tx.mapper().toDomain((VehicleEntity) row[0]), (Double) row[1]));
        }
        return List.copyOf(result);
    }

    private List<VehicleCandidate> nearestHaversine(GeoPoint point, int minBattery, Instant cutoff, int limit, String filters) {
        List<VehicleEntity> rows = tx.session().createNativeQuery("SELECT v.* FROM vehicles v WHERE " + filters,
                        VehicleEntity.class)
                .setParameter("f", tx.facility()).setParameter("cutoff", cutoff).setParameter("minb", minBattery)
                .setReadOnly(true).getResultList();
        return rows.stream().map(tx.mapper()::toDomain)
                .map(v -> new VehicleCandidate(v, point.distanceTo(v.currentLocation().point())))
                .sorted(DispatchOperations.CANDIDATE_ORDER)
                .limit(limit).toList();
    }
}
