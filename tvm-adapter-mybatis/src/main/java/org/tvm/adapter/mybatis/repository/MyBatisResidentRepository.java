package org.tvm.adapter.mybatis.repository;

import org.tvm.adapter.sql.JdbcDataAccessLog;
import org.tvm.adapter.sql.Keyset;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.adapter.mybatis.mapper.ResidentMapper;
import org.tvm.adapter.mybatis.support.Jdbc;
import org.tvm.adapter.mybatis.row.ResidentRow;

/** Residents; every returned resident is logged (READ) in the same transaction, in one JDBC batch per call. */
final class MyBatisResidentRepository implements ResidentRepository {

    private static final String E = "Resident";
    private final MyBatisTransaction tx;
    private final ResidentMapper mapper;

    MyBatisResidentRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(ResidentMapper.class);
    }

    @Override
    public void insert(Resident resident) {
        requireNonNull(resident, "resident");
        tx.checkWritable("ResidentRepository.insert");
        tx.requireContextFacility(resident.facilityId(), E);
        tx.write(E, "ResidentRepository.insert", () -> {
            mapper.insert(tx.rows.row(resident));
        });
    }

    @Override
    public Resident update(Resident resident) {
        requireNonNull(resident, "resident");
        tx.checkWritable("ResidentRepository.update");
        tx.requireContextFacility(resident.facilityId(), E);
        return tx.write(E, "ResidentRepository.update", () -> {
            if (mapper.update(tx.rows.row(resident)) == 0) {
                throw new NotFoundException(E, resident.id());
            }
            recordAccess(List.of(resident.id().value()), DataAccessType.UPDATE);
            return tx.rows.resident(mapper.find(tx.facility(), resident.id().value(), true));
        });
    }

    @Override
    public Resident anonymise(ResidentId id, Instant requestedAt) {
        requireNonNull(id, "id");
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.instant(E, "updatedAt", requireNonNull(requestedAt, "at"));
        tx.checkWritable("ResidentRepository.anonymise");
        return tx.write(E, "ResidentRepository.anonymise", () -> {
            ResidentRow current = mapper.find(tx.facility(), id.value(), true);
            if (current == null) {
                throw new NotFoundException(E, id);
            }
            mapper.anonymise(tx.rows.row(tx.rows.resident(current).anonymised(at)));
            recordAccess(List.of(id.value()), DataAccessType.UPDATE);
            return tx.rows.resident(mapper.find(tx.facility(), id.value(), true));
        });
    }

    @Override
    public Optional<Resident> findById(ResidentId id) {
        requireNonNull(id, "id");
        return find(id, false, "ResidentRepository.findById (it records a data access)");
    }

    @Override
    public Optional<Resident> findByIdIncludingDeleted(ResidentId id) {
        requireNonNull(id, "id");
        return find(id, true, "ResidentRepository.findByIdIncludingDeleted (it records a data access)");
    }

    private Optional<Resident> find(ResidentId id, boolean includeDeleted, String operation) {
        return tx.write(E, operation, () -> {
            ResidentRow row = mapper.find(tx.facility(), id.value(), includeDeleted);
            if (row == null) {
                return Optional.<Resident>empty();
            }
            Resident resident = tx.rows.resident(row);
            recordAccess(List.of(row.id), DataAccessType.READ);
            return Optional.of(resident);
        });
    }

    @Override
    public Page<Resident> list(PageRequest page) {
        requireNonNull(page, "page");
        tx.checkWritable("ResidentRepository.list (it records data accesses)");
        List<String> query = List.of("residents.list");
        List<String> after = Keyset.after(page, query, 3);
        return tx.write(E, "ResidentRepository.list", () -> {
            List<ResidentRow> fetched = after == null
                    ? mapper.list(tx.facility(), null, null, null, page.limit() + 1)
                    : mapper.list(tx.facility(), after.get(0), after.get(1), Keyset.uuid(after.get(2)), page.limit() + 1);
            Page<Resident> result = Keyset.page(fetched, page.limit(), query,
                    r -> List.of(r.lastName, r.firstName, r.id.toString()), tx.rows::resident);
            List<UUID> ids = new ArrayList<>();
            result.items().forEach(r -> ids.add(r.id().value()));
            recordAccess(ids, DataAccessType.READ);
            return result;
        });
    }

    @Override
    public void softDelete(ResidentId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Resident", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        tx.write(E, "ResidentRepository.softDelete", () -> {
            if (mapper.softDelete(tx.facility(), id.value(), at) == 0
                    && mapper.find(tx.facility(), id.value(), true) == null) {
                throw new NotFoundException(E, id);
            }
        });
    }

    /** GDPR: one entry per resident for the context actor at the adapter's clock ({@link JdbcDataAccessLog}). */
    void recordAccess(List<UUID> residentIds, DataAccessType type) {
        try {
            JdbcDataAccessLog.record(tx.session.getConnection(), tx.facility(), tx.actor(), residentIds, type, tx.now());
        } catch (SQLException e) {
            throw new Jdbc.SqlFailure(e);
        }
    }

}
