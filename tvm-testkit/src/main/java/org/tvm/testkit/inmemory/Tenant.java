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

    /** {@code seq} orders rows store-wide and is the row id in the chain; the chain fields are set by {@link #link}. */
    record AuditRow(AuditEntry entry, long seq, long chainSeq, String prevHash, String rowHash) {
        AuditRow(AuditEntry entry, long seq) {
            this(entry, seq, 0, null, null);
        }
    }

    record DataAccessRow(DataAccessEntry entry, long seq, long chainSeq, String prevHash, String rowHash) {
        DataAccessRow(DataAccessEntry entry, long seq) {
            this(entry, seq, 0, null, null);
        }
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
    /** The facility's audit chain head (what PostgreSQL keeps in audit_chain_heads). */
    long chainSeq;
    String chainHash = org.tvm.domain.audit.AuditChain.GENESIS;

    // working-copy bookkeeping
    final Set<RowKey> insertedIds = new HashSet<>();
    final Set<UserId> dirtyUsers = new HashSet<>();
    final Set<VehicleId> dirtyVehicles = new HashSet<>();
    final Set<MissionId> dirtyMissions = new HashSet<>();
    boolean dirty;

    Tenant(FacilityId id) {
        this.id = id;
        locations = new TrackingMap<>(Map.of());
        maps = new TrackingMap<>(Map.of());
        residents = new TrackingMap<>(Map.of());
        vehicles = new TrackingMap<>(Map.of());
        missions = new TrackingMap<>(Map.of());
        events = new LinkedHashMap<>();
        telemetry = new LinkedHashMap<>();
        latestTelemetry = new HashMap<>();
        logs = new LinkedHashMap<>();
        users = new TrackingMap<>(Map.of());
        grants = new TrackingMap<>(Map.of());
        caregivers = new TrackingMap<>(Map.of());
        audit = Rows.empty();
        dataAccess = Rows.empty();
    }

    private Tenant(Tenant o) {
        this.id = o.id;
        this.facility = o.facility;
        // the audited tables are TrackingMaps: the audit trigger diffs what a write touched
        locations = new TrackingMap<>(o.locations);
        maps = new TrackingMap<>(o.maps);
        residents = new TrackingMap<>(o.residents);
        vehicles = new TrackingMap<>(o.vehicles);
        missions = new TrackingMap<>(o.missions);
        events = new LinkedHashMap<>(o.events);
        telemetry = new LinkedHashMap<>(o.telemetry);
        latestTelemetry = new HashMap<>(o.latestTelemetry);
        logs = new LinkedHashMap<>(o.logs);
        users = new TrackingMap<>(o.users);
        grants = new TrackingMap<>(o.grants);
        caregivers = new TrackingMap<>(o.caregivers);
        audit = o.audit; // immutable, shared
        dataAccess = o.dataAccess;
        chainSeq = o.chainSeq;
        chainHash = o.chainHash;
    }

    /** Appends an audit entry as the chain's next link (the chain trigger's work). */
    void appendAudit(AuditRow row) {
        long s = ++chainSeq;
        String h = org.tvm.domain.audit.AuditChain.rowHash(id.value(), s, org.tvm.domain.audit.AuditChain.KIND_AUDIT,
                row.seq(), InMemoryAuditTrail.fields(row.entry()), chainHash);
        audit = audit.plus(new AuditRow(row.entry(), row.seq(), s, chainHash, h));
        chainHash = h;
    }

    /** Appends data-access entries as the chain's next links. */
    void appendAccess(List<DataAccessRow> rows) {
        List<DataAccessRow> linked = new java.util.ArrayList<>(rows.size());
        for (DataAccessRow row : rows) {
            long s = ++chainSeq;
            String h = org.tvm.domain.audit.AuditChain.rowHash(id.value(), s, org.tvm.domain.audit.AuditChain.KIND_ACCESS,
                    row.seq(), InMemoryAuditTrail.fields(row.entry()), chainHash);
            linked.add(new DataAccessRow(row.entry(), row.seq(), s, chainHash, h));
            chainHash = h;
        }
        dataAccess = dataAccess.plus(linked);
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
