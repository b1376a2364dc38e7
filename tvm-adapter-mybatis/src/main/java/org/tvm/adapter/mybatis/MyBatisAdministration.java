package org.tvm.adapter.mybatis;

import org.tvm.ports.WithheldDatabaseError;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.adapter.sql.error.SqlErrorTranslator;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmAdministration;
import org.tvm.adapter.mybatis.mapper.FacilityMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.support.SqlDialect;
import org.tvm.adapter.mybatis.mapper.AdminMapper;
import org.tvm.adapter.mybatis.mapper.AccessMapper;

/**
 * Administration over the admin DataSource: each method one transaction; on PostgreSQL a non-superuser admin login
 * that is a member of {@code tvm_admin} switches to that role for the transaction (BYPASSRLS is not inherited).
 */
final class MyBatisAdministration implements TvmAdministration {

    /** tvm_ensure_telemetry_partitions accepts at most 121 months per call. */
    private static final int MAX_MONTHS_PER_CALL = 121;

    private final SqlSessionFactory sessions;
    private final SqlDialect dialect;
    private final AtomicBoolean closed = new AtomicBoolean();

    MyBatisAdministration(SqlSessionFactory sessions, SqlDialect dialect) {
        this.sessions = sessions;
        this.dialect = dialect;
    }

    private <T> T inTransaction(String entity, Function<SqlSession, T> work) {
        if (closed.get()) {
            throw new IllegalStateException("This TvmAdministration is closed");
        }
        SqlSession opened;
        try {
            opened = sessions.openSession(ExecutorType.SIMPLE, false);
        } catch (RuntimeException e) {
            throw SqlErrorTranslator.translate(e, ErrorHint.of(entity));
        }
        try (SqlSession session = opened) {
            try {
                dialect.database().beginAdministration(session.getConnection());
                T result = work.apply(session);
                session.commit(true);
                return result;
            } catch (RuntimeException | java.sql.SQLException e) {
                try {
                    session.rollback(true);
                } catch (RuntimeException r) {
                    e.addSuppressed(WithheldDatabaseError.safeCause(r)); // may quote values
                }
                throw SqlErrorTranslator.translate(e, ErrorHint.of(entity));
            }
        }
    }

    @Override
    public void createFacility(Facility facility) {
        requireNonNull(facility, "facility");
        inTransaction("Facility", s -> s.getMapper(FacilityMapper.class).insertFacility(RowMapper.row(facility)));
    }

    @Override
    public Optional<Facility> findFacility(FacilityId id) {
        requireNonNull(id, "id");
        return inTransaction("Facility", s -> Optional.ofNullable(s.getMapper(FacilityMapper.class).findFacility(id.value()))
                .map(RowMapper::facility));
    }

    @Override
    public void ensureTelemetryPartitions(YearMonth fromInclusive, YearMonth toInclusive) {
        requireNonNull(fromInclusive, "fromInclusive");
        requireNonNull(toInclusive, "toInclusive");
        if (fromInclusive.isAfter(toInclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toInclusive");
        }
        if (!dialect.database().capabilities().contains(Capability.PARTITIONED_TELEMETRY)) {
            if (closed.get()) {
                throw new IllegalStateException("This TvmAdministration is closed");
            }
            return; // documented no-op without partitions
        }
        inTransaction("TelemetrySample", s -> {
            AdminMapper admin = s.getMapper(AdminMapper.class);
            YearMonth from = fromInclusive;
            while (!from.isAfter(toInclusive)) {
                YearMonth to = from.plusMonths(MAX_MONTHS_PER_CALL - 1L);
                if (to.isAfter(toInclusive)) {
                    to = toInclusive;
                }
                admin.ensureTelemetryPartitions(from.atDay(1), to.atDay(1));
                from = to.plusMonths(1);
            }
            return null;
        });
    }

    @Override
    public List<String> dropTelemetryPartitionsBefore(YearMonth month) {
        requireNonNull(month, "month");
        return inTransaction("TelemetrySample", s -> {
            AdminMapper admin = s.getMapper(AdminMapper.class);
            if (dialect.database().capabilities().contains(Capability.PARTITIONED_TELEMETRY)) {
                return List.copyOf(new ArrayList<>(admin.dropTelemetryPartitionsBefore(month.atDay(1))));
            }
            admin.deleteTelemetryBefore(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            return List.<String>of();
        });
    }

    @Override
    public int anonymiseResidentsDeletedBefore(Instant cutoff) {
        requireNonNull(cutoff, "cutoff");
        return inTransaction("Resident", s -> s.getMapper(AdminMapper.class).anonymiseResidentsDeletedBefore(cutoff));
    }

    @Override
    public long linkWaitingAuditEntries() {
        return inTransaction("AuditEntry", s -> {
            try {
                return org.tvm.adapter.sql.JdbcAuditTrail.linkWaitingEntries(s.getConnection(),
                        dialect == SqlDialect.POSTGRESQL);
            } catch (java.sql.SQLException e) {
                throw new org.apache.ibatis.exceptions.PersistenceException(e);
            }
        });
    }

    @Override
    public void refreshMissionSummary() {
        inTransaction("Mission", s -> {
            if (dialect == SqlDialect.POSTGRESQL) {
                s.getMapper(AdminMapper.class).refreshMissionSummary();
            }
            return null;
        });
    }

    @Override
    public void grantPermission(RoleName role, Permission permission) {
        requireNonNull(role, "role");
        requireNonNull(permission, "permission");
        inTransaction("Permission", s -> {
            AccessMapper m = s.getMapper(AccessMapper.class);
            m.ensurePermission(permission.resource(), permission.action());
            return m.grantPermission(role.code(), permission.resource(), permission.action());
        });
    }

    @Override
    public void revokePermission(RoleName role, Permission permission) {
        requireNonNull(role, "role");
        requireNonNull(permission, "permission");
        inTransaction("Permission", s -> s.getMapper(AccessMapper.class)
                .revokePermission(role.code(), permission.resource(), permission.action()));
    }

    @Override
    public org.tvm.ports.AuditTrail auditTrail(org.tvm.domain.audit.AuditChainKey current,
                                               org.tvm.domain.audit.AuditChainKey... retired) {
        org.tvm.adapter.sql.JdbcAuditTrail.AdminTransactions tx = new org.tvm.adapter.sql.JdbcAuditTrail.AdminTransactions() {
            @Override
            public <T> T run(org.tvm.adapter.sql.JdbcAuditTrail.ConnectionWork<T> work) {
                return inTransaction("AuditEntry", s -> {
                    try {
                        return work.run(s.getConnection());
                    } catch (java.sql.SQLException e) {
                        throw new org.apache.ibatis.exceptions.PersistenceException(e);
                    }
                });
            }
        };
        return new org.tvm.adapter.sql.JdbcAuditTrail(tx, dialect == SqlDialect.POSTGRESQL, current, retired);
    }

    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "MyBatisTvmAdministration[" + dialect.databaseId() + "]";
    }
}
