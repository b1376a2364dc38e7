package org.tvm.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.AccessControlContract;
import org.tvm.testkit.contract.AdministrationContract;
import org.tvm.testkit.contract.AuditContract;
import org.tvm.testkit.contract.AuditTrailContract;
import org.tvm.testkit.contract.AutomaticAuditContract;
import org.tvm.testkit.contract.ErrorTranslationContract;
import org.tvm.testkit.contract.HostileInputContract;
import org.tvm.testkit.contract.DispatchConcurrencyContract;
import org.tvm.testkit.contract.DispatchContract;
import org.tvm.testkit.contract.FacilityContract;
import org.tvm.testkit.contract.FleetHeartbeatContract;
import org.tvm.testkit.contract.IsolationContract;
import org.tvm.testkit.contract.JsonDetailsContract;
import org.tvm.testkit.contract.KeysetPaginationContract;
import org.tvm.testkit.contract.KpiContract;
import org.tvm.testkit.contract.MaintenanceContract;
import org.tvm.testkit.contract.MapContract;
import org.tvm.testkit.contract.MissionContract;
import org.tvm.testkit.contract.OperationsQueriesContract;
import org.tvm.testkit.contract.ResidentContract;
import org.tvm.testkit.contract.SavepointContract;
import org.tvm.testkit.contract.SensitiveFieldsContract;
import org.tvm.testkit.contract.TelemetryContract;
import org.tvm.testkit.contract.TransactionContract;
import org.tvm.testkit.contract.UserContract;
import org.tvm.testkit.contract.VehicleContract;
import org.tvm.testkit.contract.VehicleLogContract;

/**
 * Proves that every contract can fail: each contract class is run (through the JUnit Platform Launcher) against the
 * in-memory adapter decorated by {@link FaultInjection} with one deliberate fault and must report at least one failure, and against a healthy in-memory
 * adapter where it must report none. The runner classes are static nested classes whose names do not end in "Test",
 * so they run only when selected here.
 */
class ContractMutationTest {

    /**
     * Registered contracts that have no faulty run yet, named here so the gap is visible (and shrinks): the host
     * transaction contract is skipped in memory (no JOIN_HOST_TRANSACTION: every case needs a JDBC connection), the
     * row-level security contract too (no ROW_LEVEL_SECURITY: only a database hides rows below the ports); a faulty run
     * of either needs a SQL adapter, which this module cannot depend on. The resident-rights contract is being
     * reworked and gets its mutant with it.
     */
    private static final Set<Class<?>> WITHOUT_MUTANT_YET = Set.of(
            org.tvm.testkit.contract.HostTransactionContract.class, org.tvm.testkit.contract.ResidentRightsContract.class,
            org.tvm.testkit.contract.RowLevelSecurityContract.class);


    /** The subject the runner classes hand out; set before each launch (launches run one after another). */
    private static volatile PersistenceUnderTest current;

    static PersistenceUnderTest current() {
        return current;
    }

    static Stream<Arguments> contractsAndFaults() {
        return Stream.of(
                Arguments.of(MutantTransactionRun.class, Fault.KEEP_WRITES_ON_ROLLBACK),
                Arguments.of(MutantIsolationRun.class, Fault.IGNORE_FACILITY_SCOPE),
                Arguments.of(MutantFacilityRun.class, Fault.LOCATIONS_UNORDERED),
                Arguments.of(MutantResidentRun.class, Fault.SOFT_DELETED_VISIBLE),
                Arguments.of(MutantVehicleRun.class, Fault.SKIP_VERSION_CHECK),
                Arguments.of(MutantVehicleLogRun.class, Fault.VEHICLE_LOGS_OLDEST_FIRST),
                Arguments.of(MutantMissionRun.class, Fault.EVENTS_NEWEST_FIRST),
                Arguments.of(MutantDispatchRun.class, Fault.DISPATCH_IGNORES_PRIORITY),
                Arguments.of(MutantDispatchConcurrencyRun.class, Fault.CLAIM_OFFERS_ASSIGNED_MISSIONS),
                Arguments.of(MutantTelemetryRun.class, Fault.TELEMETRY_OLDEST_FIRST),
                Arguments.of(MutantUserRun.class, Fault.DUPLICATE_EMAIL_ALLOWED),
                Arguments.of(MutantAccessControlRun.class, Fault.REVOKE_ROLE_IGNORED),
                Arguments.of(MutantAuditRun.class, Fault.AUDIT_NEWEST_FIRST),
                Arguments.of(MutantOperationsQueriesRun.class, Fault.ONLINE_BOUNDARY_INCLUSIVE),
                Arguments.of(MutantSensitiveFieldsRun.class, Fault.STORE_PLAINTEXT),
                Arguments.of(MutantKeysetPaginationRun.class, Fault.PAGE_TOKEN_SKIPS_ONE),
                Arguments.of(MutantAdministrationRun.class, Fault.RETENTION_DROPS_NOTHING),
                Arguments.of(MutantFleetHeartbeatRun.class, Fault.FLEET_HEARTBEATS_IGNORE_ORDER),
                Arguments.of(MutantJsonDetailsRun.class, Fault.DETAILS_STORED_AS_TEXT),
                Arguments.of(MutantMaintenanceRun.class, Fault.MAINTENANCE_IGNORES_LOCK),
                Arguments.of(MutantKpiRun.class, Fault.KPI_WAIT_DROPPED),
                Arguments.of(MutantErrorTranslationRun.class, Fault.DUPLICATE_KEY_QUOTES_VALUE),
                Arguments.of(MutantHostileInputRun.class, Fault.BARE_ERROR_ON_DUPLICATE_RESIDENT),
                Arguments.of(MutantMapRun.class, Fault.LATEST_MAP_IS_THE_FIRST),
                Arguments.of(MutantSavepointRun.class, Fault.SAVEPOINT_UNDOES_NOTHING),
                Arguments.of(MutantAutomaticAuditRun.class, Fault.AUDIT_TRIGGER_SKIPS_RESIDENTS),
                Arguments.of(MutantAuditTrailRun.class, Fault.VERIFIER_IGNORES_FORGED_CHECKPOINTS));
    }

    @ParameterizedTest(name = "{0} fails with {1} and passes without")
    @MethodSource("contractsAndFaults")
    void contractFailsAgainstTheFaultyAdapterAndPassesAgainstTheHealthyOne(Class<?> run, Fault fault) {
        TestExecutionSummary faulty = launch(run, FaultInjection.subject(fault));
        // the healthy run goes through the same decorator with no fault, so only the fault can explain a failure
        TestExecutionSummary healthy = launch(run, FaultInjection.subject(null));

        assertThat(faulty.getTestsFoundCount()).as("tests found in %s", run.getSimpleName()).isPositive();
        assertThat(faulty.getTotalFailureCount())
                .as("%s must fail against an adapter with fault %s", run.getSuperclass().getSimpleName(), fault)
                .isPositive();
        assertThat(healthy.getTotalFailureCount())
                .as("%s must pass against the healthy adapter, failures: %s", run.getSuperclass().getSimpleName(), failures(healthy))
                .isZero();
        assertThat(healthy.getTestsSucceededCount()).isPositive();
    }

    @Test
    void everyFaultIsCoveredByExactlyOneContract() {
        Set<Fault> covered = contractsAndFaults().map(a -> (Fault) a.get()[1])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Fault.class)));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Fault.class));
        // every contract registered in the suite has its mutant, counted from the suite rather than by hand
        Set<Class<?>> registered = java.util.Arrays.stream(org.tvm.testkit.contract.TvmContractSuite.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(org.junit.jupiter.api.Nested.class))
                .map(Class::getSuperclass).collect(Collectors.toSet());
        assertThat(contractsAndFaults().map(a -> ((Class<?>) a.get()[0]).getSuperclass()).collect(Collectors.toSet()))
                .isEqualTo(registered.stream().filter(c -> !WITHOUT_MUTANT_YET.contains(c)).collect(Collectors.toSet()));
    }

    private static TestExecutionSummary launch(Class<?> run, PersistenceUnderTest subject) {
        current = subject;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(run)).build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        } finally {
            current = null;
        }
    }

    private static List<String> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .toList();
    }

    static class MutantJsonDetailsRun extends JsonDetailsContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantMaintenanceRun extends MaintenanceContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantKpiRun extends KpiContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantTransactionRun extends TransactionContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantIsolationRun extends IsolationContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantFacilityRun extends FacilityContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantResidentRun extends ResidentContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantVehicleRun extends VehicleContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantVehicleLogRun extends VehicleLogContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantMissionRun extends MissionContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantDispatchRun extends DispatchContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantDispatchConcurrencyRun extends DispatchConcurrencyContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantTelemetryRun extends TelemetryContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantUserRun extends UserContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantAccessControlRun extends AccessControlContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantAuditRun extends AuditContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantOperationsQueriesRun extends OperationsQueriesContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantSensitiveFieldsRun extends SensitiveFieldsContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantKeysetPaginationRun extends KeysetPaginationContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantAdministrationRun extends AdministrationContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantErrorTranslationRun extends ErrorTranslationContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantHostileInputRun extends HostileInputContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantFleetHeartbeatRun extends FleetHeartbeatContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantMapRun extends MapContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantSavepointRun extends SavepointContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantAutomaticAuditRun extends AutomaticAuditContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }

    static class MutantAuditTrailRun extends AuditTrailContract {
        @Override protected PersistenceUnderTest subject() { return current(); }
    }
}
