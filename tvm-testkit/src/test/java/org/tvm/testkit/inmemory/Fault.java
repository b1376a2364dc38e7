package org.tvm.testkit.inmemory;

/**
 * Deliberate deviations from the port contracts, injected by {@link FaultInjection} (a decorator of the healthy
 * in-memory adapter, in test scope only: nothing of it ships). Each fault must make the named contract fail, which
 * proves that the contract actually checks the rule ({@link ContractMutationTest}).
 */
enum Fault {
    /** TransactionContract must fail: the writes of a work that threw are committed anyway. */
    KEEP_WRITES_ON_ROLLBACK,
    /** IsolationContract must fail: reads by id find rows of other facilities. */
    IGNORE_FACILITY_SCOPE,
    /** FacilityContract must fail: locations() is not ordered by name. */
    LOCATIONS_UNORDERED,
    /** ResidentContract must fail: default reads return soft-deleted rows. */
    SOFT_DELETED_VISIBLE,
    /** VehicleContract must fail: stale updates overwrite. */
    SKIP_VERSION_CHECK,
    /** VehicleLogContract must fail: vehicle logs are returned oldest first. */
    VEHICLE_LOGS_OLDEST_FIRST,
    /** MissionContract must fail: events are returned newest first. */
    EVENTS_NEWEST_FIRST,
    /** DispatchContract must fail: claimNextPending orders by createdAt only. */
    DISPATCH_IGNORES_PRIORITY,
    /**
     * DispatchConcurrencyContract must fail: claimNextPending also offers missions another dispatcher already assigned
     * (a stale view of the others' work), so a second dispatcher receives the first one's mission.
     */
    CLAIM_OFFERS_ASSIGNED_MISSIONS,
    /** TelemetryContract must fail: range() returns oldest first. */
    TELEMETRY_OLDEST_FIRST,
    /** UserContract must fail: e-mail uniqueness is not enforced. */
    DUPLICATE_EMAIL_ALLOWED,
    /** AccessControlContract must fail: revokeRole does nothing. */
    REVOKE_ROLE_IGNORED,
    /** AuditContract must fail: audit pages are newest first. */
    AUDIT_NEWEST_FIRST,
    /** OperationsQueriesContract must fail: a heartbeat exactly 5 minutes old counts as online. */
    ONLINE_BOUNDARY_INCLUSIVE,
    /** SensitiveFieldsContract must fail: the raw stored value is the plaintext. */
    STORE_PLAINTEXT,
    /** KeysetPaginationContract must fail: the next page skips its first row. */
    PAGE_TOKEN_SKIPS_ONE,
    /** AdministrationContract must fail: retention drops nothing. */
    RETENTION_DROPS_NOTHING,
    /** FleetHeartbeatContract must fail: recordHeartbeats applies heartbeats older than the stored one. */
    FLEET_HEARTBEATS_IGNORE_ORDER,
    /** JsonDetailsContract must fail: audit details are stored as their flat text view (numbers become text). */
    DETAILS_STORED_AS_TEXT,
    /** MaintenanceContract must fail: a run that finds the maintenance lock taken reports that it succeeded. */
    MAINTENANCE_IGNORES_LOCK,
    /** KpiContract must fail: the waiting times (request to pickup) are not reported. */
    KPI_WAIT_DROPPED,
    /** ErrorTranslationContract must fail: a duplicate e-mail's exception quotes the row in its cause. */
    DUPLICATE_KEY_QUOTES_VALUE,
    /** HostileInputContract must fail: a duplicate resident id ends as a bare TvmPersistenceException. */
    BARE_ERROR_ON_DUPLICATE_RESIDENT,
    /** MapContract must fail: latest() returns the first version. */
    LATEST_MAP_IS_THE_FIRST,
    /** SavepointContract must fail: savepoint() runs its work without a savepoint, so a failure inside undoes nothing. */
    SAVEPOINT_UNDOES_NOTHING,
    /** AutomaticAuditContract must fail: changes of residents leave no audit entry (the trigger skips an audited table). */
    AUDIT_TRIGGER_SKIPS_RESIDENTS,
    /** AuditTrailContract must fail: the chain verifier accepts a checkpoint signed with an unknown key. */
    VERIFIER_IGNORES_FORGED_CHECKPOINTS
}
