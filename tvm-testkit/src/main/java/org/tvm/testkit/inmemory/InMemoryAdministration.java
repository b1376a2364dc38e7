package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTelemetry.TELEMETRY;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmAdministration;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence.AdminResult;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence.Db;
import org.tvm.testkit.inmemory.Tenant.StoredResident;
import org.tvm.testkit.inmemory.Tenant.TelemetryRow;

/**
 * {@link TvmAdministration} over the same store. Each method is one atomic change of the committed snapshot. Without
 * telemetry partitions, {@link #ensureTelemetryPartitions} is a no-op and retention deletes rows.
 */
final class InMemoryAdministration implements TvmAdministration {

    private final InMemoryTvmPersistence store;
    private volatile boolean closed;

    InMemoryAdministration(InMemoryTvmPersistence store) {
        this.store = store;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this TvmAdministration is closed");
        }
    }

    static Db with(Db db, Map<FacilityId, Tenant> changed) {
        if (changed.isEmpty()) {
            return null;
        }
        Map<FacilityId, Tenant> tenants = new HashMap<>(db.tenants());
        tenants.putAll(changed);
        return new Db(Collections.unmodifiableMap(tenants), db.catalogue());
    }

    @Override
    public void createFacility(Facility facility) {
        nn(facility, "facility");
        checkOpen();
        store.administer(db -> {
            Tenant existing = db.tenants().get(facility.id());
            if (existing != null && existing.facility != null) {
                throw new DuplicateKeyException("Facility", "facilities_pkey");
            }
            Tenant t = existing == null ? new Tenant(facility.id()) : existing.copy();
            t.facility = facility;
            return new AdminResult<>(with(db, Map.of(facility.id(), t.copy())), null);
        });
    }

    @Override
    public Optional<Facility> findFacility(FacilityId id) {
        nn(id, "id");
        checkOpen();
        store.checkOpen();
        store.checkNoTransactionOnThread();
        Tenant t = store.snapshot().tenants().get(id);
        return Optional.ofNullable(t == null ? null : t.facility);
    }

    @Override
    public void ensureTelemetryPartitions(YearMonth fromInclusive, YearMonth toInclusive) {
        nn(fromInclusive, "fromInclusive");
        nn(toInclusive, "toInclusive");
        if (fromInclusive.isAfter(toInclusive)) {
            throw new IllegalArgumentException("fromInclusive " + fromInclusive + " is after toInclusive " + toInclusive);
        }
        checkOpen();
        store.checkOpen();
        store.checkNoTransactionOnThread();
        // no PARTITIONED_TELEMETRY: nothing to do
    }

    @Override
    public List<String> dropTelemetryPartitionsBefore(YearMonth month) {
        nn(month, "month");
        checkOpen();
        Instant cutoff = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.administer(db -> {
            Map<FacilityId, Tenant> changed = new HashMap<>();
            for (Tenant t : db.tenants().values()) {
                Tenant copy = null;
                for (Map.Entry<VehicleId, Rows<TelemetryRow>> e : t.rows(TELEMETRY).entrySet()) {
                    List<TelemetryRow> kept = new ArrayList<>();
                    for (TelemetryRow r : e.getValue()) {
                        if (!r.sample().timestamp().isBefore(cutoff)) {
                            kept.add(r);
                        }
                    }
                    if (kept.size() != e.getValue().size()) {
                        if (copy == null) {
                            copy = t.copy();
                        }
                        copy.replaceTelemetry(e.getKey(), kept);
                    }
                }
                if (copy != null) {
                    changed.put(t.id, copy);
                }
            }
            return new AdminResult<>(with(db, changed), List.of());
        });
    }

    @Override
    public int anonymiseResidentsDeletedBefore(Instant cutoff) {
        nn(cutoff, "cutoff");
        checkOpen();
        return store.administer(db -> {
            Map<FacilityId, Tenant> changed = new HashMap<>();
            int count = 0;
            for (Tenant t : db.tenants().values()) {
                Tenant copy = null;
                for (StoredResident s : t.rows(RESIDENTS).values()) {
                    Resident r = s.withoutNotes();
                    if (r.deletedAt() == null || !r.deletedAt().isBefore(cutoff) || isAnonymised(r)) {
                        continue;
                    }
                    // mirrors the SQL adapters' bulk statement, a second statement of Resident.anonymised (the one
                    // rule; updatedAt left as the SQL leaves it); ResidentRightsContract proves they agree
                    Resident anonymised = r.toBuilder().firstName("Deleted").lastName("User #" + r.id())
                            .phone(null).emergencyContactName(null).emergencyContactPhone(null).medicalNotes(null)
                            .photoUrl(null).dateOfBirth(LocalDate.of(r.dateOfBirth().getYear(), 1, 1)).build();
                    if (copy == null) {
                        copy = t.copy();
                    }
                    copy.put(RESIDENTS, r.id(), new StoredResident(anonymised, null));
                    count++;
                }
                if (copy != null) {
                    changed.put(t.id, copy);
                }
            }
            return new AdminResult<>(with(db, changed), count);
        });
    }

    static boolean isAnonymised(Resident r) {
        return r.firstName().equals("Deleted") && r.lastName().equals("User #" + r.id()) && r.phone() == null
                && r.emergencyContactName() == null && r.emergencyContactPhone() == null && r.photoUrl() == null
                && r.dateOfBirth().getDayOfYear() == 1;
    }

    @Override
    public long linkWaitingAuditEntries() {
        checkOpen();
        store.checkOpen();
        store.checkNoTransactionOnThread();
        return 0; // every entry is linked when written (Tenant.appendAudit)
    }

    @Override
    public void refreshMissionSummary() {
        checkOpen();
        store.checkOpen();
        store.checkNoTransactionOnThread();
        // no materialized view in memory
    }

    @Override
    public void grantPermission(RoleName role, Permission permission) {
        nn(role, "role");
        nn(permission, "permission");
        checkOpen();
        store.administer(db -> {
            Catalogue c = db.catalogue();
            if (c.of(role).contains(permission)) {
                return new AdminResult<>(null, null);
            }
            Map<RoleName, Set<Permission>> grants = new EnumMap<>(c.grants());
            Set<Permission> perms = new LinkedHashSet<>(c.of(role));
            perms.add(permission);
            grants.put(role, Collections.unmodifiableSet(perms));
            Set<Permission> all = new LinkedHashSet<>(c.permissions());
            all.add(permission);
            Catalogue next = new Catalogue(Collections.unmodifiableMap(grants), Collections.unmodifiableSet(all));
            return new AdminResult<>(new Db(db.tenants(), next), null);
        });
    }

    @Override
    public void revokePermission(RoleName role, Permission permission) {
        nn(role, "role");
        nn(permission, "permission");
        checkOpen();
        store.administer(db -> {
            Catalogue c = db.catalogue();
            if (!c.of(role).contains(permission)) {
                return new AdminResult<>(null, null);
            }
            Map<RoleName, Set<Permission>> grants = new EnumMap<>(c.grants());
            Set<Permission> perms = new LinkedHashSet<>(c.of(role));
            perms.remove(permission);
            grants.put(role, Collections.unmodifiableSet(perms));
            Catalogue next = new Catalogue(Collections.unmodifiableMap(grants), c.permissions());
            return new AdminResult<>(new Db(db.tenants(), next), null);
        });
    }

    @Override
    public org.tvm.ports.AuditTrail auditTrail(org.tvm.domain.audit.AuditChainKey current,
                                               org.tvm.domain.audit.AuditChainKey... retired) {
        checkOpen();
        return new InMemoryAuditTrail(store, current, retired);
    }

    @Override
    public void close() {
        closed = true;
    }
}
