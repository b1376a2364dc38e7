package org.tvm.adapter.jpa.repository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.tvm.adapter.jpa.mapping.EntityMapper;
import org.tvm.adapter.jpa.support.HibernateErrors;
import org.tvm.adapter.jpa.support.SqlDialect;
import org.tvm.adapter.sql.ClaimedMissions;
import org.tvm.adapter.sql.JdbcKpiQueries;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.codegen.GenerateTransactionAccessors;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.TvmContext;
import org.tvm.ports.query.KpiQueries;
import org.tvm.ports.spi.TransactionScope;
import org.tvm.ports.spi.UnitOfWork;

/**
 * One unit of work: a Hibernate {@link Session} with an open transaction whose first statement published the context.
 * Every repository call goes through {@link #read} or {@link #write}: thread/lifetime checks, read-only check, flush of
 * the call's writes (so errors surface at the call, translated), and a cleared persistence context afterwards (the
 * domain objects are immutable copies; the context never holds stale state across calls).
 *
 * <p>The repository accessors of the port are generated into {@code JpaTransactionAccessors} at compile time (one
 * instance per unit of work, created on first use, after the check); only those built differently are written here.
 */
@GenerateTransactionAccessors(implementation = "Jpa{Port}", check = "check")
public final class JpaTransaction extends JpaTransactionAccessors {

    private final Session session;
    /** The lifetime, thread, read-only and facility rules every adapter applies alike. */
    private final TransactionScope scope;
    private final SqlDialect dialect;
    private final EntityMapper mapper;
    private final Clock clock;
    /** Missions claimed (row-locked) by this transaction and unchanged since: assign need not lock them again. */
    private final ClaimedMissions claimed = new ClaimedMissions();
    private final UnitOfWork unitOfWork = new UnitOfWork();

    public JpaTransaction(Session session, TvmContext ctx, boolean readOnly, SqlDialect dialect, EntityMapper mapper, Clock clock) {
        this.session = session;
        this.scope = new TransactionScope(ctx, readOnly);
        this.dialect = dialect;
        this.mapper = mapper;
        this.clock = clock;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public void end() {
        scope.end();
    }

    Session session() {
        check();
        return session;
    }

    ClaimedMissions claimed() {
        return claimed;
    }

    SqlDialect dialect() {
        return dialect;
    }

    EntityMapper mapper() {
        return mapper;
    }

    /** @return the context facility id as UUID */
    UUID facility() {
        return scope.context().facilityId().value();
    }

    /** @return the acting user id or null */
    UUID actor() {
        return scope.context().actorUserId().map(u -> u.value()).orElse(null);
    }

    /** @return the adapter's clock, truncated to the database precision */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    void check() {
        scope.check();
    }

    /** @param operation the writing operation, e.g. {@code "MapRepository.insert"} (named in the read-only error) */
    void checkWritable(String operation) {
        scope.checkWritable(operation);
    }

    /** Rejects data of another facility before any SQL runs. */
    void requireContextFacility(FacilityId facilityId, String entity) {
        scope.requireContextFacility(facilityId, entity);
    }

    /**
     * One statement with plain JDBC on this unit of work's connection, for the hot write paths: Hibernate re-translates
     * an HQL update on every call (it caches no plans for mutations) and a persist of an identity row runs its whole
     * event machinery, which together cost a dispatch more client time than its statements. Instants bind as UTC
     * timestamps; call it only when the session holds no pending changes (it bypasses the flush).
     *
     * @return the number of rows changed
     */
    int jdbcUpdate(String sql, Object... parameters) {
        return session.doReturningWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object p = parameters[i];
                    ps.setObject(i + 1, p instanceof Instant at ? java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC) : p);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** A read with plain JDBC on this unit of work's connection (shared SQL of tvm-adapter-sql); errors translated. */
    <T> T readJdbc(String entity, JdbcKpiQueries.SqlWork<T> work) {
        return read(entity, () -> session.doReturningWork(work::run));
    }

    <T> T read(String entity, Supplier<T> body) {
        check();
        try {
            T result = body.get();
            session.clear();
            return result;
        } catch (RuntimeException e) {
            throw HibernateErrors.translate(e, ErrorHint.of(entity));
        }
    }

    <T> T write(ErrorHint hint, Supplier<T> body) {
        checkWritable("this repository method"); // a backstop: each writing method names itself first
        try {
            T result = body.get();
            session.flush();
            session.clear();
            return result;
        } catch (RuntimeException e) {
            throw HibernateErrors.translate(e, hint);
        }
    }

    <T> T write(String entity, Supplier<T> body) {
        return write(ErrorHint.of(entity), body);
    }

    void writeVoid(String entity, Runnable body) {
        write(entity, () -> {
            body.run();
            return null;
        });
    }

    // ------------------------------------------------------------------ TvmTransaction

    @Override
    public TvmContext context() {
        check();
        return scope.context();
    }

    @Override
    public boolean readOnly() {
        check();
        return scope.readOnly();
    }

    @Override
    public <T> T savepoint(Supplier<T> work) {
        check();
        return unitOfWork.savepoint(work, savepoints);
    }

    /** JDBC savepoints on the session's connection; every write already flushed, so nothing is pending at set(). */
    private final UnitOfWork.Savepoints savepoints = new UnitOfWork.Savepoints() {
        @Override
        public Object set() {
            try {
                session.flush();
                return session.doReturningWork(java.sql.Connection::setSavepoint);
            } catch (RuntimeException e) {
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
        }

        @Override
        public void rollbackTo(Object savepoint) {
            try {
                session.clear(); // drops the failed actions and entities loaded after the savepoint
                // row locks taken after the savepoint are released with it: a claim made there no longer holds
                claimed.clear();
                session.doWork(c -> c.rollback((java.sql.Savepoint) savepoint));
            } catch (RuntimeException e) {
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
        }

        @Override
        public void release(Object savepoint) {
            try {
                session.doWork(c -> c.releaseSavepoint((java.sql.Savepoint) savepoint));
            } catch (RuntimeException e) {
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
        }
    };

    @Override
    public KpiQueries kpis() {
        check();
        return new JdbcKpiQueries(this::readJdbc, facility(), dialect instanceof SqlDialect.Postgres);
    }
}
