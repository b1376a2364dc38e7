package org.tvm.testkit.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * A {@link PersistenceUnderTest} for any adapter over a SQL database: the adapter's persistence and
 * administration plus the two data sources they run on, which the contracts' raw checks use with plain
 * JDBC (sealed values as stored, rows visible to the application role without a facility filter).
 *
 * <pre>{@code
 * TestDatabase db = TestDatabases.postgres();   // or TestDatabases.h2(): the same shape
 * PersistenceUnderTest subject = new JdbcPersistenceUnderTest("mine/postgresql",
 *         MyTvmPersistence.create(db.appDataSource()), MyTvmPersistence.administration(db.adminDataSource()), db);
 * }</pre>
 */
public final class JdbcPersistenceUnderTest implements PersistenceUnderTest {

    /** Table and column names cannot be bound as parameters; the contracts only pass plain identifiers. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;
    private final TvmPersistence persistence;
    private final TvmAdministration administration;
    private final DataSource appDataSource;
    private final DataSource adminDataSource;
    private final CreatedFacilities createdFacilities = new CreatedFacilities();
    private volatile String lockWaitersQuery;
    private volatile DatabaseFaults faults;
    private volatile Function<Clock, TvmMaintenance> maintenance;

    /**
     * @param name            short name for reports, e.g. {@code "jpa/postgresql"}
     * @param persistence     the persistence under test, running on {@code appDataSource}
     * @param administration  its administration, running on {@code adminDataSource}
     * @param appDataSource   the application role's data source (non-superuser on PostgreSQL)
     * @param adminDataSource a data source that reads every row (superuser or admin role)
     */
    public JdbcPersistenceUnderTest(String name, TvmPersistence persistence, TvmAdministration administration,
                                    DataSource appDataSource, DataSource adminDataSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.administration = createdFacilities.tracking(Objects.requireNonNull(administration, "administration"));
        this.appDataSource = Objects.requireNonNull(appDataSource, "appDataSource");
        this.adminDataSource = Objects.requireNonNull(adminDataSource, "adminDataSource");
    }

    /**
     * The same over a {@link TestDatabase}'s two pools.
     *
     * @param name           short name for reports, e.g. {@code "jpa/postgresql"}
     * @param persistence    the persistence under test, running on {@code database.appDataSource()}
     * @param administration its administration, running on {@code database.adminDataSource()}
     * @param database       the test database
     */
    public JdbcPersistenceUnderTest(String name, TvmPersistence persistence, TvmAdministration administration,
                                    TestDatabase database) {
        this(name, persistence, administration, Objects.requireNonNull(database, "database").appDataSource(),
                database.adminDataSource());
    }

    /**
     * Removes every facility created through {@link #administration()} so far, with all its rows (PostgreSQL; needs
     * the admin login to be a superuser). The contract suite calls it after all its contracts ran.
     *
     * @return how many facilities were removed (0 on H2, whose test databases are throw-away)
     */
    @Override
    public int removeCreatedFacilities() {
        return createdFacilities.removeAll(adminDataSource);
    }

    /**
     * Declares the maintenance job of this subject (the maintenance contract is skipped without it).
     *
     * @param factory non-null factory of the job for a clock, e.g. {@code clock -> JpaTvmPersistence.maintenance(admin, clock)}
     * @return this subject
     */
    public JdbcPersistenceUnderTest withMaintenance(Function<Clock, TvmMaintenance> factory) {
        this.maintenance = Objects.requireNonNull(factory, "factory");
        return this;
    }

    @Override
    public Optional<TvmMaintenance> maintenance(Clock clock) {
        Function<Clock, TvmMaintenance> f = maintenance;
        return f == null ? Optional.empty() : Optional.of(f.apply(Objects.requireNonNull(clock, "clock")));
    }

    @Override
    public TvmPersistence persistence() {
        return persistence;
    }

    @Override
    public TvmAdministration administration() {
        return administration;
    }

    @Override
    public DataSource applicationDataSource() {
        return appDataSource;
    }

    /** @return the application role's data source */
    public DataSource appDataSource() {
        return appDataSource;
    }

    /** @return the administrative data source */
    public DataSource adminDataSource() {
        return adminDataSource;
    }

    @Override
    public Optional<String> rawStoredValue(String table, String column, UUID id) {
        requireIdentifier(table);
        requireIdentifier(column);
        try (Connection c = adminDataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + table + "." + column + " failed", e);
        }
    }

    @Override
    public long countRowsVisibleToApplication(String table, UUID contextFacilityId) {
        if (!capabilities().contains(Capability.ROW_LEVEL_SECURITY)) {
            throw new UnsupportedOperationException(name + " declares no row-level security");
        }
        requireIdentifier(table);
        try (Connection c = appDataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_facility_id', ?, true)")) {
                    ps.setString(1, contextFacilityId.toString());
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table + " as the application role failed", e);
        }
    }

    @Override
    public boolean observesLockWaits() {
        return lockWaitersQuery() != null;
    }

    @Override
    public boolean awaitLockWaiters(int count, Duration timeout) {
        String query = lockWaitersQuery();
        if (query == null) {
            throw new UnsupportedOperationException(name + " cannot observe lock waits");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = adminDataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= count) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.onSpinWait();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count lock waiters of " + name, e);
        }
    }

    @Override
    public Optional<DatabaseFaults> faults() {
        DatabaseFaults known = faults;
        if (known == null) {
            try (Connection c = adminDataSource.getConnection()) {
                known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
                        ? new PostgresFaults(adminDataSource) : new H2Faults(adminDataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database product of " + name, e);
            }
            faults = known;
        }
        return Optional.of(known);
    }

    /**
     * Every table the ports write (partitions are counted through their parent; audit entries through the
     * audit_entries view, which also holds the entries the triggers left waiting for the chain).
     */
    private static final java.util.List<String> WRITTEN_TABLES = java.util.List.of("facilities", "locations", "users",
            "user_roles", "residents", "caregiver_assignments", "vehicles", "missions", "mission_events", "telemetry",
            "vehicle_logs", "audit_entries", "data_access_logs", "role_permissions");

    @Override
    public java.util.Map<String, Long> rowCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = adminDataSource.getConnection()) {
            for (String table : WRITTEN_TABLES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting rows of " + name + " failed", e);
        }
        return counts;
    }

    /** How this database tells who waits for a lock, or null when it cannot. */
    private String lockWaitersQuery() {
        String known = lockWaitersQuery;
        if (known == null) {
            try (Connection c = adminDataSource.getConnection()) {
                known = switch (c.getMetaData().getDatabaseProductName()) {
                    case "PostgreSQL" -> "SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND wait_event_type = 'Lock'";
                    case "H2" -> "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
                    default -> "";
                };
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database product of " + name, e);
            }
            lockWaitersQuery = known;
        }
        return known.isEmpty() ? null : known;
    }

    @Override
    public String name() {
        return name;
    }

    private static void requireIdentifier(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
    }
}
