package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tvm.adapter.mybatis.mapper.VehicleMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.row.VehicleLogRow;
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.adapter.mybatis.support.Jdbc;
import org.tvm.adapter.sql.HeartbeatWriter;
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

final class MyBatisVehicleRepository implements VehicleRepository {

    private static final String E = "Vehicle";
    private final MyBatisTransaction tx;
    private final VehicleMapper mapper;

    MyBatisVehicleRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(VehicleMapper.class);
    }

    @Override
    public void insert(Vehicle vehicle) {
        requireNonNull(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.insert");
        tx.requireContextFacility(vehicle.facilityId(), E);
        tx.write(E, "VehicleRepository.insert", () -> {
            mapper.insert(RowMapper.row(vehicle));
        });
    }

    @Override
    public Vehicle update(Vehicle vehicle) {
        requireNonNull(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.update");
        tx.requireContextFacility(vehicle.facilityId(), E);
        return tx.write(E, "VehicleRepository.update", () -> {
            if (mapper.update(RowMapper.row(vehicle)) == 0) {
                VehicleRow current = mapper.find(tx.facility(), vehicle.id().value(), false);
                if (current == null) {
                    throw new NotFoundException(E, vehicle.id());
                }
                throw new StaleVersionException(E, vehicle.id(), vehicle.version());
            }
            return RowMapper.vehicle(mapper.find(tx.facility(), vehicle.id().value(), true));
        });
    }

    @Override
    public Optional<Vehicle> findById(VehicleId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), false)).map(RowMapper::vehicle));
    }

    @Override
    public Optional<Vehicle> findByIdIncludingDeleted(VehicleId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), true)).map(RowMapper::vehicle));
    }

    @Override
    public Optional<Vehicle> findByName(String name) {
        requireNonNull(name, "name");
        return tx.read(E, () -> Optional.ofNullable(mapper.findByName(tx.facility(), name)).map(RowMapper::vehicle));
    }

    @Override
    public List<Vehicle> list() {
        return tx.read(E, () -> mapper.list(tx.facility()).stream().map(RowMapper::vehicle).toList());
    }

    @Override
    public Vehicle recordHeartbeat(VehicleId id, Instant requestedAt, Integer battery, VehicleLocation location) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "lastHeartbeat", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        DomainChecks.range(E, "batteryLevel", battery, 0, 100);
        return tx.write(E, "VehicleRepository.recordHeartbeat", () -> {
            mapper.heartbeat(tx.facility(), id.value(), at, battery, location);
            VehicleRow row = mapper.find(tx.facility(), id.value(), false);
            if (row == null) {
                throw new NotFoundException(E, id);
            }
            return RowMapper.vehicle(row);
        });
    }

    @Override
    public int recordHeartbeats(List<VehicleHeartbeat> heartbeats) {
        requireNonNull(heartbeats, "heartbeats");
        for (VehicleHeartbeat h : heartbeats) {
            requireNonNull(h, "heartbeats must not contain null");
        }
        HeartbeatWriter.requireOnePerVehicle(heartbeats);
        tx.checkWritable("VehicleRepository.recordHeartbeats");
        if (heartbeats.isEmpty()) {
            return 0;
        }
        return tx.write(E, "VehicleRepository.recordHeartbeats", () -> {
            try {
                return HeartbeatWriter.record(tx.session.getConnection(), tx.facility(), heartbeats);
            } catch (SQLException e) {
                throw new Jdbc.SqlFailure(e);
            }
        });
    }

    @Override
    public void softDelete(VehicleId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        tx.write(E, "VehicleRepository.softDelete", () -> {
            VehicleRow row = mapper.find(tx.facility(), id.value(), true);
            if (row == null) {
                throw new NotFoundException(E, id);
            }
            if (row.deletedAt != null) {
                return;
            }
            if (mapper.countActiveMissions(tx.facility(), id.value(), null) > 0) {
                throw new VehicleBusyException(id);
            }
            // The vehicle row itself must still be unbound when the update runs: a concurrent assign binds it
            // (current_mission_id) under the row lock, and PostgreSQL re-checks this condition after that lock.
            if (mapper.softDelete(tx.facility(), id.value(), at, true) == 0) {
                VehicleRow now = mapper.find(tx.facility(), id.value(), true);
                if (now == null) {
                    throw new NotFoundException(E, id);
                }
                if (now.deletedAt != null) {
                    return;
                }
                if (mapper.countActiveMissions(tx.facility(), id.value(), null) > 0) {
                    throw new VehicleBusyException(id);
                }
                mapper.softDelete(tx.facility(), id.value(), at, false);  // bound to a mission no longer active
            }
        });
    }

    @Override
    public void appendLogs(List<VehicleLogEntry> entries) {
        requireNonNull(entries, "entries");
        List<VehicleLogRow> rows = new ArrayList<>(entries.size());
        for (VehicleLogEntry e : entries) {
            requireNonNull(e, "entries must not contain null");
        }
        tx.checkWritable("VehicleRepository.appendLogs");
        for (VehicleLogEntry e : entries) {
            tx.requireContextFacility(e.facilityId(), "VehicleLogEntry");
            rows.add(RowMapper.row(e));
        }
        if (rows.isEmpty()) {
            return;
        }
        tx.write("VehicleLogEntry", "VehicleRepository.appendLogs",
                () -> Jdbc.batch(tx.session, VehicleMapper.class, "insertLog", rows));
    }

    @Override
    public List<VehicleLogEntry> logs(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        requireNonNull(vehicleId, "vehicleId");
        requireNonNull(fromInclusive, "fromInclusive");
        requireNonNull(toExclusive, "toExclusive");
        PageRequest.checkLimit(limit);
        if (fromInclusive.isAfter(toExclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toExclusive");
        }
        return tx.read("VehicleLogEntry", () -> mapper.logs(tx.facility(), vehicleId.value(), fromInclusive,
                toExclusive, limit).stream().map(RowMapper::logEntry).toList());
    }
}
