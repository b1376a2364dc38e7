package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.ports.observe.UnitOfWork;
import org.tvm.ports.observe.UnitOfWorkListener;

/**
 * What the SQL adapters log, through the SLF4J API only (the application picks the binding). Logger names are stable
 * and documented in the README:
 * <ul>
 *   <li>{@value #STARTUP_LOGGER}: one INFO line per persistence instance when it is created (adapter, database,
 *       schema version, capabilities, key ids of the ring, never key material), and a WARN for each unsafe but
 *       allowed setup (a generated per-instance field key; an application login that bypasses row-level
 *       security);</li>
 *   <li>{@value #UNIT_OF_WORK_LOGGER}: one DEBUG line per unit of work (adapter, kind, facility and actor ids,
 *       duration, outcome; rows appended when another listener has them counted).</li>
 * </ul>
 */
public final class AdapterLog {

    /** Logger of the startup line and the setup warnings. */
    public static final String STARTUP_LOGGER = "org.tvm.persistence";
    /** Logger of the per-unit-of-work debug lines. */
    public static final String UNIT_OF_WORK_LOGGER = "org.tvm.persistence.unit-of-work";

    private static final Logger STARTUP = LoggerFactory.getLogger(STARTUP_LOGGER);

    /** The DEBUG line per unit of work; a listener of {@link ObservedTvmPersistence}. */
    public static final UnitOfWorkListener UNIT_OF_WORK_DEBUG = new UnitOfWorkListener() {
        private final Logger log = LoggerFactory.getLogger(UNIT_OF_WORK_LOGGER);

        @Override
        public void ended(UnitOfWork u) {
            if (log.isDebugEnabled()) {
                log.debug("unit of work: adapter={} kind={} facility={} actor={} duration={}ms outcome={}{}{}",
                        u.adapter(), u.kind(), u.context().facilityId().value(),
                        u.context().actorUserId().map(id -> id.value().toString()).orElse("system"),
                        u.duration().toNanos() / 1_000_000.0, u.outcome(),
                        u.failureType() == null ? "" : " (" + u.failureType() + ")",
                        u.telemetryAppended() < 0 ? "" : " telemetryAppended=" + u.telemetryAppended()
                                + " auditAppended=" + u.auditAppended());
            }
        }

        @Override
        public String toString() {
            return "AdapterLog.UNIT_OF_WORK_DEBUG";
        }
    };

    private AdapterLog() {
    }

    /**
     * Logs the startup line (and warnings) of a new persistence and returns it observed by the unit-of-work debug log:
     * what an adapter's {@code create} factory returns.
     *
     * @param adapter          non-null short adapter name, e.g. {@code "jpa"}
     * @param persistence      non-null persistence just created
     * @param appDataSource    non-null data source it runs on (read once for the database and schema version)
     * @param configuredCipher the field cipher the caller configured, or null when a per-instance key was generated
     * @return {@code persistence}, observed
     */
    public static ObservedTvmPersistence started(String adapter, TvmPersistence persistence, DataSource appDataSource,
                                                 FieldCipher configuredCipher) {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(appDataSource, "appDataSource");
        if (STARTUP.isInfoEnabled() || STARTUP.isWarnEnabled()) {
            Database database = Database.describe(appDataSource);
            STARTUP.info("TVM persistence ready: adapter={} database={} schemaVersion={} login={} capabilities={} "
                            + "fieldKeys={}", adapter, database.product(), database.schemaVersion(), database.login(),
                    new TreeSet<>(persistence.capabilities()), describeKeys(configuredCipher));
            if (configuredCipher == null) {
                STARTUP.warn("TVM persistence ({}): no key ring configured: sealed fields (medical notes, MFA secrets) "
                        + "use a key generated for this instance and cannot be read after a restart; tests and demos "
                        + "only (pass Options.keyRing(...))", adapter);
            }
            if (database.bypassesRowLevelSecurity()) {
                STARTUP.warn("TVM persistence ({}): the application login {} is a superuser or has BYPASSRLS: "
                        + "row-level security does not apply to it, facility isolation rests on the adapter alone "
                        + "(log in as a role granted tvm_app)", adapter, database.login());
            }
        }
        return ObservedTvmPersistence.wrap(adapter, persistence, UNIT_OF_WORK_DEBUG);
    }

    /** Key ids only, primary marked with {@code *}; never key material. */
    static String describeKeys(FieldCipher cipher) {
        if (cipher == null) {
            return "[generated for this instance]";
        }
        if (cipher instanceof AesGcmFieldCipher aes) {
            List<String> ids = new ArrayList<>();
            for (String id : new TreeSet<>(aes.keyRing().keyIds())) {
                ids.add(id.equals(aes.keyRing().primaryKeyId()) ? id + "*" : id);
            }
            return ids.toString();
        }
        return "[" + cipher.getClass().getSimpleName() + "]";
    }

    /** What the startup line says about the database; unknown parts are reported as such, never fatal. */
    record Database(String product, String schemaVersion, String login, boolean bypassesRowLevelSecurity) {

        static Database describe(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false); // the adapters never run a statement in autocommit; neither does this
                try {
                    DatabaseMetaData meta = c.getMetaData();
                    String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                    String login = meta.getUserName();
                    boolean postgres = meta.getDatabaseProductName().equals("PostgreSQL");
                    if (postgres) {
                        publishNoContext(c);
                    }
                    boolean bypass = postgres && bypassesRls(c);
                    return new Database(product, schemaVersion(c), login, bypass); // may fail: last
                } finally {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException | RuntimeException e) {
                return new Database("unknown (" + e.getClass().getSimpleName() + ")", "unknown", "unknown", false);
            }
        }

        private static String schemaVersion(Connection c) {
            // the application role may not read the history table: then the version is simply unknown
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TvmMigrations.HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            } catch (SQLException e) {
                return "not readable by this login";   // tvm_app has no grant on the history table
            } finally {
                resetAfterFailure(c);
            }
        }

        /**
         * Every transaction on the application pool publishes its context first (the adapters' rule, which their tests
         * check per connection); this probe is no unit of work, so it publishes an empty one, transaction-locally.
         */
        private static void publishNoContext(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_facility_id', '', true), "
                    + "set_config('app.current_actor_id', '', true)")) {
                ps.execute();
            }
        }

        private static boolean bypassesRls(Connection c) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            } catch (SQLException e) {
                return false;
            }
        }

        /** A failed statement in a pool-provided transaction would poison the next one. */
        private static void resetAfterFailure(Connection c) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the connection goes back to the pool, which validates it
            }
        }
    }
}
