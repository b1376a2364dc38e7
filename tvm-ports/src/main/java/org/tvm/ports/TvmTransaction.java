package org.tvm.ports;

import org.tvm.ports.query.KpiQueries;
import java.util.function.Supplier;

/**
 * The handle a {@link TransactionWork} receives: the context and the repositories of one database transaction.
 *
 * <p>The handle and every repository returned by it are valid only while the work runs and only on the thread running
 * it; afterwards every method throws {@link IllegalStateException}. All repositories share the one transaction and the
 * facility scope of {@link #context()}. Each accessor returns a non-null repository (the same instance on repeated calls
 * is allowed but not required).
 *
 * <h2>Rollback-only after a failure</h2>
 * As soon as a repository call throws a {@link TvmPersistenceException} other than {@link NotFoundException} (for
 * example {@link DuplicateKeyException}, {@link ConstraintViolationException}, {@link ConcurrencyConflictException}),
 * the transaction is <em>rollback-only</em>, even if the work catches the exception: the database may already have
 * aborted the transaction (PostgreSQL does), so its writes cannot be committed. If the work then returns normally, the
 * transaction is rolled back and the run method throws {@link TransactionRolledBackException} with that first failure
 * as cause; it never reports a commit that did not happen. Later repository calls in a rollback-only transaction may
 * fail too. To recover from an expected failure (insert-or-skip on a duplicate), run the call in
 * {@link #savepoint(Supplier)}.
 */
public interface TvmTransaction {

    /** @return the non-null context this transaction runs in */
    TvmContext context();

    /**
     * @return true if this transaction was started by {@link TvmPersistence#inReadOnlyTransaction}; mutating
     *         repository methods then throw {@link IllegalStateException}
     */
    boolean readOnly();

    /**
     * Runs {@code work} under a savepoint of this transaction. The work returns normally: the savepoint is released and
     * the work's result returned. The work throws (any exception or error): the transaction is rolled back to the
     * savepoint (the writes of {@code work} are undone, the writes before it are kept), the rollback-only mark caused
     * by failures inside {@code work} is cleared, and the same exception instance is rethrown, so the caller may catch
     * it and go on:
     *
     * <pre>{@code
     * try {
     *     tx.savepoint(() -> tx.vehicles().insert(vehicle));
     * } catch (DuplicateKeyException alreadyThere) {
     *     // skip: the transaction goes on and commits the other writes
     * }
     * }</pre>
     *
     * Savepoints nest; they work in read-only transactions too. If {@code work} swallows a failure itself and returns
     * normally, the transaction stays rollback-only. Use the same handle {@code tx} inside {@code work}.
     *
     * @param work non-null part of the unit of work
     * @param <T>  result type
     * @return the work's result, null if it returned null
     * @throws NullPointerException           if work is null (nothing runs)
     * @throws TransactionRolledBackException if the transaction was already rollback-only before this call (nothing
     *                                        runs: a savepoint cannot undo a failure that happened before it)
     * @throws IllegalStateException          if the handle is used after its work returned or on another thread
     * @throws RuntimeException               whatever {@code work} threw, after the rollback to the savepoint, or a
     *                                        translated {@link TvmPersistenceException} if the database refused the
     *                                        savepoint
     */
    <T> T savepoint(Supplier<T> work);

    /**
     * {@link #savepoint(Supplier)} for a work without a result.
     *
     * @param work non-null part of the unit of work
     * @throws NullPointerException           if work is null (nothing runs)
     * @throws TransactionRolledBackException if the transaction was already rollback-only (nothing runs)
     */
    default void savepoint(Runnable work) {
        java.util.Objects.requireNonNull(work, "work");
        savepoint(() -> {
            work.run();
            return null;
        });
    }

    /** @return the facility (of the context) and its locations */
    FacilityRepository facilities();

    /** @return residents; reads record data-access entries */
    ResidentRepository residents();

    /** @return vehicles, heartbeats and vehicle logs */
    VehicleRepository vehicles();

    /** @return missions and their events */
    MissionRepository missions();

    /** @return dispatching: claim pending missions, assign vehicles, find nearby vehicles */
    DispatchOperations dispatch();

    /** @return telemetry samples */
    TelemetryRepository telemetry();

    /** @return user accounts */
    UserRepository users();

    /** @return roles, permissions, caregiver assignments and access checks */
    AccessControlRepository accessControl();

    /** @return the audit log and the resident data-access log */
    AuditRepository audit();

    /** @return the dashboard read models (spec section 8.1 queries) */
    OperationsQueries operations();

    /** @return the KPI read models over the mission summary and the fleet (spec section 8.2) */
    KpiQueries kpis();

    /** @return the facility's maps (versioned) */
    MapRepository maps();
}
