package org.tvm.testkit;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.TvmMaintenance;

/**
 * What every contract's factory method hands over: the persistence under test, its administrative
 * entry point, and a raw view of stored values (to prove that sensitive fields are sealed at rest).
 *
 * <p>One instance may be shared by many tests and test classes: contracts never assume empty
 * tables; each test creates its own facilities (fresh ids), so tests cannot see each other's rows.
 */
public interface PersistenceUnderTest {

    /** The persistence under test, bound to the application role (never a superuser on PostgreSQL). */
    TvmPersistence persistence();

    /** The administrative entry point (facility creation, partitions, retention), bound to the admin role. */
    TvmAdministration administration();

    /** Optional capabilities this persistence declares; contracts needing an absent one show as skipped. */
    default Set<Capability> capabilities() {
        return persistence().capabilities();
    }

    /**
     * The value exactly as stored in {@code table.column} for the row with primary key {@code id},
     * bypassing the adapter's mapping (for example with plain JDBC as an administrator), or empty when
     * the row does not exist or the column is NULL. Used to prove that sealed columns never contain
     * plaintext; only called when {@link Capability#AT_REST_FIELD_ENCRYPTION} is declared.
     */
    Optional<String> rawStoredValue(String table, String column, UUID id);

    /**
     * Counts the rows of {@code table} that the application database role sees when the database
     * session carries {@code contextFacilityId} as its facility context, with NO facility filter in
     * the SQL ({@code SELECT count(*) FROM table}). With row-level security this equals the rows of
     * that facility only. Only called when {@link Capability#ROW_LEVEL_SECURITY} is declared.
     */
    long countRowsVisibleToApplication(String table, UUID contextFacilityId);

    /**
     * Whether {@link #awaitLockWaiters} works here. Contracts that must order a race between two
     * transactions without sleeping (one holds a row lock, the other must be waiting for it) need it and
     * show as skipped without it.
     *
     * @return true when lock waits of the persistence under test can be observed
     */
    default boolean observesLockWaits() {
        return false;
    }

    /**
     * Waits until at least {@code count} transactions of the persistence under test are blocked waiting
     * for a lock (on PostgreSQL: {@code pg_stat_activity.wait_event_type = 'Lock'} in its database).
     *
     * @param count   how many waiting transactions to wait for, at least 1
     * @param timeout how long to wait at most
     * @return true once that many wait, false when the timeout passed first
     * @throws UnsupportedOperationException when {@link #observesLockWaits()} is false
     */
    default boolean awaitLockWaiters(int count, java.time.Duration timeout) {
        throw new UnsupportedOperationException(name() + " cannot observe lock waits");
    }

    /**
     * The database faults this subject can provoke under its adapter (see {@link org.tvm.testkit.db.DatabaseFaults});
     * empty where there is no database (the error-translation checks that need one then show as skipped).
     *
     * @return the fault injector of the subject's database, or empty
     */
    default Optional<org.tvm.testkit.db.DatabaseFaults> faults() {
        return Optional.empty();
    }

    /**
     * Rows per table of the whole database as the administration sees them, or an empty map where the subject cannot
     * count rows (in-memory: its copy-on-write transactions cannot leave half a write). Contracts compare two counts
     * around a rejected write to prove that nothing of it was stored.
     *
     * @return table name to row count, or empty
     */
    default java.util.Map<String, Long> rowCounts() {
        return java.util.Map.of();
    }

    /**
     * The data lifecycle job of this persistence with the given clock as "now", or empty when it has none (the
     * maintenance contract then shows as skipped). Maintenance works across all facilities of the database.
     *
     * @param clock non-null simulated or real clock
     */
    default Optional<TvmMaintenance> maintenance(Clock clock) {
        return Optional.empty();
    }

    /**
     * The application role's data source the persistence runs on, for contracts that open a transaction of their own
     * and let units of work join it; only called when {@link Capability#JOIN_HOST_TRANSACTION} is declared.
     *
     * @return the data source
     * @throws UnsupportedOperationException if the subject has none
     */
    default javax.sql.DataSource applicationDataSource() {
        throw new UnsupportedOperationException(name() + " has no JDBC data source");
    }

    /** A short name for reports, e.g. "jpa/postgresql". */
    String name();

    /**
     * Removes the facilities (and all their rows) created through {@link #administration()}, so a suite leaves a
     * persistent database as it found it. Called by {@code TvmContractSuite} after all its contracts ran; never throws.
     *
     * @return how many facilities were removed; the default (throw-away stores) removes nothing
     */
    default int removeCreatedFacilities() {
        return 0;
    }
}
