package org.tvm.testkit.inmemory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationId;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * All rows of one facility. A committed tenant is never mutated again; a transaction works on a {@link #copy()}
 * (shallow: rows are immutable, containers are copied; per-vehicle telemetry/log lists are replaced, not mutated).
 * The {@code dirty*} sets exist only on working copies and tell the commit what to validate and index.
 */
final class Tenant {

    /** A resident as stored: the domain object without medical notes, plus the sealed notes column. */
    record StoredResident(Resident withoutNotes, String sealedNotes) {
    }

    /** A user as stored: the domain object carrying the sealed text instead of the MFA secret, plus that sealed column. */
    record StoredUser(User withoutSecret, String sealedSecret) {
    }

    record EventRow(MissionEvent event, long seq) {
    }

    record TelemetryRow(TelemetrySample sample, long seq) {
    }

    record LogRow(VehicleLogEntry entry, long seq) {
    }

    record AuditRow(AuditEntry entry, long seq) {
    }

    record DataAccessRow(DataAccessEntry entry, long seq) {
    }

    /** Kind-tagged id for the global id index and the row locks. */
    record RowKey(String table, UUID id) {
    }

    final FacilityId id;
    Facility facility;
    Map<LocationId, Location> locations;
    Map<MapId, FacilityMap> maps;
    Map<ResidentId, StoredResident> residents;
    Map<VehicleId, Vehicle> vehicles;
    Map<MissionId, Mission> missions;
    Map<MissionId, Rows<EventRow>> events;
    Map<VehicleId, Rows<TelemetryRow>> telemetry;
    /** vehicle -> its latest telemetry row (see {@link InMemoryTelemetry#NEWEST_FIRST}), kept with {@link #telemetry}. */
    Map<VehicleId, TelemetryRow> latestTelemetry;
    Map<VehicleId, Rows<LogRow>> logs;
    Map<UserId, StoredUser> users;
    /** user -> role -> granted by (nullable value, hence LinkedHashMap). */
    Map<UserId, Map<RoleName, UserId>> grants;
    /** caregiver -> assigned residents. */
    Map<UserId, Set<ResidentId>> caregivers;
    Rows<AuditRow> audit;
    Rows<DataAccessRow> dataAccess;

    // working-copy bookkeeping
    final Set<RowKey> insertedIds = new HashSet<>();
    final Set<UserId> dirtyUsers = new HashSet<>();
    final Set<VehicleId> dirtyVehicles = new HashSet<>();
    final Set<MissionId> dirtyMissions = new HashSet<>();
    boolean dirty;

    Tenant(FacilityId id) {
        this.id = id;
        locations = new LinkedHashMap<>();
        maps = new LinkedHashMap<>();
        residents = new LinkedHashMap<>();
        vehicles = new LinkedHashMap<>();
        missions = new LinkedHashMap<>();
        events = new LinkedHashMap<>();
        telemetry = new LinkedHashMap<>();
        latestTelemetry = new HashMap<>();
        logs = new LinkedHashMap<>();
        users = new LinkedHashMap<>();
        grants = new LinkedHashMap<>();
        caregivers = new LinkedHashMap<>();
        audit = Rows.empty();
        dataAccess = Rows.empty();
    }

    private Tenant(Tenant o) {
        this.id = o.id;
        this.facility = o.facility;
        locations = new LinkedHashMap<>(o.locations);
        maps = new LinkedHashMap<>(o.maps);
        residents = new LinkedHashMap<>(o.residents);
        vehicles = new LinkedHashMap<>(o.vehicles);
        missions = new LinkedHashMap<>(o.missions);
        events = new LinkedHashMap<>(o.events);
        telemetry = new LinkedHashMap<>(o.telemetry);
        latestTelemetry = new HashMap<>(o.latestTelemetry);
        logs = new LinkedHashMap<>(o.logs);
        users = new LinkedHashMap<>(o.users);
        grants = new LinkedHashMap<>(o.grants);
        caregivers = new LinkedHashMap<>(o.caregivers);
        audit = o.audit; // immutable, shared
        dataAccess = o.dataAccess;
    }

    /** A working copy with empty bookkeeping. */
    Tenant copy() {
        return new Tenant(this);
    }

    /** Appends rows to the key's immutable list, sharing the old list's storage (O(rows + size / chunk)). */
    static <K, V> void append(Map<K, Rows<V>> map, K key, List<V> rows) {
        Rows<V> old = map.get(key);
        map.put(key, (old == null ? Rows.<V>empty() : old).plus(rows));
    }

    /** Appends telemetry rows of one vehicle and keeps {@link #latestTelemetry} up to date. */
    void appendTelemetry(VehicleId vehicle, List<TelemetryRow> rows) {
        append(telemetry, vehicle, rows);
        TelemetryRow best = latestTelemetry.get(vehicle);
        for (TelemetryRow r : rows) {
            if (best == null || InMemoryTelemetry.NEWEST_FIRST.compare(r, best) < 0) {
                best = r;
            }
        }
        latestTelemetry.put(vehicle, best);
    }

    /** Replaces a vehicle's telemetry (retention) and recomputes its latest row. */
    void replaceTelemetry(VehicleId vehicle, List<TelemetryRow> rows) {
        telemetry.put(vehicle, Rows.of(rows));
        TelemetryRow best = null;
        for (TelemetryRow r : rows) {
            if (best == null || InMemoryTelemetry.NEWEST_FIRST.compare(r, best) < 0) {
                best = r;
            }
        }
        if (best == null) {
            latestTelemetry.remove(vehicle);
        } else {
            latestTelemetry.put(vehicle, best);
        }
    }
}
