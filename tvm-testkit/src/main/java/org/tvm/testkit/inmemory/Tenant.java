package org.tvm.testkit.inmemory;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * All rows of one facility: its {@link Table tables}, each declared by the repository that owns it, plus the audit
 * chain. A committed tenant is never mutated again; a transaction works on a {@link #copy()} (shallow: rows are
 * immutable, containers are copied; per-vehicle telemetry/log lists are replaced, not mutated). The {@code dirty*}
 * sets exist only on working copies and tell the commit what to validate and index.
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

    /**
     * A keyed table of a tenant, declared by the in-memory repository that owns it (e.g. {@link InMemoryMaps#MAPS}).
     * A tenant holds and copies every table generically, so a new table adds no field here. Identity is the key.
     */
    static final class Table<K, V> {
        private final String name;
        private final boolean tracked;
        private final InMemoryAuditTrigger.Columns<K, V> columns;

        private Table(String name, boolean tracked, InMemoryAuditTrigger.Columns<K, V> columns) {
            this.name = name;
            this.tracked = tracked;
            this.columns = columns;
        }

        /**
         * An audited table (see {@code AuditedTables}): the audit trigger records every row a write changed, rendered
         * by {@code columns}, with no code of its own for the table.
         */
        static <K, V> Table<K, V> audited(String name, InMemoryAuditTrigger.Columns<K, V> columns) {
            return new Table<>(name, true, columns);
        }

        /** A table whose working copies remember what each write touched, for a diff of its own in the trigger. */
        static <K, V> Table<K, V> tracked(String name) {
            return new Table<>(name, true, null);
        }

        /** A table nothing diffs (append-only rows and the like). */
        static <K, V> Table<K, V> plain(String name) {
            return new Table<>(name, false, null);
        }

        /** How the audit trigger renders a row; null unless {@linkplain #audited audited}. */
        InMemoryAuditTrigger.Columns<K, V> columns() {
            return columns;
        }

        /** A working copy of {@code rows}: copy-on-write containers, shared immutable rows. */
        private Map<K, V> copy(Map<K, V> rows) {
            return tracked ? new TrackingMap<>(rows) : new LinkedHashMap<>(rows);
        }

        /** The database table it stands for. */
        String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    final FacilityId id;
    Facility facility;
    /**
     * Table -> its rows. A table nobody wrote to yet is absent and reads as empty, so a tenant made before the class
     * declaring a table was loaded needs nothing done to it.
     */
    private final Map<Table<?, ?>, Map<?, ?>> tables = new LinkedHashMap<>();
    /** vehicle -> its latest telemetry row (see {@link InMemoryTelemetry#NEWEST_FIRST}), kept with its telemetry. */
    Map<VehicleId, TelemetryRow> latestTelemetry;
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
        latestTelemetry = new HashMap<>();
        audit = Rows.empty();
        dataAccess = Rows.empty();
    }

    private Tenant(Tenant o) {
        this.id = o.id;
        this.facility = o.facility;
        for (Table<?, ?> table : o.tables.keySet()) {
            copyTable(o, table);
        }
        latestTelemetry = new HashMap<>(o.latestTelemetry);
        audit = o.audit; // immutable, shared
        dataAccess = o.dataAccess;
        chainSeq = o.chainSeq;
        chainHash = o.chainHash;
    }

    private <K, V> void copyTable(Tenant from, Table<K, V> table) {
        tables.put(table, table.copy(from.stored(table)));
    }

    /** The tables written to so far, in the order of their first write. */
    List<Table<?, ?>> tables() {
        return List.copyOf(tables.keySet());
    }

    /** The table's rows, read-only: writes go through {@link #put} and {@link #remove}, on working copies only. */
    <K, V> Map<K, V> rows(Table<K, V> table) {
        Map<K, V> rows = stored(table);
        return rows == null ? Map.of() : Collections.unmodifiableMap(rows);
    }

    /** Writes a row of a working copy. */
    <K, V> void put(Table<K, V> table, K key, V value) {
        Map<K, V> rows = stored(table);
        if (rows == null) {
            rows = table.copy(Map.of());
            tables.put(table, rows);
        }
        rows.put(key, value);
    }

    /** Removes a row of a working copy. */
    <K, V> void remove(Table<K, V> table, K key) {
        Map<K, V> rows = stored(table);
        if (rows != null) {
            rows.remove(key);
        }
    }

    /** What writes touched in a tracked table since the audit trigger last looked; null if nothing could have. */
    <K, V> TrackingMap<K, V> tracking(Table<K, V> table) {
        return stored(table) instanceof TrackingMap<K, V> tracking ? tracking : null;
    }

    @SuppressWarnings("unchecked") // every value of tables is stored under its own table by put and the copy
    private <K, V> Map<K, V> stored(Table<K, V> table) {
        return (Map<K, V>) tables.get(table);
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
    <K, V> void append(Table<K, Rows<V>> table, K key, List<V> rows) {
        Rows<V> old = rows(table).get(key);
        put(table, key, (old == null ? Rows.<V>empty() : old).plus(rows));
    }

    /** Appends telemetry rows of one vehicle and keeps {@link #latestTelemetry} up to date. */
    void appendTelemetry(VehicleId vehicle, List<TelemetryRow> rows) {
        append(InMemoryTelemetry.TELEMETRY, vehicle, rows);
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
        put(InMemoryTelemetry.TELEMETRY, vehicle, Rows.of(rows));
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
