package org.tvm.ports;

/**
 * The handle a {@link TransactionWork} receives: the context and the repositories of one database transaction.
 *
 * <p>The handle and every repository returned by it are valid only while the work runs and only on the thread running
 * it; afterwards every method throws {@link IllegalStateException}. All repositories share the one transaction and the
 * facility scope of {@link #context()}. Each accessor returns a non-null repository (the same instance on repeated calls
 * is allowed but not required).
 */
public interface TvmTransaction {

    /** @return the non-null context this transaction runs in */
    TvmContext context();

    /**
     * @return true if this transaction was started by {@link TvmPersistence#inReadOnlyTransaction}; mutating
     *         repository methods then throw {@link IllegalStateException}
     */
    boolean readOnly();

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

    /** @return the facility's maps (versioned) */
    MapRepository maps();
}
