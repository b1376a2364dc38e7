package org.tvm.adapter.jpa;

import org.tvm.ports.WithheldDatabaseError;
import org.tvm.adapter.sql.error.ErrorHint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmAdministration;
import org.tvm.adapter.jpa.support.HibernateErrors;
import org.tvm.adapter.jpa.entity.RolePermissionEntity;
import org.tvm.adapter.jpa.entity.PermissionEntity;
import org.tvm.adapter.jpa.entity.FacilityEntity;
import org.tvm.adapter.jpa.mapping.EntityMapper;
import org.tvm.adapter.jpa.support.SqlDialect;

/**
 * {@link TvmAdministration} over the admin data source: each call is one transaction; on PostgreSQL it runs as
 * {@code tvm_admin} when the login may ({@code SET LOCAL ROLE}), bypassing row-level security; partition maintenance
 * goes through the migrations' SQL functions.
 */
final class JpaAdministration implements TvmAdministration {

    private final SessionFactory sessionFactory;
    private final SqlDialect dialect;
    private final EntityMapper mapper = new EntityMapper(null);
    private volatile boolean closed;

    JpaAdministration(SessionFactory sessionFactory, SqlDialect dialect) {
        this.sessionFactory = sessionFactory;
        this.dialect = dialect;
    }

    /**
     * One administrative transaction. Every failure (opening, the work, commit, close) rolls back and leaves as a port
     * exception; an {@link Error} is rethrown after the rollback.
     */
    private <T> T inTransaction(String entity, Function<Session, T> work) {
        if (closed) {
            throw new IllegalStateException("this TvmAdministration is closed");
        }
        Session session = null;
        Transaction transaction = null;
        try {
            session = sessionFactory.openSession();
            transaction = session.beginTransaction();
            session.doWork(dialect.database()::beginAdministration);
            T result = work.apply(session);
            session.flush();
            transaction.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(transaction, e);
            if (e instanceof Error error) {
                throw error;
            }
            throw HibernateErrors.translate(e, ErrorHint.of(entity));
        } finally {
            if (session != null) {
                try {
                    session.close();
                } catch (RuntimeException ignored) {
                    // the transaction outcome is already decided
                }
            }
        }
    }

    private static void rollbackQuietly(Transaction transaction, Throwable primary) {
        if (transaction == null) {
            return;
        }
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            primary.addSuppressed(WithheldDatabaseError.safeCause(rollbackFailure)); // may quote values
        }
    }

    @Override
    public void createFacility(Facility facility) {
        Objects.requireNonNull(facility, "facility");
        inTransaction("Facility", s -> {
            s.persist(mapper.toEntity(facility));
            return null;
        });
    }

    @Override
    public Optional<Facility> findFacility(FacilityId id) {
        Objects.requireNonNull(id, "id");
        return inTransaction("Facility", s -> Optional.ofNullable(s.find(FacilityEntity.class, id.value())).map(mapper::toDomain));
    }

    @Override
    public void ensureTelemetryPartitions(YearMonth fromInclusive, YearMonth toInclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (fromInclusive.isAfter(toInclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toInclusive");
        }
        inTransaction("TelemetrySample", s -> {
            s.doWork(c -> dialect.ensureTelemetryPartitions(c, fromInclusive, toInclusive));
            return null;
        });
    }

    @Override
    public List<String> dropTelemetryPartitionsBefore(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return inTransaction("TelemetrySample", s -> s.doReturningWork(c -> dialect.dropTelemetryPartitionsBefore(c, month)));
    }

    @Override
    public int anonymiseResidentsDeletedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        // A second statement, in bulk SQL, of the one anonymisation rule Resident.anonymised (which erasure applies);
        // ResidentRightsContract proves both give the same values: change them together.
        return inTransaction("Resident", s -> s.doReturningWork(c -> {
            List<UUID> ids = new ArrayList<>();
            List<LocalDate> births = new ArrayList<>();
            String select = "SELECT id, date_of_birth FROM residents WHERE deleted_at < ? AND NOT ("
                    + "first_name = 'Deleted' AND last_name = 'User #' || CAST(id AS VARCHAR(36)) AND phone IS NULL "
                    + "AND emergency_contact_name IS NULL AND emergency_contact_phone IS NULL AND medical_notes IS NULL "
                    + "AND photo_url IS NULL AND EXTRACT(MONTH FROM date_of_birth) = 1 AND EXTRACT(DAY FROM date_of_birth) = 1) "
                    + "FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                        births.add(rs.getObject(2, LocalDate.class));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            String update = "UPDATE residents SET first_name = 'Deleted', last_name = ?, phone = NULL, "
                    + "emergency_contact_name = NULL, emergency_contact_phone = NULL, medical_notes = NULL, photo_url = NULL, "
                    + "date_of_birth = ? WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(update)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(1, "User #" + ids.get(i));
                    ps.setObject(2, LocalDate.of(births.get(i).getYear(), 1, 1));
                    ps.setObject(3, ids.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return ids.size();
        }));
    }

    @Override
    public long linkWaitingAuditEntries() {
        return inTransaction("AuditEntry", s -> s.doReturningWork(c -> org.tvm.adapter.sql.JdbcAuditTrail
                .linkWaitingEntries(c, dialect instanceof SqlDialect.Postgres)));
    }

    @Override
    public void refreshMissionSummary() {
        inTransaction("Mission", s -> {
            s.doWork(dialect::refreshMissionSummary);
            return null;
        });
    }

    @Override
    public void grantPermission(RoleName role, Permission permission) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(permission, "permission");
        inTransaction("Permission", s -> {
            UUID roleId = roleId(s, role);
            UUID permissionId = s.createSelectionQuery("select p.id from PermissionEntity p where p.resource = :r "
                            + "and p.action = :a", UUID.class)
                    .setParameter("r", permission.resource()).setParameter("a", permission.action()).uniqueResultOptional()
                    .orElse(null);
            if (permissionId == null) {
                PermissionEntity p = new PermissionEntity();
                p.id = UUID.randomUUID();
                p.resource = permission.resource();
                p.action = permission.action();
                p.createdAt = Instant.now();
                s.persist(p);
                permissionId = p.id;
            }
            if (s.find(RolePermissionEntity.class, new RolePermissionEntity.Key(roleId, permissionId)) == null) {
                RolePermissionEntity rp = new RolePermissionEntity();
                rp.roleId = roleId;
                rp.permissionId = permissionId;
                s.persist(rp);
            }
            return null;
        });
    }

    @Override
    public void revokePermission(RoleName role, Permission permission) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(permission, "permission");
        inTransaction("Permission", s -> s.createMutationQuery("delete from RolePermissionEntity rp where rp.roleId = :role "
                        + "and rp.permissionId in (select p.id from PermissionEntity p where p.resource = :r and p.action = :a)")
                .setParameter("role", roleId(s, role)).setParameter("r", permission.resource())
                .setParameter("a", permission.action()).executeUpdate());
    }

    private static UUID roleId(Session s, RoleName role) {
        return s.createSelectionQuery("select r.id from RoleEntity r where r.name = :n", UUID.class)
                .setParameter("n", role.code()).uniqueResultOptional().orElseThrow(() -> new NotFoundException("Role", role.code()));
    }

    @Override
    public org.tvm.ports.AuditTrail auditTrail(org.tvm.domain.audit.AuditChainKey current,
                                               org.tvm.domain.audit.AuditChainKey... retired) {
        org.tvm.adapter.sql.JdbcAuditTrail.AdminTransactions tx = new org.tvm.adapter.sql.JdbcAuditTrail.AdminTransactions() {
            @Override
            public <T> T run(org.tvm.adapter.sql.JdbcAuditTrail.ConnectionWork<T> work) {
                return inTransaction("AuditEntry", s -> s.doReturningWork(work::run));
            }
        };
        return new org.tvm.adapter.sql.JdbcAuditTrail(tx, dialect instanceof SqlDialect.Postgres, current, retired);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sessionFactory.close();
        }
    }
}
