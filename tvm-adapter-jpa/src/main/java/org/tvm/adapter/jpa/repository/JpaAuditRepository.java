package org.tvm.adapter.jpa.repository;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tvm.adapter.sql.Keyset;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AuditRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.adapter.jpa.entity.AuditLogEntity;
import org.tvm.adapter.jpa.entity.DataAccessLogEntity;
import org.tvm.adapter.jpa.mapping.LogEntityMapper;

/** {@link AuditRepository}: append-only inserts (bigserial ids give the insertion order), keyset-paged reads. */
final class JpaAuditRepository implements AuditRepository {

    private final JpaTransaction tx;

    JpaAuditRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tx.checkWritable("AuditRepository.append");
        if (entry.facilityId() != null) {
            tx.requireContextFacility(entry.facilityId(), "AuditEntry");
        }
        tx.writeVoid("AuditEntry", () -> tx.session().doWork(connection -> {
            String sql = "INSERT INTO audit_logs (facility_id, user_id, user_email, action, resource_type, resource_id, "
                    + "details, timestamp, ip_address, user_agent, success, failure_reason) VALUES (?, ?, ?, ?, ?, ?, "
                    + tx.dialect().jsonParameter() + ", ?, " + tx.dialect().inetParameter() + ", ?, ?, ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, tx.facility());
                setUuid(ps, 2, entry.userId() == null ? null : entry.userId().value());
                ps.setString(3, entry.userEmail());
                ps.setString(4, entry.action());
                ps.setString(5, entry.resourceType());
                setUuid(ps, 6, entry.resourceId());
                ps.setString(7, JsonDetailsCodec.write(entry.detailsJson()));
                ps.setObject(8, OffsetDateTime.ofInstant(entry.timestamp(), ZoneOffset.UTC));
                ps.setString(9, entry.ipAddress());
                ps.setString(10, entry.userAgent());
                ps.setBoolean(11, entry.success());
                ps.setString(12, entry.failureReason());
                ps.executeUpdate();
            }
        }));
    }

    private static void setUuid(PreparedStatement ps, int index, UUID value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public void recordDataAccess(DataAccessEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tx.checkWritable("AuditRepository.recordDataAccess");
        tx.requireContextFacility(entry.facilityId(), "DataAccessEntry");
        tx.writeVoid("DataAccessEntry", () -> tx.session().createNativeMutationQuery("INSERT INTO data_access_logs "
                        + "(facility_id, user_id, resident_id, access_type, accessed_at) VALUES (:f, :u, :r, :t, :at)")
                .setParameter("f", tx.facility())
                .setParameter("u", entry.userId() == null ? null : entry.userId().value(), UUID.class)
                .setParameter("r", entry.residentId().value()).setParameter("t", entry.accessType().code())
                .setParameter("at", entry.accessedAt()).executeUpdate());
    }

    @Override
    public Page<AuditEntry> byResource(String resourceType, UUID resourceId, PageRequest page) {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(page, "page");
        List<String> prefix = List.of("audit.byResource", resourceType, resourceId.toString());
        return oldestFirst(prefix, page, "a.resourceType = :type and a.resourceId = :rid",
                q -> q.setParameter("type", resourceType).setParameter("rid", resourceId));
    }

    @Override
    public Page<AuditEntry> byUser(UserId user, Instant fromInclusive, Instant toExclusive, PageRequest page) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        Objects.requireNonNull(page, "page");
        JpaVehicleRepository.checkWindow(fromInclusive, toExclusive);
        List<String> prefix = List.of("audit.byUser", user.value().toString(), fromInclusive.toString(), toExclusive.toString());
        return oldestFirst(prefix, page, "a.userId = :u and a.timestamp >= :from and a.timestamp < :to",
                q -> q.setParameter("u", user.value()).setParameter("from", fromInclusive).setParameter("to", toExclusive));
    }

    private Page<AuditEntry> oldestFirst(List<String> prefix, PageRequest page, String filter,
            java.util.function.Consumer<org.hibernate.query.SelectionQuery<AuditLogEntity>> binder) {
        tx.check();
        List<String> after = Keyset.after(page, prefix, 2);
        Instant afterTs;
        long afterId;
        try {
            afterTs = after == null ? null : Instant.parse(after.get(0));
            afterId = after == null ? 0 : Long.parseLong(after.get(1));
        } catch (RuntimeException e) {
            throw Keyset.malformed(e);
        }
        return tx.read("AuditEntry", () -> {
            var q = tx.session().createSelectionQuery("from AuditLogEntity a where a.facilityId = :f and " + filter
                    + (after == null ? "" : " and (a.timestamp > :ats or (a.timestamp = :ats and a.id > :aid))")
                    + " order by a.timestamp, a.id", AuditLogEntity.class);
            q.setParameter("f", tx.facility());
            binder.accept(q);
            if (after != null) {
                q.setParameter("ats", afterTs).setParameter("aid", afterId);
            }
            List<AuditLogEntity> rows = q.setMaxResults(page.limit() + 1).setReadOnly(true).getResultList();
            Page<AuditLogEntity> raw = Keyset.page(rows, page.limit(), prefix,
                    a -> List.of(a.timestamp.toString(), Long.toString(a.id)));
            return new Page<>(raw.items().stream().map(LogEntityMapper::toDomain).toList(), raw.nextToken());
        });
    }

    @Override
    public List<DataAccessEntry> dataAccessFor(ResidentId resident, Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        JpaVehicleRepository.checkWindow(fromInclusive, toExclusive);
        return tx.read("DataAccessEntry", () -> tx.session().createSelectionQuery("from DataAccessLogEntity d "
                        + "where d.residentId = :r and d.facilityId = :f and d.accessedAt >= :from and d.accessedAt < :to "
                        + "order by d.accessedAt, d.id", DataAccessLogEntity.class)
                .setParameter("r", resident.value()).setParameter("f", tx.facility()).setParameter("from", fromInclusive)
                .setParameter("to", toExclusive).setReadOnly(true).getResultList().stream()
                .map(LogEntityMapper::toDomain).toList());
    }
}
