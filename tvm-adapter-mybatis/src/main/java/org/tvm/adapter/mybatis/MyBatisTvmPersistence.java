package org.tvm.adapter.mybatis;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.tvm.adapter.sql.AdapterLog;
import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.adapter.sql.ApplicationLogin;
import org.tvm.adapter.sql.FieldKeys;
import org.tvm.ports.Capability;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.adapter.mybatis.support.MyBatisBootstrap;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.support.SqlDialect;

/**
 * The public entry point of the MyBatis adapter (MyBatis 3.5, PostgreSQL 15+ with PostGIS, or H2 in PostgreSQL
 * mode). Nothing else of this module is meant for its users (the classes of its sub-packages are public only so the
 * adapter's packages reach each other), and no MyBatis type appears here.
 *
 * <pre>{@code
 * TvmMigrations.migrate(adminDataSource);
 * TvmPersistence persistence = MyBatisTvmPersistence.create(appDataSource,
 *         MyBatisTvmPersistence.Options.defaults().keyRing(KeyRing.fromEnvironment("TVM_FIELD_KEYS")));
 * persistence.inTransaction(TvmContext.of(facilityId, userId), tx -> tx.missions().findById(id));
 * }</pre>
 *
 * The database is detected from the DataSource ({@code DatabaseMetaData.getDatabaseProductName()}) once, at creation.
 */
public final class MyBatisTvmPersistence {

    private MyBatisTvmPersistence() {
    }

    /**
     * @param dataSource non-null DataSource of the application role; not closed by this library
     * @param options    non-null options (key ring or cipher, clock)
     * @return the persistence
     * @throws IllegalArgumentException                   if the database is neither PostgreSQL nor H2
     * @throws IllegalStateException                      if the options carry no key (see {@link Options#defaults()})
     * @throws org.tvm.ports.UnsafeDatabaseLoginException if the PostgreSQL login bypasses row-level security and
     *                                                    {@link Options#allowLoginBypassingRowLevelSecurity()} was not
     *                                                    chosen
     */
    public static TvmPersistence create(DataSource dataSource, Options options) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(options, "options");
        RowMapper rows = new RowMapper(options.cipher());
        SqlDialect dialect = SqlDialect.of(dataSource);
        Set<Capability> capabilities = ApplicationLogin.check(dataSource, dialect.database(), options.allowBypassingRls);
        return AdapterLog.started("mybatis", new MyBatisPersistence(MyBatisBootstrap.sessionFactory(dataSource, dialect, "tvm-app"),
                dialect, capabilities, rows, options.clock(), options.hostTransactions), dataSource, options.cipher);
    }

    /**
     * The administrative entry point (facility creation, partitions, retention, anonymisation, permission catalogue).
     *
     * @param adminDataSource non-null DataSource of an administrative login: a superuser, or a member of
     *                        {@code tvm_admin} (each transaction then runs {@code SET LOCAL ROLE tvm_admin}); not
     *                        closed by this library
     * @return the administration
     */
    public static TvmAdministration administration(DataSource adminDataSource) {
        requireNonNull(adminDataSource, "adminDataSource");
        SqlDialect dialect = SqlDialect.of(adminDataSource);
        return new MyBatisAdministration(MyBatisBootstrap.sessionFactory(adminDataSource, dialect, "tvm-admin"), dialect);
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

    /** Immutable options of {@link #create(DataSource, Options)}. */
    public static final class Options {

        private final FieldCipher cipher;
        private final boolean throwAwayKey;
        private final boolean allowBypassingRls;
        private final Clock clock;
        private HostTransactions hostTransactions;

        private Options(FieldCipher cipher, boolean throwAwayKey, boolean allowBypassingRls, Clock clock) {
            this.cipher = cipher;
            this.throwAwayKey = throwAwayKey;
            this.allowBypassingRls = allowBypassingRls;
            this.clock = clock;
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
            return new Options(cipher, throwAwayKey, allowBypassingRls, clock)
                    .withHost(requireNonNull(hostTransactions, "hostTransactions"));
        }

        /**
         * @return options with the UTC system clock and <b>no key</b> for the sensitive fields: {@link #create} refuses
         *         them until {@link #keyRing}, {@link #fieldCipher} or (tests and demos) {@link #throwAwayKeyForTestsAndDemos()}
         *         is chosen
         */
        public static Options defaults() {
            return new Options(null, false, false, Clock.systemUTC());
        }

        /**
         * @param keyRing non-null key ring for {@link AesGcmFieldCipher} (e.g. {@code KeyRing.fromEnvironment("TVM_FIELD_KEYS")})
         * @return a copy using it
         */
        public Options keyRing(KeyRing keyRing) {
            return new Options(new AesGcmFieldCipher(requireNonNull(keyRing, "keyRing")), false, allowBypassingRls, clock).withHost(hostTransactions);
        }

        /**
         * @param fieldCipher non-null cipher for medical notes and MFA secrets
         * @return a copy using it
         */
        public Options fieldCipher(FieldCipher fieldCipher) {
            return new Options(requireNonNull(fieldCipher, "fieldCipher"), false, allowBypassingRls, clock).withHost(hostTransactions);
        }

        /**
         * Tests and demos only: seal sensitive fields with a key generated for this instance; it dies with the instance,
         * so sealed values cannot be opened by any other instance.
         *
         * @return a copy with a per-instance throw-away key
         */
        public Options throwAwayKeyForTestsAndDemos() {
            return new Options(null, true, allowBypassingRls, clock).withHost(hostTransactions);
        }

        /**
         * Demos only: accept a PostgreSQL application login that bypasses row-level security (superuser, BYPASSRLS or
         * owner of the tables), which {@link #create} otherwise refuses with
         * {@link org.tvm.ports.UnsafeDatabaseLoginException}; {@code capabilities()} then omits
         * {@link Capability#ROW_LEVEL_SECURITY}.
         *
         * @return a copy accepting such a login
         */
        public Options allowLoginBypassingRowLevelSecurity() {
            return new Options(cipher, throwAwayKey, true, clock).withHost(hostTransactions);
        }

        /**
         * @param clock non-null clock for the instants the adapter stamps itself (data-access entries, role grants,
         *              caregiver assignments)
         * @return a copy using it
         */
        public Options clock(Clock clock) {
            return new Options(cipher, throwAwayKey, allowBypassingRls, requireNonNull(clock, "clock")).withHost(hostTransactions);
        }

        FieldCipher cipher() {
            return FieldKeys.cipher(cipher, throwAwayKey);
        }

        Clock clock() {
            return clock;
        }

        @Override
        public String toString() {
            return "MyBatisTvmPersistence.Options[cipher=" + (cipher != null ? cipher
                    : throwAwayKey ? "throw-away key per instance" : "none") + ", clock=" + clock
                    + (allowBypassingRls ? ", login bypassing RLS allowed" : "") + "]";
        }
    }
}
