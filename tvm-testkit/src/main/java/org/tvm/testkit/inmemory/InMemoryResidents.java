package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.text;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.timestamp;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.ports.query.Orderings;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.DataAccessRow;
import org.tvm.testkit.inmemory.Tenant.StoredResident;

final class InMemoryResidents implements ResidentRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<ResidentId, StoredResident> RESIDENTS =
            Tenant.Table.audited("residents", InMemoryResidents::auditColumns);

    static final Comparator<Resident> ORDER = Comparator.comparing(Resident::lastName, Orderings.TEXT)
            .thenComparing(Resident::firstName, Orderings.TEXT)
            .thenComparing(r -> r.id().value(), Orderings.UUIDS);

    private final InMemoryTransaction tx;

    InMemoryResidents(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Resident resident) {
        nn(resident, "resident");
        tx.checkWritable("ResidentRepository.insert");
        tx.requireContextFacility(resident.facilityId(), "Resident");
        tx.lock("residents", resident.id().value());
        StoredResident row = tx.stored(resident);
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "Resident");
            if (tx.idTaken(t, "residents", resident.id().value(), t.rows(RESIDENTS).containsKey(resident.id()))) {
                throw new DuplicateKeyException("Resident", "residents_pkey");
            }
            t.put(RESIDENTS, resident.id(), row);
            t.insertedIds.add(new Tenant.RowKey("residents", resident.id().value()));
        });
    }

    @Override
    public Resident update(Resident resident) {
        nn(resident, "resident");
        tx.checkWritable("ResidentRepository.update");
        tx.requireContextFacility(resident.facilityId(), "Resident");
        tx.lock("residents", resident.id().value());
        Resident[] out = new Resident[1];
        Instant accessedAt = tx.store.now();
        long seq = tx.store.nextSeq();
        tx.write(t -> {
            StoredResident old = t.rows(RESIDENTS).get(resident.id());
            if (old == null || old.withoutNotes().isDeleted()) {
                throw new NotFoundException("Resident", resident.id());
            }
            Resident merged = resident.toBuilder().createdAt(old.withoutNotes().createdAt())
                    .deletedAt(old.withoutNotes().deletedAt()).build();
            DataAccessEntry entry = new DataAccessEntry(t.id, tx.actor(), resident.id(), DataAccessType.UPDATE, accessedAt);
            InMemoryTransaction.requireUserRef(t, entry.userId(), "DataAccessEntry", "fk_data_access_logs_user", "user_id");
            t.put(RESIDENTS, resident.id(), tx.stored(merged));
            t.appendAccess(List.of(new DataAccessRow(entry, seq)));
            out[0] = merged;
        });
        return out[0];
    }

    @Override
    public Resident anonymise(ResidentId id, Instant requestedAt) {
        nn(id, "id");
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.instant("Resident", "updatedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        tx.checkWritable("ResidentRepository.anonymise");
        tx.lock("residents", id.value());
        Resident[] out = new Resident[1];
        Instant accessedAt = tx.store.now();
        long seq = tx.store.nextSeq();
        tx.write(t -> {
            StoredResident old = t.rows(RESIDENTS).get(id);
            if (old == null) {
                throw new NotFoundException("Resident", id);
            }
            Resident anonymised = old.withoutNotes().anonymised(at);
            DataAccessEntry entry = new DataAccessEntry(t.id, tx.actor(), id, DataAccessType.UPDATE, accessedAt);
            InMemoryTransaction.requireUserRef(t, entry.userId(), "DataAccessEntry", "fk_data_access_logs_user", "user_id");
            t.put(RESIDENTS, id, tx.stored(anonymised));
            t.appendAccess(List.of(new DataAccessRow(entry, seq)));
            out[0] = anonymised;
        });
        return out[0];
    }

    @Override
    public Optional<Resident> findById(ResidentId id) {
        nn(id, "id");
        tx.checkWritable("ResidentRepository.findById (it records a data access)");
        return find(id, false);
    }

    @Override
    public Optional<Resident> findByIdIncludingDeleted(ResidentId id) {
        nn(id, "id");
        tx.checkWritable("ResidentRepository.findByIdIncludingDeleted (it records a data access)");
        return find(id, true);
    }

    private Optional<Resident> find(ResidentId id, boolean includeDeleted) {
        for (Tenant t : tx.readableTenants()) {
            StoredResident s = t.rows(RESIDENTS).get(id);
            if (s != null && (includeDeleted || !s.withoutNotes().isDeleted())) {
                Resident r = tx.open(s);
                if (r.facilityId().equals(tx.facilityId())) {
                    recordReads(List.of(r));
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public Page<Resident> list(PageRequest page) {
        nn(page, "page");
        tx.checkWritable("ResidentRepository.list (it records data accesses)");
        List<Resident> all = new ArrayList<>();
        for (StoredResident s : tx.view().rows(RESIDENTS).values()) {
            if (!s.withoutNotes().isDeleted()) {
                all.add(s.withoutNotes());
            }
        }
        all.sort(ORDER);
        Page<Resident> p = Paging.page(all, page, List.of("residents"), 3,
                r -> List.of(r.lastName(), r.firstName(), r.id().toString()),
                (r, k) -> {
                    int c = Paging.text(r.lastName(), k.get(0));
                    if (c == 0) {
                        c = Paging.text(r.firstName(), k.get(1));
                    }
                    return c != 0 ? c : Paging.uuid(r.id().value(), k.get(2));
                });
        List<Resident> opened = new ArrayList<>(p.items().size());
        Tenant view = tx.view();
        for (Resident r : p.items()) {
            opened.add(tx.open(view.rows(RESIDENTS).get(r.id())));
        }
        recordReads(opened);
        return new Page<>(opened, p.nextToken());
    }

    /** GDPR: one READ entry per returned resident, in this transaction. */
    void recordReads(List<Resident> returned) {
        if (returned.isEmpty()) {
            return;
        }
        Instant accessedAt = tx.store.now();
        List<DataAccessRow> rows = new ArrayList<>();
        for (Resident r : returned) {
            rows.add(new DataAccessRow(new DataAccessEntry(tx.facilityId(), tx.actor(), r.id(), DataAccessType.READ,
                    accessedAt), tx.store.nextSeq()));
        }
        tx.write(t -> {
            for (DataAccessRow row : rows) {
                InMemoryTransaction.requireUserRef(t, row.entry().userId(), "DataAccessEntry", "fk_data_access_logs_user",
                        "user_id");
                if (!t.rows(RESIDENTS).containsKey(row.entry().residentId())) {
                    throw new org.tvm.ports.UnknownReferenceException("DataAccessEntry", "fk_data_access_logs_resident",
                            "resident_id");
                }
            }
            t.appendAccess(rows);
        });
    }

    @Override
    public void softDelete(ResidentId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Resident", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        tx.checkWritable("ResidentRepository.softDelete");
        tx.lock("residents", id.value());
        tx.write(t -> {
            StoredResident old = t.rows(RESIDENTS).get(id);
            if (old == null) {
                throw new NotFoundException("Resident", id);
            }
            if (old.withoutNotes().isDeleted()) {
                return;
            }
            t.put(RESIDENTS, id, new StoredResident(old.withoutNotes().softDeleted(at), old.sealedNotes()));
        });
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(ResidentId id, StoredResident s, Tenant t) {
        Resident r = s.withoutNotes();
        Map<String, String> m = baseColumns(r.id().toString(), t, r.createdAt(), r.updatedAt());
        m.put("first_name", r.firstName());
        m.put("last_name", r.lastName());
        m.put("date_of_birth", text(r.dateOfBirth()));
        m.put("gender", r.gender() == null ? null : r.gender().code());
        m.put("phone", r.phone() == null ? null : r.phone().value());
        m.put("emergency_contact_name", r.emergencyContactName());
        m.put("emergency_contact_phone", r.emergencyContactPhone() == null ? null : r.emergencyContactPhone().value());
        m.put("medical_notes", s.sealedNotes());
        m.put("wheelchair_type", r.wheelchairType() == null ? null : r.wheelchairType().code());
        m.put("requires_assistance", Boolean.toString(r.requiresAssistance()));
        m.put("preferred_language", r.preferredLanguage());
        m.put("photo_url", r.photoUrl());
        m.put("gdpr_consent", Boolean.toString(r.gdprConsent()));
        m.put("gdpr_consent_date", timestamp(r.gdprConsentDate()));
        m.put("deleted_at", timestamp(r.deletedAt()));
        return m;
    }
}
