package org.tvm.adapter.jpa.repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.tvm.adapter.jpa.entity.ResidentEntity;
import org.tvm.adapter.sql.JdbcDataAccessLog;
import org.tvm.adapter.sql.Keyset;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * {@link ResidentRepository}: medical notes sealed by the mapper; every returned resident is logged in
 * {@code data_access_logs} in the same transaction (one multi-row INSERT per call).
 */
final class JpaResidentRepository implements ResidentRepository {

    private static final List<String> LIST_PREFIX = List.of("residents.list");

    private final JpaTransaction tx;

    JpaResidentRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Resident resident) {
        Objects.requireNonNull(resident, "resident");
        tx.checkWritable("ResidentRepository.insert");
        tx.requireContextFacility(resident.facilityId(), "Resident");
        tx.writeVoid("Resident", () -> tx.session().persist(tx.mapper().toEntity(resident)));
    }

    @Override
    public Resident update(Resident resident) {
        Objects.requireNonNull(resident, "resident");
        tx.checkWritable("ResidentRepository.update");
        tx.requireContextFacility(resident.facilityId(), "Resident");
        return tx.write("Resident", () -> {
            ResidentEntity e = tx.mapper().toEntity(resident);
            int rows = tx.session().createMutationQuery("update ResidentEntity r set r.firstName = :fn, r.lastName = :ln, "
                            + "r.dateOfBirth = :dob, r.gender = :gender, r.phone = :phone, r.emergencyContactName = :ecn, "
                            + "r.emergencyContactPhone = :ecp, r.medicalNotes = :notes, r.wheelchairType = :wt, "
                            + "r.requiresAssistance = :ra, r.preferredLanguage = :lang, r.photoUrl = :photo, "
                            + "r.gdprConsent = :consent, r.gdprConsentDate = :consentDate, r.updatedAt = :updated "
                            + "where r.id = :id and r.facilityId = :f and r.deletedAt is null")
                    .setParameter("fn", e.firstName).setParameter("ln", e.lastName).setParameter("dob", e.dateOfBirth)
                    .setParameter("gender", e.gender).setParameter("phone", e.phone)
                    .setParameter("ecn", e.emergencyContactName).setParameter("ecp", e.emergencyContactPhone)
                    .setParameter("notes", e.medicalNotes).setParameter("wt", e.wheelchairType)
                    .setParameter("ra", e.requiresAssistance).setParameter("lang", e.preferredLanguage)
                    .setParameter("photo", e.photoUrl).setParameter("consent", e.gdprConsent)
                    .setParameter("consentDate", e.gdprConsentDate).setParameter("updated", e.updatedAt)
                    .setParameter("id", e.id).setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0) {
                throw new NotFoundException("Resident", resident.id());
            }
            Resident stored = load(e.id, false).orElseThrow(() -> new NotFoundException("Resident", resident.id()));
            recordAccess(List.of(e.id), DataAccessType.UPDATE);
            return stored;
        });
    }

    @Override
    public Resident anonymise(ResidentId id, Instant requestedAt) {
        Objects.requireNonNull(id, "id");
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.instant("Resident", "updatedAt", Objects.requireNonNull(requestedAt, "at"));
        tx.checkWritable("ResidentRepository.anonymise");
        return tx.write("Resident", () -> {
            Resident current = load(id.value(), true).orElseThrow(() -> new NotFoundException("Resident", id));
            ResidentEntity e = tx.mapper().toEntity(current.anonymised(at));
            // deleted or not: a deleted resident's data is held until anonymised (no deletedAt condition)
            tx.session().createMutationQuery("update ResidentEntity r set r.firstName = :fn, r.lastName = :ln, "
                            + "r.dateOfBirth = :dob, r.phone = :phone, r.emergencyContactName = :ecn, "
                            + "r.emergencyContactPhone = :ecp, r.medicalNotes = :notes, r.photoUrl = :photo, "
                            + "r.updatedAt = :updated where r.id = :id and r.facilityId = :f")
                    .setParameter("fn", e.firstName).setParameter("ln", e.lastName).setParameter("dob", e.dateOfBirth)
                    .setParameter("phone", e.phone).setParameter("ecn", e.emergencyContactName)
                    .setParameter("ecp", e.emergencyContactPhone).setParameter("notes", e.medicalNotes)
                    .setParameter("photo", e.photoUrl).setParameter("updated", e.updatedAt)
                    .setParameter("id", e.id).setParameter("f", tx.facility()).executeUpdate();
            tx.session().clear(); // the bulk update bypassed the session: drop the copy loaded above
            Resident stored = load(e.id, true).orElseThrow(() -> new NotFoundException("Resident", id));
            recordAccess(List.of(e.id), DataAccessType.UPDATE);
            return stored;
        });
    }

    @Override
    public Optional<Resident> findById(ResidentId id) {
        Objects.requireNonNull(id, "id");
        return find(id, false, "ResidentRepository.findById (it records a data access)");
    }

    @Override
    public Optional<Resident> findByIdIncludingDeleted(ResidentId id) {
        Objects.requireNonNull(id, "id");
        return find(id, true, "ResidentRepository.findByIdIncludingDeleted (it records a data access)");
    }

    private Optional<Resident> find(ResidentId id, boolean includingDeleted, String operation) {
        tx.checkWritable(operation);
        return tx.write("Resident", () -> {
            Optional<Resident> found = load(id.value(), includingDeleted);
            found.ifPresent(r -> recordAccess(List.of(r.id().value()), DataAccessType.READ));
            return found;
        });
    }

    private Optional<Resident> load(UUID id, boolean includingDeleted) {
        return tx.session().createSelectionQuery("from ResidentEntity r where r.id = :id and r.facilityId = :f"
                        + (includingDeleted ? "" : " and r.deletedAt is null"), ResidentEntity.class)
                .setParameter("id", id).setParameter("f", tx.facility()).setReadOnly(true)
                .uniqueResultOptional().map(tx.mapper()::toDomain);
    }

    @Override
    public Page<Resident> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        tx.checkWritable("ResidentRepository.list (it records data accesses)");
        List<String> after = Keyset.after(page, LIST_PREFIX, 3);
        String c = tx.dialect().collateC();
        return tx.write("Resident", () -> {
            StringBuilder sql = new StringBuilder("SELECT r.* FROM residents r WHERE r.facility_id = :f AND r.deleted_at IS NULL");
            if (after != null) {
                sql.append(" AND (r.last_name").append(c).append(", r.first_name").append(c)
                        .append(", r.id) > (:ln, :fn, :id)");
            }
            sql.append(" ORDER BY r.last_name").append(c).append(", r.first_name").append(c).append(", r.id LIMIT :n");
            NativeQuery<ResidentEntity> q = tx.session().createNativeQuery(sql.toString(), ResidentEntity.class)
                    .setParameter("f", tx.facility()).setParameter("n", page.limit() + 1);
            if (after != null) {
                UUID id;
                try {
                    id = UUID.fromString(after.get(2));
                } catch (RuntimeException e) {
                    throw Keyset.malformed(e);
                }
                q.setParameter("ln", after.get(0)).setParameter("fn", after.get(1)).setParameter("id", id);
            }
            List<Resident> rows = q.setReadOnly(true).getResultList().stream().map(tx.mapper()::toDomain).toList();
            Page<Resident> result = Keyset.page(rows, page.limit(), LIST_PREFIX,
                    r -> List.of(r.lastName(), r.firstName(), r.id().value().toString()));
            recordAccess(result.items().stream().map(r -> r.id().value()).toList(), DataAccessType.READ);
            return result;
        });
    }

    @Override
    public void softDelete(ResidentId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Resident", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        tx.checkWritable("ResidentRepository.softDelete");
        tx.writeVoid("Resident", () -> {
            int rows = tx.session().createMutationQuery("update ResidentEntity r set r.deletedAt = :at, r.updatedAt = :at "
                            + "where r.id = :id and r.facilityId = :f and r.deletedAt is null")
                    .setParameter("at", at).setParameter("id", id.value()).setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0 && !exists(id.value())) {
                throw new NotFoundException("Resident", id);
            }
        });
    }

    private boolean exists(UUID id) {
        return tx.session().createSelectionQuery("select count(r) from ResidentEntity r where r.id = :id and r.facilityId = :f",
                Long.class).setParameter("id", id).setParameter("f", tx.facility()).getSingleResult() > 0;
    }

    /** The given residents' data-access entries (actor of the context, adapter clock): {@link JdbcDataAccessLog}. */
    void recordAccess(List<UUID> residentIds, DataAccessType type) {
        if (residentIds.isEmpty()) {
            return;
        }
        tx.session().flush(); // the entries reference the residents, which may still be pending in the session
        tx.session().doWork(c -> JdbcDataAccessLog.record(c, tx.facility(), tx.actor(), residentIds, type, tx.now()));
    }
}
