package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.text;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.timestamp;
import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.VehicleRepository;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.LogRow;

final class InMemoryVehicles implements VehicleRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<VehicleId, Vehicle> VEHICLES =
            Tenant.Table.audited("vehicles", InMemoryVehicles::auditColumns);

    /** vehicle -> its log rows in insertion order. */
    static final Tenant.Table<VehicleId, Rows<LogRow>> LOGS = Tenant.Table.plain("vehicle_logs");

    private final InMemoryTransaction tx;

    InMemoryVehicles(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Vehicle vehicle) {
        nn(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.insert");
        tx.requireContextFacility(vehicle.facilityId(), "Vehicle");
        tx.lock("vehicles", vehicle.id().value());
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "Vehicle");
            if (tx.idTaken(t, "vehicles", vehicle.id().value(), t.rows(VEHICLES).containsKey(vehicle.id()))) {
                throw new DuplicateKeyException("Vehicle", "vehicles_pkey");
            }
            checkUniqueAndRefs(t, vehicle);
            t.put(VEHICLES, vehicle.id(), vehicle);
            t.insertedIds.add(new Tenant.RowKey("vehicles", vehicle.id().value()));
            t.dirtyVehicles.add(vehicle.id());
        });
    }

    private void checkUniqueAndRefs(Tenant t, Vehicle vehicle) {
        if (!vehicle.isDeleted()) {
            for (Vehicle other : t.rows(VEHICLES).values()) {
                if (!other.id().equals(vehicle.id()) && !other.isDeleted() && other.name().equals(vehicle.name())) {
                    throw new DuplicateKeyException("Vehicle", "idx_vehicles_name_unique");
                }
            }
        }
        if (vehicle.serialNumber() != null) {
            for (Vehicle other : t.rows(VEHICLES).values()) {
                if (!other.id().equals(vehicle.id()) && vehicle.serialNumber().equals(other.serialNumber())) {
                    throw new DuplicateKeyException("Vehicle", "vehicles_serial_number_key");
                }
            }
            VehicleId owner = tx.store.uniqueIndexes.serialIndex.get(vehicle.serialNumber());
            if (owner != null && !owner.equals(vehicle.id()) && !t.rows(VEHICLES).containsKey(owner)) {
                throw new DuplicateKeyException("Vehicle", "vehicles_serial_number_key");
            }
        }
        if (vehicle.currentMissionId() != null && !t.rows(MISSIONS).containsKey(vehicle.currentMissionId())) {
            throw new UnknownReferenceException("Vehicle", "fk_vehicles_current_mission", "current_mission_id");
        }
    }

    @Override
    public Vehicle update(Vehicle vehicle) {
        nn(vehicle, "vehicle");
        tx.checkWritable("VehicleRepository.update");
        tx.requireContextFacility(vehicle.facilityId(), "Vehicle");
        tx.lock("vehicles", vehicle.id().value());
        Vehicle[] out = new Vehicle[1];
        tx.write(t -> {
            Vehicle old = t.rows(VEHICLES).get(vehicle.id());
            if (old == null || old.isDeleted()) {
                throw new NotFoundException("Vehicle", vehicle.id());
            }
            if (old.version() != vehicle.version()) {
                throw new StaleVersionException("Vehicle", vehicle.id(), vehicle.version());
            }
            Vehicle stored = vehicle.toBuilder().version(old.version() + 1).createdAt(old.createdAt())
                    .deletedAt(old.deletedAt()).build();
            checkUniqueAndRefs(t, stored);
            t.put(VEHICLES, stored.id(), stored);
            t.dirtyVehicles.add(stored.id());
            out[0] = stored;
        });
        return out[0];
    }

    @Override
    public Optional<Vehicle> findById(VehicleId id) {
        nn(id, "id");
        tx.check();
        return find(id, false);
    }

    @Override
    public Optional<Vehicle> findByIdIncludingDeleted(VehicleId id) {
        nn(id, "id");
        tx.check();
        return find(id, true);
    }

    private Optional<Vehicle> find(VehicleId id, boolean includeDeleted) {
        for (Tenant t : tx.readableTenants()) {
            Vehicle v = t.rows(VEHICLES).get(id);
            if (v != null && (includeDeleted || !v.isDeleted())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Vehicle> findByName(String name) {
        nn(name, "name");
        tx.check();
        for (Tenant t : tx.readableTenants()) {
            for (Vehicle v : t.rows(VEHICLES).values()) {
                if (!v.isDeleted() && v.name().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Vehicle> list() {
        tx.check();
        List<Vehicle> all = new ArrayList<>();
        for (Tenant t : tx.readableTenants()) {
            for (Vehicle v : t.rows(VEHICLES).values()) {
                if (!v.isDeleted()) {
                    all.add(v);
                }
            }
        }
        all.sort(VehicleRepository.LIST_ORDER);
        return Collections.unmodifiableList(all);
    }

    @Override
    public Vehicle recordHeartbeat(VehicleId id, Instant requestedAt, Integer battery, VehicleLocation location) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "lastHeartbeat", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        DomainChecks.range("Vehicle", "batteryLevel", battery, 0, 100);
        tx.checkWritable("VehicleRepository.recordHeartbeat");
        tx.lock("vehicles", id.value());
        Vehicle[] out = new Vehicle[1];
        tx.write(t -> {
            Vehicle old = t.rows(VEHICLES).get(id);
            if (old == null || old.isDeleted()) {
                throw new NotFoundException("Vehicle", id);
            }
            if (old.lastHeartbeat() != null && !at.isAfter(old.lastHeartbeat())) {
                out[0] = old; // out of order: ignored entirely
                return;
            }
            Vehicle stored = old.heartbeat(at, battery, location);
            t.put(VEHICLES, id, stored);
            t.dirtyVehicles.add(id);
            out[0] = stored;
        });
        return out[0];
    }

    /** The reference: each heartbeat as {@link #recordHeartbeat}, after checking the whole list. */
    @Override
    public int recordHeartbeats(List<VehicleHeartbeat> heartbeats) {
        nn(heartbeats, "heartbeats");
        java.util.Set<VehicleId> seen = new java.util.HashSet<>();
        for (VehicleHeartbeat h : heartbeats) {
            nn(h, "heartbeats must not contain null");
            if (!seen.add(h.vehicleId())) {
                throw new IllegalArgumentException("heartbeats: vehicle " + h.vehicleId() + " appears more than once");
            }
        }
        tx.checkWritable("VehicleRepository.recordHeartbeats");
        int applied = 0;
        for (VehicleHeartbeat h : heartbeats) {
            Vehicle before = findById(h.vehicleId()).orElseThrow(() -> new NotFoundException("Vehicle", h.vehicleId()));
            Vehicle after = recordHeartbeat(h.vehicleId(), h.at(), h.batteryLevel(), h.location());
            if (!after.equals(before)) {
                applied++;
            }
        }
        return applied;
    }

    @Override
    public void softDelete(VehicleId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Vehicle", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        tx.checkWritable("VehicleRepository.softDelete");
        tx.lock("vehicles", id.value());
        tx.write(t -> {
            Vehicle old = t.rows(VEHICLES).get(id);
            if (old == null) {
                throw new NotFoundException("Vehicle", id);
            }
            if (old.isDeleted()) {
                return;
            }
            if (hasActiveMission(t, id, null)) {
                throw new VehicleBusyException(id);
            }
            t.put(VEHICLES, id, old.softDeleted(at));
            t.dirtyVehicles.add(id);
        });
    }

    /** True if a non-deleted assigned/in_progress mission (other than {@code except}) is bound to the vehicle. */
    static boolean hasActiveMission(Tenant t, VehicleId vehicle, org.tvm.domain.mission.MissionId except) {
        for (Mission m : t.rows(MISSIONS).values()) {
            if (!m.isDeleted() && m.status().isActive() && vehicle.equals(m.vehicleId()) && !m.id().equals(except)) {
                return true;
            }
        }
        Vehicle v = t.rows(VEHICLES).get(vehicle);
        if (v != null && v.currentMissionId() != null && !v.currentMissionId().equals(except)) {
            Mission current = t.rows(MISSIONS).get(v.currentMissionId());
            return current != null && !current.isDeleted() && current.status().isActive();
        }
        return false;
    }

    @Override
    public void appendLogs(List<VehicleLogEntry> entries) {
        nn(entries, "entries");
        for (VehicleLogEntry e : entries) {
            nn(e, "entries element");
        }
        tx.checkWritable("VehicleRepository.appendLogs");
        for (VehicleLogEntry e : entries) {
            tx.requireContextFacility(e.facilityId(), "VehicleLogEntry");
        }
        if (entries.isEmpty()) {
            return;
        }
        List<LogRow> rows = new ArrayList<>(entries.size());
        for (VehicleLogEntry e : entries) {
            rows.add(new LogRow(e, tx.store.nextSeq()));
        }
        tx.write(t -> {
            for (LogRow r : rows) {
                if (!t.rows(VEHICLES).containsKey(r.entry().vehicleId())) {
                    throw new UnknownReferenceException("VehicleLogEntry", "fk_vehicle_logs_vehicle", "vehicle_id");
                }
            }
            Map<VehicleId, List<LogRow>> byVehicle = new LinkedHashMap<>();
            for (LogRow r : rows) {
                byVehicle.computeIfAbsent(r.entry().vehicleId(), k -> new ArrayList<>()).add(r);
            }
            byVehicle.forEach((v, list) -> t.append(LOGS, v, list));
        });
    }

    @Override
    public List<VehicleLogEntry> logs(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        nn(vehicleId, "vehicleId");
        nn(fromInclusive, "fromInclusive");
        nn(toExclusive, "toExclusive");
        PageRequest.checkLimit(limit);
        checkWindow(fromInclusive, toExclusive);
        tx.check();
        List<LogRow> rows = tx.view().rows(LOGS).getOrDefault(vehicleId, Rows.empty());
        List<LogRow> hits = new ArrayList<>();
        for (LogRow r : rows) {
            Instant at = r.entry().loggedAt();
            if (!at.isBefore(fromInclusive) && at.isBefore(toExclusive)) {
                hits.add(r);
            }
        }
        hits.sort(Comparator.comparing((LogRow r) -> r.entry().loggedAt()).thenComparingLong(LogRow::seq).reversed());
        List<VehicleLogEntry> out = new ArrayList<>();
        for (int i = 0; i < hits.size() && i < limit; i++) {
            out.add(hits.get(i).entry());
        }
        return Collections.unmodifiableList(out);
    }

    static void checkWindow(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("fromInclusive " + from + " is after toExclusive " + to);
        }
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(VehicleId id, Vehicle v, Tenant t) {
        Map<String, String> m = baseColumns(v.id().toString(), t, v.createdAt(), v.updatedAt());
        m.put("name", v.name());
        m.put("serial_number", v.serialNumber());
        m.put("model", v.model());
        m.put("firmware_version", v.firmwareVersion());
        m.put("status", v.status().code());
        m.put("current_mission_id", text(v.currentMissionId()));
        m.put("current_location", v.currentLocation() == null ? null : v.currentLocation().toJson());
        m.put("battery_level", text(v.batteryLevel()));
        m.put("last_heartbeat", timestamp(v.lastHeartbeat()));
        m.put("max_payload_kg", Integer.toString(v.maxPayloadKg()));
        m.put("max_speed_mps", v.maxSpeedMps() == null ? null : v.maxSpeedMps().toPlainString());
        m.put("last_maintenance_date", text(v.lastMaintenanceDate()));
        m.put("next_maintenance_due", text(v.nextMaintenanceDue()));
        m.put("total_distance_km", v.totalDistanceKm() == null ? null : v.totalDistanceKm().toPlainString());
        m.put("total_missions", Integer.toString(v.totalMissions()));
        m.put("deleted_at", timestamp(v.deletedAt()));
        return m;
    }
}
