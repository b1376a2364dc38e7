package org.tvm.adapter.jpa;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.tvm.adapter.sql.AdapterLog;
import org.tvm.adapter.sql.ApplicationLogin;
import org.tvm.adapter.sql.FieldKeys;
import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.Capability;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.adapter.jpa.mapping.EntityMapper;
import org.tvm.adapter.jpa.support.HibernateBootstrap;
import org.tvm.adapter.jpa.support.SqlDialect;

/**
 * The JPA (Hibernate 7 + hibernate-spatial) adapter of the TVM ports: the only type of this module meant for its users
 * (the classes of its sub-packages are public only so the adapter's packages reach each other).
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
public final class JpaTvmPersistence {

    private JpaTvmPersistence() {
    }

    /**
     * Options of {@link #create(DataSource, Options)}. Immutable; every setter returns a copy.
     */
    public static final class Options {
        private final FieldCipher cipher;
        private final boolean throwAwayKey;
        private final boolean allowBypassingRls;
        private final Clock clock;
        private final int batchSize;
        private HostTransactions hostTransactions;

        private Options(FieldCipher cipher, boolean throwAwayKey, boolean allowBypassingRls, Clock clock, int batchSize) {
            this.cipher = cipher;
            this.throwAwayKey = throwAwayKey;
            this.allowBypassingRls = allowBypassingRls;
            this.clock = clock;
            this.batchSize = batchSize;
        }

        private Options withHost(HostTransactions host) {
            this.hostTransactions = host;
            return this;
        }

        /**
         * Units of work join the host's current transaction when {@code hostTransactions.current()} is non-null (see
         * {@link HostTransactions}), and open their own otherwise.
         *
         * @param hostTransactions non-null source of the application's current transaction
         * @return a copy that joins it
         */
        public Options joinHostTransactions(HostTransactions hostTransactions) {
            return new Options(cipher, throwAwayKey, allowBypassingRls, clock, batchSize)
                    .withHost(Objects.requireNonNull(hostTransactions, "hostTransactions"));
        }

        /**
         * Defaults: system UTC clock, JDBC batch size 50, <b>no key</b> for the sensitive fields: {@link #create}
         * refuses these options until {@link #keyRing(KeyRing)}, {@link #fieldCipher(FieldCipher)} or (tests and demos)
         * {@link #throwAwayKeyForTestsAndDemos()} is chosen.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(null, false, false, Clock.systemUTC(), 50);
        }

        /**
         * @param keyRing non-null key ring; sensitive fields are sealed with {@link AesGcmFieldCipher} over it
         * @return a copy with this key ring
         */
        public Options keyRing(KeyRing keyRing) {
            return new Options(new AesGcmFieldCipher(Objects.requireNonNull(keyRing, "keyRing")), false, allowBypassingRls,
                    clock, batchSize).withHost(hostTransactions);
        }

        /**
         * @param cipher non-null cipher for {@code residents.medical_notes} and {@code users.mfa_secret}
         * @return a copy with this cipher
         */
        public Options fieldCipher(FieldCipher cipher) {
            return new Options(Objects.requireNonNull(cipher, "cipher"), false, allowBypassingRls, clock, batchSize).withHost(hostTransactions);
        }

        /**
         * Tests and demos only: seal sensitive fields with a key generated for this instance. It dies with the
         * instance, so data sealed with it cannot be read by the next process.
         *
         * @return a copy with a per-instance throw-away key
         */
        public Options throwAwayKeyForTestsAndDemos() {
            return new Options(null, true, allowBypassingRls, clock, batchSize).withHost(hostTransactions);
        }

        /**
         * Demos only: accept a PostgreSQL application login that bypasses row-level security (superuser, BYPASSRLS or
         * owner of the tables), which {@link #create} otherwise refuses with
         * {@link org.tvm.ports.UnsafeDatabaseLoginException}. {@link TvmPersistence#capabilities()} then omits
         * {@link Capability#ROW_LEVEL_SECURITY}.
         *
         * @return a copy accepting such a login
         */
        public Options allowLoginBypassingRowLevelSecurity() {
            return new Options(cipher, throwAwayKey, true, clock, batchSize).withHost(hostTransactions);
        }

        /**
         * @param clock non-null clock for "the adapter's clock" (data-access log entries)
         * @return a copy with this clock
         */
        public Options clock(Clock clock) {
            return new Options(cipher, throwAwayKey, allowBypassingRls, Objects.requireNonNull(clock, "clock"), batchSize).withHost(hostTransactions);
        }

        /**
         * @param batchSize JDBC batch size for Hibernate inserts/updates, 1..1000
         * @return a copy with this batch size
         */
        public Options batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize must be 1..1000 (was " + batchSize + ")");
            }
            return new Options(cipher, throwAwayKey, allowBypassingRls, clock, batchSize).withHost(hostTransactions);
        }

        FieldCipher cipherOrThrowAway() {
            return FieldKeys.cipher(cipher, throwAwayKey);
        }
    }

    /**
     * @param dataSource non-null data source of the application database role
     * @param options    non-null options (key ring, clock, batch size)
     * @return the persistence; close it to release the session factory
     * @throws IllegalStateException                       if the options carry no key (see {@link Options#defaults()})
     * @throws org.tvm.ports.UnsafeDatabaseLoginException if the PostgreSQL login bypasses row-level security and
     *                                                     {@link Options#allowLoginBypassingRowLevelSecurity()} was
     *                                                     not chosen
     */
    public static TvmPersistence create(DataSource dataSource, Options options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        EntityMapper mapper = new EntityMapper(options.cipherOrThrowAway());
        SqlDialect dialect = SqlDialect.detect(dataSource);
        Set<Capability> capabilities = ApplicationLogin.check(dataSource, dialect.database(), options.allowBypassingRls);
        SessionFactory sessionFactory = HibernateBootstrap.build(dataSource, dialect, options.batchSize);
        return AdapterLog.started("jpa", new JpaPersistence(sessionFactory, dataSource, dialect, capabilities, mapper,
                options.clock, options.hostTransactions), dataSource, options.cipher);
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

    /**
     * Same as {@link #maintenance(DataSource)} with the clock that decides "now" (cut-offs, run record).
     *
     * @param adminDataSource non-null admin data source
     * @param clock           non-null clock
     * @return the maintenance job
     */
    public static TvmMaintenance maintenance(DataSource adminDataSource, Clock clock) {
        return JdbcTvmMaintenance.create(adminDataSource, administration(adminDataSource), true, clock);
    }
}
