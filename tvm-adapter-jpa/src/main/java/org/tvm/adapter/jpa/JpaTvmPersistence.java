package org.tvm.adapter.jpa;

import org.tvm.ports.WithheldDatabaseError;
import org.tvm.adapter.sql.error.ErrorHint;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.tvm.adapter.sql.AdapterLog;
import org.tvm.ports.Capability;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.TransactionWork;
import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;

/**
 * The JPA (Hibernate 7 + hibernate-spatial) adapter of the TVM ports: the only public type of this module.
 *
 * <pre>{@code
 * TvmPersistence persistence = JpaTvmPersistence.create(appDataSource,
 *         JpaTvmPersistence.Options.defaults().keyRing(KeyRing.fromEnvironment("TVM_FIELD_KEYS")));
 * TvmAdministration admin = JpaTvmPersistence.administration(adminDataSource);
 * }</pre>
 *
 * <p>The schema must already exist (run {@code org.tvm.migrations.TvmMigrations.migrate} with the admin data source);
 * Hibernate only validates it at start-up. Each unit of work runs on one connection of the given {@link DataSource}
 * (autocommit off); on PostgreSQL its first statement publishes the context for row-level security. Neither factory
 * closes the data source it was given.
 */
public final class JpaTvmPersistence implements TvmPersistence {

    /**
     * Options of {@link #create(DataSource, Options)}. Immutable; every setter returns a copy.
     */
    public static final class Options {
        private final FieldCipher cipher;
        private final Clock clock;
        private final int batchSize;

        private Options(FieldCipher cipher, Clock clock, int batchSize) {
            this.cipher = cipher;
            this.clock = clock;
            this.batchSize = batchSize;
        }

        /**
         * Defaults: system UTC clock, JDBC batch size 50, and <b>a freshly generated random key</b> for the sensitive
         * fields. Such a key dies with the instance, so data sealed with it cannot be read by the next process: acceptable
         * for tests and demos only. Production code must call {@link #keyRing(KeyRing)} or {@link #fieldCipher(FieldCipher)}.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(null, Clock.systemUTC(), 50);
        }

        /**
         * @param keyRing non-null key ring; sensitive fields are sealed with {@link AesGcmFieldCipher} over it
         * @return a copy with this key ring
         */
        public Options keyRing(KeyRing keyRing) {
            return new Options(new AesGcmFieldCipher(Objects.requireNonNull(keyRing, "keyRing")), clock, batchSize);
        }

        /**
         * @param cipher non-null cipher for {@code residents.medical_notes} and {@code users.mfa_secret}
         * @return a copy with this cipher
         */
        public Options fieldCipher(FieldCipher cipher) {
            return new Options(Objects.requireNonNull(cipher, "cipher"), clock, batchSize);
        }

        /**
         * @param clock non-null clock for "the adapter's clock" (data-access log entries)
         * @return a copy with this clock
         */
        public Options clock(Clock clock) {
            return new Options(cipher, Objects.requireNonNull(clock, "clock"), batchSize);
        }

        /**
         * @param batchSize JDBC batch size for Hibernate inserts/updates, 1..1000
         * @return a copy with this batch size
         */
        public Options batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize must be 1..1000 (was " + batchSize + ")");
            }
            return new Options(cipher, clock, batchSize);
        }

        FieldCipher cipherOrGenerated() {
            return cipher != null ? cipher : new AesGcmFieldCipher(KeyRing.generate("ephemeral"));
        }
    }

    private final SessionFactory sessionFactory;
    private final SqlDialect dialect;
    private final EntityMapper mapper;
    private final Clock clock;
    private final ThreadLocal<JpaTransaction> current = new ThreadLocal<>();
    private volatile boolean closed;

    private JpaTvmPersistence(DataSource dataSource, Options options) {
        this.dialect = SqlDialect.detect(dataSource);
        this.mapper = new EntityMapper(options.cipherOrGenerated());
        this.clock = options.clock;
        this.sessionFactory = HibernateBootstrap.build(dataSource, dialect, options.batchSize);
    }

    /**
     * Persistence with {@link Options#defaults()} (random per-instance field key: tests and demos only).
     *
     * @param dataSource non-null data source of the application database role (never a superuser on PostgreSQL)
     * @return the persistence; close it to release the session factory
     */
    public static TvmPersistence create(DataSource dataSource) {
        return create(dataSource, Options.defaults());
    }

    /**
     * @param dataSource non-null data source of the application database role
     * @param options    non-null options (key ring, clock, batch size)
     * @return the persistence; close it to release the session factory
     */
    public static TvmPersistence create(DataSource dataSource, Options options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        return AdapterLog.started("jpa", new JpaTvmPersistence(dataSource, options), dataSource, options.cipher);
    }

    /**
     * The administrative entry point over the admin data source (superuser or a login that is a member of
     * {@code tvm_admin}; on PostgreSQL each transaction runs {@code SET LOCAL ROLE tvm_admin} when the login may).
     *
     * @param adminDataSource non-null admin data source
     * @return the administration; close it to release its session factory
     */
    public static TvmAdministration administration(DataSource adminDataSource) {
        Objects.requireNonNull(adminDataSource, "adminDataSource");
        SqlDialect dialect = SqlDialect.detect(adminDataSource);
        return new JpaAdministration(HibernateBootstrap.buildWithoutBanner(adminDataSource, dialect, 50), dialect);
    }

    /**
     * The data lifecycle job (partitions ahead, retention, mission archive, summary refresh) over the admin data source,
     * on the system clock. Implemented once for both SQL adapters ({@link JdbcTvmMaintenance}); anonymisation and the
     * summary refresh go through this adapter's administration.
     *
     * @param adminDataSource non-null admin data source (as for {@link #administration}); not closed by this library
     * @return the maintenance job; close it to release its administration
     */
    public static TvmMaintenance maintenance(DataSource adminDataSource) {
        return maintenance(adminDataSource, Clock.systemUTC());
    }

    /** Same as {@link #maintenance(DataSource)} with the clock that decides "now" (cut-offs, run record). */
    public static TvmMaintenance maintenance(DataSource adminDataSource, Clock clock) {
        return JdbcTvmMaintenance.create(adminDataSource, administration(adminDataSource), true, clock);
    }

    @Override
    public <T> T inTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, false);
    }

    @Override
    public void run(TvmContext ctx, Consumer<TvmTransaction> work) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        execute(ctx, tx -> {
            work.accept(tx);
            return null;
        }, false);
    }

    @Override
    public <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, true);
    }

    @Override
    public Set<Capability> capabilities() {
        return dialect.capabilities();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sessionFactory.close();
        }
    }

    private <T> T execute(TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            throw new NestedTransactionException();
        }
        if (closed) {
            throw new IllegalStateException("this TvmPersistence is closed");
        }
        Session session = sessionFactory.openSession();
        JpaTransaction tx = new JpaTransaction(session, ctx, readOnly, dialect, mapper, clock);
        current.set(tx);
        Transaction transaction = null;
        try {
            try {
                transaction = session.beginTransaction();
                session.doWork(connection -> dialect.publishContext(connection, ctx, readOnly));
                session.setDefaultReadOnly(readOnly);
            } catch (RuntimeException e) {
                rollbackQuietly(transaction, e);
                throw HibernateErrors.translate(e, ErrorHint.NONE);
            }
            T result;
            try {
                result = work.execute(tx);
            } catch (Throwable e) { // also a checked exception thrown sneakily: nothing of the work may survive
                tx.end();
                rollbackQuietly(transaction, e);
                throw e;
            }
            tx.end();
            try {
                if (readOnly) {
                    transaction.rollback();
                } else {
                    transaction.commit();
                }
            } catch (RuntimeException e) {
                rollbackQuietly(transaction, e);
                throw HibernateErrors.translate(e, ErrorHint.COMMIT);
            }
            return result;
        } finally {
            current.remove();
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // the transaction outcome is already decided
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
}
