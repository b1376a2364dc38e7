package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AuditRepository;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.AuditRow;
import org.tvm.testkit.inmemory.Tenant.DataAccessRow;

final class InMemoryAudit implements AuditRepository {

    static final Comparator<AuditRow> OLDEST_FIRST = Comparator.comparing((AuditRow r) -> r.entry().timestamp())
            .thenComparingLong(AuditRow::seq);

    private final InMemoryTransaction tx;

    InMemoryAudit(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        nn(entry, "entry");
        tx.checkWritable("AuditRepository.append");
        if (entry.facilityId() != null) {
            tx.requireContextFacility(entry.facilityId(), "AuditEntry");
        }
        AuditEntry withFacility = entry.facilityId() != null ? entry : entry.toBuilder().facilityId(tx.facilityId()).build();
        AuditEntry stored = withFacility;
        AuditRow row = new AuditRow(stored, tx.store.nextSeq());
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "AuditEntry");
            // (user_id, facility_id) REFERENCES users(id, facility_id): a user of this facility only, so another
            // facility's user is refused exactly like a user that does not exist
            if (stored.userId() != null && !t.rows(USERS).containsKey(stored.userId())) {
                throw new UnknownReferenceException("AuditEntry", "fk_audit_logs_user_facility", "user_id");
            }
            t.appendAudit(row);
        });
    }

    @Override
    public void recordDataAccess(DataAccessEntry entry) {
        nn(entry, "entry");
        tx.checkWritable("AuditRepository.recordDataAccess");
        tx.requireContextFacility(entry.facilityId(), "DataAccessEntry");
        DataAccessRow row = new DataAccessRow(entry, tx.store.nextSeq());
        tx.write(t -> {
            if (!t.rows(RESIDENTS).containsKey(entry.residentId())) {
                throw new UnknownReferenceException("DataAccessEntry", "fk_data_access_logs_resident", "resident_id");
            }
            InMemoryTransaction.requireUserRef(t, entry.userId(), "DataAccessEntry", "fk_data_access_logs_user", "user_id");
            t.appendAccess(List.of(row));
        });
    }

    @Override
    public Page<AuditEntry> byResource(String resourceType, UUID resourceId, PageRequest page) {
        nn(resourceType, "resourceType");
        nn(resourceId, "resourceId");
        nn(page, "page");
        tx.check();
        List<AuditRow> hits = new ArrayList<>();
        for (AuditRow r : tx.view().audit) {
            if (resourceType.equals(r.entry().resourceType()) && resourceId.equals(r.entry().resourceId())) {
                hits.add(r);
            }
        }
        return page(hits, page, List.of("audit-by-resource", resourceType, resourceId.toString()));
    }

    @Override
    public Page<AuditEntry> byUser(UserId user, Instant fromInclusive, Instant toExclusive, PageRequest page) {
        nn(user, "user");
        nn(fromInclusive, "fromInclusive");
        nn(toExclusive, "toExclusive");
        nn(page, "page");
        InMemoryVehicles.checkWindow(fromInclusive, toExclusive);
        tx.check();
        List<AuditRow> hits = new ArrayList<>();
        for (AuditRow r : tx.view().audit) {
            Instant ts = r.entry().timestamp();
            if (user.equals(r.entry().userId()) && !ts.isBefore(fromInclusive) && ts.isBefore(toExclusive)) {
                hits.add(r);
            }
        }
        return page(hits, page, List.of("audit-by-user", user.toString(), fromInclusive.toString(), toExclusive.toString()));
    }

    private Page<AuditEntry> page(List<AuditRow> hits, PageRequest page, List<String> prefix) {
        hits.sort(OLDEST_FIRST);
        Page<AuditRow> p = Paging.page(hits, page, prefix, 2,
                r -> List.of(r.entry().timestamp().toString(), Long.toString(r.seq())),
                (r, k) -> {
                    int c = Paging.instant(r.entry().timestamp(), k.get(0));
                    return c != 0 ? c : Paging.seq(r.seq(), k.get(1));
                });
        List<AuditEntry> items = new ArrayList<>(p.items().size());
        for (AuditRow r : p.items()) {
            items.add(r.entry());
        }
        return new Page<>(items, p.nextToken());
    }

    @Override
    public List<DataAccessEntry> dataAccessFor(ResidentId resident, Instant fromInclusive, Instant toExclusive) {
        nn(resident, "resident");
        nn(fromInclusive, "fromInclusive");
        nn(toExclusive, "toExclusive");
        InMemoryVehicles.checkWindow(fromInclusive, toExclusive);
        tx.check();
        List<DataAccessRow> hits = new ArrayList<>();
        for (DataAccessRow r : tx.view().dataAccess) {
            Instant at = r.entry().accessedAt();
            if (r.entry().residentId().equals(resident) && !at.isBefore(fromInclusive) && at.isBefore(toExclusive)) {
                hits.add(r);
            }
        }
        hits.sort(Comparator.comparing((DataAccessRow r) -> r.entry().accessedAt()).thenComparingLong(DataAccessRow::seq));
        List<DataAccessEntry> out = new ArrayList<>(hits.size());
        for (DataAccessRow r : hits) {
            out.add(r.entry());
        }
        return Collections.unmodifiableList(out);
    }
}
