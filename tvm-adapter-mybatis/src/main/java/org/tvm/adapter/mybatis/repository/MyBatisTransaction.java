package org.tvm.adapter.mybatis.repository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.support.SqlDialect;
import org.tvm.adapter.sql.ClaimedMissions;
import org.tvm.adapter.sql.JdbcKpiQueries;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.adapter.sql.error.SqlErrorTranslator;
import org.tvm.codegen.GenerateTransactionAccessors;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.TvmContext;
import org.tvm.ports.query.KpiQueries;
import org.tvm.ports.spi.TransactionScope;
import org.tvm.ports.spi.UnitOfWork;

/**
 * One unit of work: one SqlSession (one JDBC connection, autocommit off) whose first statement published the context.
 * Every repository call goes through {@link #read} / {@link #write}, which check thread, lifetime and read-only mode and
 * translate database errors with {@link org.tvm.adapter.sql.error.SqlErrorTranslator}.
 *
 * <p>The repository accessors of the port are generated into {@code MyBatisTransactionAccessors} at compile time (one
 * instance per unit of work, created on first use, after the check); only those built differently are written here.
 */
@GenerateTransactionAccessors(implementation = "MyBatis{Port}", check = "checkUsable")
public final class MyBatisTransaction extends MyBatisTransactionAccessors {

    final SqlSession session;
    final SqlDialect dialect;
    final RowMapper rows;
    /** Missions claimed (row-locked) by this transaction and unchanged since: assign need not lock them again. */
    final ClaimedMissions claimed = new ClaimedMissions();
    /** The lifetime, thread, read-only and facility rules every adapter applies alike. */
    private final TransactionScope scope;
    private final Clock clock;
    private final UnitOfWork unitOfWork = new UnitOfWork();

    public MyBatisTransaction(SqlSession session, SqlDialect dialect, RowMapper rows, Clock clock, TvmContext context,
            boolean readOnly) {
        this.session = session;
        this.dialect = dialect;
        this.rows = rows;
        this.clock = clock;
        this.scope = new TransactionScope(context, readOnly);
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public void invalidate() {
        scope.end();
    }

    void checkUsable() {
        scope.check();
    }

    void checkWritable(String operation) {
        scope.checkWritable(operation);
    }

    /** A read with plain JDBC on this unit of work's connection (shared SQL of tvm-adapter-sql); errors translated. */
    <T> T readJdbc(String entity, JdbcKpiQueries.SqlWork<T> work) {
        return read(entity, () -> {
            try {
                return work.run(session.getConnection());
            } catch (java.sql.SQLException e) {
                throw new org.apache.ibatis.exceptions.PersistenceException(e);
            }
        });
    }

    /** Runs a read; database errors are translated. */
    <T> T read(String entity, Supplier<T> body) {
        checkUsable();
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw SqlErrorTranslator.translate(e, ErrorHint.of(entity));
        }
    }

    /** Runs a mutation; throws IllegalStateException in a read-only transaction, translates database errors. */
    <T> T write(String entity, String operation, Supplier<T> body) {
        checkWritable(operation);
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw SqlErrorTranslator.translate(e, ErrorHint.of(entity));
        }
    }

    void write(String entity, String operation, Runnable body) {
        write(entity, operation, () -> {
            body.run();
            return null;
        });
    }

    <M> M mapper(Class<M> type) {
        return session.getMapper(type);
    }

    UUID facility() {
        return scope.context().facilityId().value();
    }

    UUID actor() {
        return scope.context().actorUserId().map(u -> u.value()).orElse(null);
    }

    /** The adapter's clock, truncated to microseconds like every stored instant. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Port rule: data of another facility is refused before any SQL runs. */
    void requireContextFacility(FacilityId facility, String entity) {
        scope.requireContextFacility(facility, entity);
    }

    @Override
    public TvmContext context() {
        checkUsable();
        return scope.context();
    }

    @Override
    public boolean readOnly() {
        checkUsable();
        return scope.readOnly();
    }

    @Override
    public <T> T savepoint(Supplier<T> work) {
        checkUsable();
        return unitOfWork.savepoint(work, savepoints);
    }

    /** JDBC savepoints on the session's connection (SIMPLE executor: every statement already ran). */
    private final UnitOfWork.Savepoints savepoints = new UnitOfWork.Savepoints() {
        @Override
        public Object set() {
            try {
                return session.getConnection().setSavepoint();
            } catch (java.sql.SQLException | RuntimeException e) {
                throw SqlErrorTranslator.translate(e, ErrorHint.NONE);
            }
        }

        @Override
        public void rollbackTo(Object savepoint) {
            try {
                session.clearCache(); // rows cached after the savepoint may be undone
                // row locks taken after the savepoint are released with it: a claim made there no longer holds
                claimed.clear();
                session.getConnection().rollback((java.sql.Savepoint) savepoint);
            } catch (java.sql.SQLException | RuntimeException e) {
                throw SqlErrorTranslator.translate(e, ErrorHint.NONE);
            }
        }

        @Override
        public void release(Object savepoint) {
            try {
                session.getConnection().releaseSavepoint((java.sql.Savepoint) savepoint);
            } catch (java.sql.SQLException | RuntimeException e) {
                throw SqlErrorTranslator.translate(e, ErrorHint.NONE);
            }
        }
    };

    @Override
    public KpiQueries kpis() {
        checkUsable();
        return new JdbcKpiQueries(this::readJdbc, facility(), dialect == SqlDialect.POSTGRESQL);
    }

    @Override
    public String toString() {
        return "MyBatisTransaction[" + scope + "]";
    }
}
