package org.tvm.testkit.inmemory;

import org.tvm.testkit.contract.AccessControlContract;
import org.tvm.testkit.contract.AdministrationContract;
import org.tvm.testkit.contract.AuditContract;
import org.tvm.testkit.contract.AuditTrailContract;
import org.tvm.testkit.contract.AutomaticAuditContract;
import org.tvm.testkit.contract.DispatchConcurrencyContract;
import org.tvm.testkit.contract.DispatchContract;
import org.tvm.testkit.contract.ErrorTranslationContract;
import org.tvm.testkit.contract.FacilityContract;
import org.tvm.testkit.contract.FleetHeartbeatContract;
import org.tvm.testkit.contract.HostileInputContract;
import org.tvm.testkit.contract.IsolationContract;
import org.tvm.testkit.contract.JsonDetailsContract;
import org.tvm.testkit.contract.KeysetPaginationContract;
import org.tvm.testkit.contract.KpiContract;
import org.tvm.testkit.contract.MaintenanceContract;
import org.tvm.testkit.contract.MapContract;
import org.tvm.testkit.contract.MissionContract;
import org.tvm.testkit.contract.OperationsQueriesContract;
import org.tvm.testkit.contract.ResidentContract;
import org.tvm.testkit.contract.ResidentRightsContract;
import org.tvm.testkit.contract.SavepointContract;
import org.tvm.testkit.contract.SensitiveFieldsContract;
import org.tvm.testkit.contract.TelemetryContract;
import org.tvm.testkit.contract.TransactionContract;
import org.tvm.testkit.contract.UserContract;
import org.tvm.testkit.contract.VehicleContract;
import org.tvm.testkit.contract.VehicleLogContract;

/**
 * Deliberate deviations from the port contracts, injected by {@link FaultInjection} (a decorator of the healthy
 * in-memory adapter, in test scope only: nothing of it ships). Each fault must make its contract fail, which
 * proves that the contract actually checks the rule ({@link ContractMutationTest}).
 */
enum Fault {
    /** TransactionContract must fail: the writes of a work that threw are committed anyway. */
    KEEP_WRITES_ON_ROLLBACK(TransactionContract.class),
    /** IsolationContract must fail: reads by id find rows of other facilities. */
    IGNORE_FACILITY_SCOPE(IsolationContract.class),
    /** FacilityContract must fail: locations() is not ordered by name. */
    LOCATIONS_UNORDERED(FacilityContract.class),
    /** ResidentContract must fail: default reads return soft-deleted rows. */
    SOFT_DELETED_VISIBLE(ResidentContract.class),
    /** VehicleContract must fail: stale updates overwrite. */
    SKIP_VERSION_CHECK(VehicleContract.class),
    /** VehicleLogContract must fail: vehicle logs are returned oldest first. */
    VEHICLE_LOGS_OLDEST_FIRST(VehicleLogContract.class),
    /** MissionContract must fail: events are returned newest first. */
    EVENTS_NEWEST_FIRST(MissionContract.class),
    /** DispatchContract must fail: claimNextPending orders by createdAt only. */
    DISPATCH_IGNORES_PRIORITY(DispatchContract.class),
    /**
     * DispatchConcurrencyContract must fail: claimNextPending also offers missions another dispatcher already assigned
     * (a stale view of the others' work), so a second dispatcher receives the first one's mission.
     */
    CLAIM_OFFERS_ASSIGNED_MISSIONS(DispatchConcurrencyContract.class),
    /** TelemetryContract must fail: range() returns oldest first. */
    TELEMETRY_OLDEST_FIRST(TelemetryContract.class),
    /** UserContract must fail: e-mail uniqueness is not enforced. */
    DUPLICATE_EMAIL_ALLOWED(UserContract.class),
    /** AccessControlContract must fail: revokeRole does nothing. */
    REVOKE_ROLE_IGNORED(AccessControlContract.class),
    /** AuditContract must fail: audit pages are newest first. */
    AUDIT_NEWEST_FIRST(AuditContract.class),
    /** OperationsQueriesContract must fail: a heartbeat exactly 5 minutes old counts as online. */
    ONLINE_BOUNDARY_INCLUSIVE(OperationsQueriesContract.class),
    /** SensitiveFieldsContract must fail: the raw stored value is the plaintext. */
    STORE_PLAINTEXT(SensitiveFieldsContract.class),
    /** KeysetPaginationContract must fail: the next page skips its first row. */
    PAGE_TOKEN_SKIPS_ONE(KeysetPaginationContract.class),
    /** AdministrationContract must fail: retention drops nothing. */
    RETENTION_DROPS_NOTHING(AdministrationContract.class),
    /** FleetHeartbeatContract must fail: recordHeartbeats applies heartbeats older than the stored one. */
    FLEET_HEARTBEATS_IGNORE_ORDER(FleetHeartbeatContract.class),
    /** JsonDetailsContract must fail: audit details are stored as their flat text view (numbers become text). */
    DETAILS_STORED_AS_TEXT(JsonDetailsContract.class),
    /** MaintenanceContract must fail: a run that finds the maintenance lock taken reports that it succeeded. */
    MAINTENANCE_IGNORES_LOCK(MaintenanceContract.class),
    /** KpiContract must fail: the waiting times (request to pickup) are not reported. */
    KPI_WAIT_DROPPED(KpiContract.class),
    /** ErrorTranslationContract must fail: a duplicate e-mail's exception quotes the row in its cause. */
    DUPLICATE_KEY_QUOTES_VALUE(ErrorTranslationContract.class),
    /** HostileInputContract must fail: a duplicate resident id ends as a bare TvmPersistenceException. */
    BARE_ERROR_ON_DUPLICATE_RESIDENT(HostileInputContract.class),
    /** MapContract must fail: latest() returns the first version. */
    LATEST_MAP_IS_THE_FIRST(MapContract.class),
    /** SavepointContract must fail: savepoint() runs its work without a savepoint, so a failure inside undoes nothing. */
    SAVEPOINT_UNDOES_NOTHING(SavepointContract.class),
    /** AutomaticAuditContract must fail: changes of residents leave no audit entry (the trigger skips an audited table). */
    AUDIT_TRIGGER_SKIPS_RESIDENTS(AutomaticAuditContract.class),
    /** AuditTrailContract must fail: the chain verifier accepts a checkpoint signed with an unknown key. */
    VERIFIER_IGNORES_FORGED_CHECKPOINTS(AuditTrailContract.class),
    /** ResidentRightsContract must fail: erasure leaves the notes and reasons in the resident's missions. */
    ERASURE_LEAVES_MISSION_TEXT(ResidentRightsContract.class);

    /** The contract this fault must make fail. */
    final Class<?> contract;

    Fault(Class<?> contract) {
        this.contract = contract;
    }
}
