package org.tvm.adapter.mybatis;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import javax.sql.DataSource;
import org.tvm.adapter.sql.AdapterLog;
import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;

/**
 * The public entry point of the MyBatis adapter (MyBatis 3.5, PostgreSQL 15+ with PostGIS, or H2 in PostgreSQL
 * mode). Nothing else of this module is public, and no MyBatis type appears here.
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
     * A persistence with {@link Options#defaults()}: medical notes and MFA secrets are sealed with a key generated for
     * this instance only (lost at shutdown) — acceptable for tests and demos only; production passes a key ring.
     *
     * @param dataSource non-null DataSource of the application role (on PostgreSQL never a superuser or table owner,
     *                   which would bypass row-level security); not closed by this library
     * @return the persistence
     */
    public static TvmPersistence create(DataSource dataSource) {
        return create(dataSource, Options.defaults());
    }

    /**
     * @param dataSource non-null DataSource of the application role; not closed by this library
     * @param options    non-null options (key ring or cipher, clock)
     * @return the persistence
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     */
    public static TvmPersistence create(DataSource dataSource, Options options) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(options, "options");
        Dialect dialect = Dialect.of(dataSource);
        return AdapterLog.started("mybatis", new MyBatisPersistence(MyBatisSetup.sessionFactory(dataSource, dialect,
                "tvm-app"), dialect, new DomainRows(options.cipher()), options.clock()), dataSource, options.cipher);
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
        Dialect dialect = Dialect.of(adminDataSource);
        return new MyBatisAdministration(MyBatisSetup.sessionFactory(adminDataSource, dialect, "tvm-admin"), dialect);
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
        private final Clock clock;

        private Options(FieldCipher cipher, Clock clock) {
            this.cipher = cipher;
            this.clock = clock;
        }

        /**
         * @return options with a per-instance generated key ring (tests and demos only: sealed values cannot be opened
         *         by any other instance) and the UTC system clock
         */
        public static Options defaults() {
            return new Options(null, Clock.systemUTC());
        }

        /**
         * @param keyRing non-null key ring for {@link AesGcmFieldCipher} (e.g. {@code KeyRing.fromEnvironment("TVM_FIELD_KEYS")})
         * @return a copy using it
         */
        public Options keyRing(KeyRing keyRing) {
            return new Options(new AesGcmFieldCipher(requireNonNull(keyRing, "keyRing")), clock);
        }

        /**
         * @param fieldCipher non-null cipher for medical notes and MFA secrets
         * @return a copy using it
         */
        public Options fieldCipher(FieldCipher fieldCipher) {
            return new Options(requireNonNull(fieldCipher, "fieldCipher"), clock);
        }

        /**
         * @param clock non-null clock for the instants the adapter stamps itself (data-access entries, role grants,
         *              caregiver assignments)
         * @return a copy using it
         */
        public Options clock(Clock clock) {
            return new Options(cipher, requireNonNull(clock, "clock"));
        }

        FieldCipher cipher() {
            return cipher != null ? cipher : new AesGcmFieldCipher(KeyRing.generate("ephemeral"));
        }

        Clock clock() {
            return clock;
        }

        @Override
        public String toString() {
            return "MyBatisTvmPersistence.Options[cipher=" + (cipher == null ? "generated per instance" : cipher)
                    + ", clock=" + clock + "]";
        }
    }
}
