package org.tvm.adapter.mybatis.repository;

import org.tvm.adapter.sql.Keyset;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AuditRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.mapper.AuditMapper;
import org.tvm.adapter.mybatis.row.AuditRow;

final class MyBatisAuditRepository implements AuditRepository {

    private final MyBatisTransaction tx;
    private final AuditMapper mapper;

    MyBatisAuditRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(AuditMapper.class);
    }

    @Override
    public void append(AuditEntry entry) {
        requireNonNull(entry, "entry");
        tx.checkWritable("AuditRepository.append");
        if (entry.facilityId() != null) {
            tx.requireContextFacility(entry.facilityId(), "AuditEntry");
        }
        tx.write("AuditEntry", "AuditRepository.append", () -> {
            mapper.insertAudit(RowMapper.row(entry, tx.context().facilityId()));
        });
    }

    @Override
    public void recordDataAccess(DataAccessEntry entry) {
        requireNonNull(entry, "entry");
        tx.checkWritable("AuditRepository.recordDataAccess");
        tx.requireContextFacility(entry.facilityId(), "DataAccessEntry");
        tx.write("DataAccessEntry", "AuditRepository.recordDataAccess", () -> {
            mapper.insertDataAccess(RowMapper.row(entry));
        });
    }

    @Override
    public Page<AuditEntry> byResource(String resourceType, UUID resourceId, PageRequest page) {
        requireNonNull(resourceType, "resourceType");
        requireNonNull(resourceId, "resourceId");
        requireNonNull(page, "page");
        List<String> query = List.of("audit.byResource", resourceType, resourceId.toString());
        List<String> after = Keyset.after(page, query, 2);
        return tx.read("AuditEntry", () -> {
            List<AuditRow> fetched = after == null
                    ? mapper.byResource(tx.facility(), resourceType, resourceId, null, null, page.limit() + 1)
                    : mapper.byResource(tx.facility(), resourceType, resourceId, Keyset.instant(after.get(0)),
                            Keyset.longValue(after.get(1)), page.limit() + 1);
            return Keyset.page(fetched, page.limit(), query, r -> List.of(r.timestamp.toString(), r.id.toString()),
                    RowMapper::audit);
        });
    }

    @Override
    public Page<AuditEntry> byUser(UserId user, Instant fromInclusive, Instant toExclusive, PageRequest page) {
        requireNonNull(user, "user");
        requireNonNull(fromInclusive, "fromInclusive");
        requireNonNull(toExclusive, "toExclusive");
        requireNonNull(page, "page");
        if (fromInclusive.isAfter(toExclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toExclusive");
        }
        List<String> query = List.of("audit.byUser", user.value().toString(), fromInclusive.toString(), toExclusive.toString());
        List<String> after = Keyset.after(page, query, 2);
        return tx.read("AuditEntry", () -> {
            List<AuditRow> fetched = after == null
                    ? mapper.byUser(tx.facility(), user.value(), fromInclusive, toExclusive, null, null, page.limit() + 1)
                    : mapper.byUser(tx.facility(), user.value(), fromInclusive, toExclusive,
                            Keyset.instant(after.get(0)), Keyset.longValue(after.get(1)), page.limit() + 1);
            return Keyset.page(fetched, page.limit(), query, r -> List.of(r.timestamp.toString(), r.id.toString()),
                    RowMapper::audit);
        });
    }

    @Override
    public List<DataAccessEntry> dataAccessFor(ResidentId resident, Instant fromInclusive, Instant toExclusive) {
        requireNonNull(resident, "resident");
        requireNonNull(fromInclusive, "fromInclusive");
        requireNonNull(toExclusive, "toExclusive");
        if (fromInclusive.isAfter(toExclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toExclusive");
        }
        return tx.read("DataAccessEntry", () -> mapper.dataAccessFor(tx.facility(), resident.value(), fromInclusive,
                toExclusive).stream().map(RowMapper::dataAccess).toList());
    }
}
