package org.tvm.adapter.jpa.repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.tvm.adapter.jpa.entity.VehicleEntity;
import org.tvm.adapter.jpa.entity.VehicleLogEntity;
import org.tvm.adapter.jpa.mapping.EntityMapper;
import org.tvm.adapter.jpa.mapping.LogEntityMapper;
import org.tvm.adapter.sql.HeartbeatWriter;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.VehicleRepository;
import org.tvm.ports.query.PageRequest;

/** {@link VehicleRepository}: explicit conditional UPDATEs for the version, JDBC batches for logs. */
final class JpaVehicleRepository implements VehicleRepository {

    static final String ACTIVE = "('assigned', 'in_progress')";

    private final JpaTransaction tx;

    JpaVehicleRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Vehicle vehicle) {
        Objects.requireNonNull(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.insert");
        tx.requireContextFacility(vehicle.facilityId(), "Vehicle");
        tx.writeVoid("Vehicle", () -> tx.session().persist(tx.mapper().toEntity(vehicle)));
    }

    @Override
    public Vehicle update(Vehicle vehicle) {
        Objects.requireNonNull(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.update");
        tx.requireContextFacility(vehicle.facilityId(), "Vehicle");
        return tx.write("Vehicle", () -> {
            VehicleEntity e = tx.mapper().toEntity(vehicle);
            int rows = tx.session().createMutationQuery("update VehicleEntity v set v.name = :name, v.serialNumber = :serial, "
                            + "v.model = :model, v.firmwareVersion = :fw, v.status = :status, v.currentMissionId = :mission, "
                            + "v.currentLocation = :loc, v.batteryLevel = :battery, v.lastHeartbeat = :hb, "
                            + "v.maxPayloadKg = :payload, v.maxSpeedMps = :speed, v.lastMaintenanceDate = :lmd, "
                            + "v.nextMaintenanceDue = :nmd, v.totalDistanceKm = :km, v.totalMissions = :missions, "
                            + "v.updatedAt = :updated, v.version = v.version + 1 "
                            + "where v.id = :id and v.facilityId = :f and v.version = :version and v.deletedAt is null")
                    .setParameter("name", e.name).setParameter("serial", e.serialNumber).setParameter("model", e.model)
                    .setParameter("fw", e.firmwareVersion).setParameter("status", e.status)
                    .setParameter("mission", e.currentMissionId, UUID.class).setParameter("loc", e.currentLocation)
                    .setParameter("battery", e.batteryLevel, Integer.class).setParameter("hb", e.lastHeartbeat, Instant.class)
                    .setParameter("payload", e.maxPayloadKg).setParameter("speed", e.maxSpeedMps)
                    .setParameter("lmd", e.lastMaintenanceDate, java.time.LocalDate.class)
                    .setParameter("nmd", e.nextMaintenanceDue, java.time.LocalDate.class)
                    .setParameter("km", e.totalDistanceKm).setParameter("missions", e.totalMissions)
                    .setParameter("updated", e.updatedAt).setParameter("id", e.id).setParameter("f", tx.facility())
                    .setParameter("version", vehicle.version()).executeUpdate();
            if (rows == 0) {
                throw staleOrMissing(vehicle.id(), vehicle.version());
            }
            return load(vehicle.id().value(), false).orElseThrow(() -> new NotFoundException("Vehicle", vehicle.id()));
        });
    }

    /** After a conditional UPDATE matched nothing: stale if the non-deleted row exists here, otherwise not found. */
    RuntimeException staleOrMissing(VehicleId id, long expectedVersion) {
        Long count = tx.session().createSelectionQuery("select count(v) from VehicleEntity v where v.id = :id "
                        + "and v.facilityId = :f and v.deletedAt is null", Long.class)
                .setParameter("id", id.value()).setParameter("f", tx.facility()).getSingleResult();
        return count > 0 ? new StaleVersionException("Vehicle", id, expectedVersion) : new NotFoundException("Vehicle", id);
    }

    Optional<Vehicle> load(UUID id, boolean includingDeleted) {
        return tx.session().createSelectionQuery("from VehicleEntity v where v.id = :id and v.facilityId = :f"
                        + (includingDeleted ? "" : " and v.deletedAt is null"), VehicleEntity.class)
                .setParameter("id", id).setParameter("f", tx.facility()).setReadOnly(true)
                .uniqueResultOptional().map(tx.mapper()::toDomain);
    }

    @Override
    public Optional<Vehicle> findById(VehicleId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("Vehicle", () -> load(id.value(), false));
    }

    @Override
    public Optional<Vehicle> findByIdIncludingDeleted(VehicleId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("Vehicle", () -> load(id.value(), true));
    }

    @Override
    public Optional<Vehicle> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return tx.read("Vehicle", () -> tx.session().createSelectionQuery("from VehicleEntity v where v.name = :name "
                        + "and v.facilityId = :f and v.deletedAt is null order by v.id", VehicleEntity.class)
                .setParameter("name", name).setParameter("f", tx.facility()).setReadOnly(true).setMaxResults(1)
                .uniqueResultOptional().map(tx.mapper()::toDomain));
    }

    @Override
    public List<Vehicle> list() {
        return tx.read("Vehicle", () -> tx.session().createSelectionQuery("from VehicleEntity v where v.facilityId = :f "
                        + "and v.deletedAt is null", VehicleEntity.class)
                .setParameter("f", tx.facility()).setReadOnly(true).getResultList().stream()
                .map(tx.mapper()::toDomain)
                .sorted(VehicleRepository.LIST_ORDER)
                .toList());
    }

    @Override
    public Vehicle recordHeartbeat(VehicleId id, Instant requestedAt, Integer battery, VehicleLocation location) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "lastHeartbeat", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        DomainChecks.range("Vehicle", "batteryLevel", battery, 0, 100);
        tx.checkWritable("VehicleRepository.recordHeartbeat");
        return tx.write("Vehicle", () -> {
            String hql = "update VehicleEntity v set v.lastHeartbeat = :at"
                    + (battery == null ? "" : ", v.batteryLevel = :battery")
                    + (location == null ? "" : ", v.currentLocation = :loc")
                    + " where v.id = :id and v.facilityId = :f and v.deletedAt is null"
                    + " and (v.lastHeartbeat is null or v.lastHeartbeat < :at)";
            var q = tx.session().createMutationQuery(hql).setParameter("at", at).setParameter("id", id.value())
                    .setParameter("f", tx.facility());
            if (battery != null) {
                q.setParameter("battery", battery);
            }
            if (location != null) {
                q.setParameter("loc", EntityMapper.locationJson(location));
            }
            q.executeUpdate();
            return load(id.value(), false).orElseThrow(() -> new NotFoundException("Vehicle", id));
        });
    }

    @Override
    public int recordHeartbeats(List<VehicleHeartbeat> heartbeats) {
        Objects.requireNonNull(heartbeats, "heartbeats");
        heartbeats.forEach(h -> Objects.requireNonNull(h, "heartbeats must not contain null"));
        HeartbeatWriter.requireOnePerVehicle(heartbeats);
        tx.checkWritable("VehicleRepository.recordHeartbeats");
        if (heartbeats.isEmpty()) {
            return 0;
        }
        return tx.write("Vehicle", () -> tx.session().doReturningWork(
                connection -> HeartbeatWriter.record(connection, tx.facility(), heartbeats)));
    }

    @Override
    public void softDelete(VehicleId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        tx.checkWritable("VehicleRepository.softDelete");
        tx.writeVoid("Vehicle", () -> {
            Vehicle v = load(id.value(), true).orElseThrow(() -> new NotFoundException("Vehicle", id));
            if (v.isDeleted()) {
                return;
            }
            if (activeMissions(id) > 0) {
                throw new VehicleBusyException(id);
            }
            // The vehicle row itself must still be unbound when the update runs: a concurrent assign binds it
            // (current_mission_id) under the row lock, and PostgreSQL re-checks this condition after that lock.
            if (markDeleted(id, at, true) == 0) {
                Vehicle now = load(id.value(), true).orElseThrow(() -> new NotFoundException("Vehicle", id));
                if (now.isDeleted()) {
                    return;
                }
                if (activeMissions(id) > 0) {
                    throw new VehicleBusyException(id);
                }
                markDeleted(id, at, false);  // bound to a mission that is no longer active
            }
        });
    }

    private long activeMissions(VehicleId id) {
        return tx.session().createSelectionQuery("select count(m) from MissionEntity m where m.vehicleId = :v "
                        + "and m.facilityId = :f and m.status in " + ACTIVE + " and m.deletedAt is null", Long.class)
                .setParameter("v", id.value()).setParameter("f", tx.facility()).getSingleResult();
    }

    private int markDeleted(VehicleId id, Instant at, boolean onlyIfUnbound) {
        return tx.session().createMutationQuery("update VehicleEntity v set v.deletedAt = :at, v.updatedAt = :at "
                        + "where v.id = :id and v.facilityId = :f and v.deletedAt is null"
                        + (onlyIfUnbound ? " and v.currentMissionId is null" : ""))
                .setParameter("at", at).setParameter("id", id.value()).setParameter("f", tx.facility()).executeUpdate();
    }

    @Override
    public void appendLogs(List<VehicleLogEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        entries.forEach(e -> Objects.requireNonNull(e, "entries must not contain null"));
        tx.checkWritable("VehicleRepository.appendLogs");
        entries.forEach(e -> tx.requireContextFacility(e.facilityId(), "VehicleLogEntry"));
        if (entries.isEmpty()) {
            return;
        }
        tx.writeVoid("VehicleLogEntry", () -> tx.session().doWork(connection -> {
            String sql = "INSERT INTO vehicle_logs (facility_id, vehicle_id, level, code, message, details, logged_at) "
                    + "VALUES (?, ?, ?, ?, ?, " + tx.dialect().jsonParameter() + ", ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (VehicleLogEntry e : entries) {
                    ps.setObject(1, e.facilityId().value());
                    ps.setObject(2, e.vehicleId().value());
                    ps.setString(3, e.level().code());
                    ps.setString(4, e.code());
                    ps.setString(5, e.message());
                    ps.setString(6, JsonDetailsCodec.write(e.detailsJson()));
                    ps.setObject(7, OffsetDateTime.ofInstant(e.loggedAt(), ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }));
    }

    @Override
    public List<VehicleLogEntry> logs(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        checkWindow(fromInclusive, toExclusive);
        PageRequest.checkLimit(limit);
        return tx.read("VehicleLogEntry", () -> tx.session().createSelectionQuery("from VehicleLogEntity l "
                        + "where l.vehicleId = :v and l.facilityId = :f and l.loggedAt >= :from and l.loggedAt < :to "
                        + "order by l.loggedAt desc, l.id desc", VehicleLogEntity.class)
                .setParameter("v", vehicleId.value()).setParameter("f", tx.facility())
                .setParameter("from", fromInclusive).setParameter("to", toExclusive).setMaxResults(limit)
                .setReadOnly(true).getResultList().stream().map(LogEntityMapper::toDomain).toList());
    }

    static void checkWindow(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("fromInclusive must not be after toExclusive");
        }
    }
}
