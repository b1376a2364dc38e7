package org.tvm.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.HostTransactionContract;
import org.tvm.testkit.contract.RowLevelSecurityContract;
import org.tvm.testkit.contract.TvmContractSuite;

/**
 * Proves that every contract can fail: for each {@link Fault}, the suite's own nested class of the fault's contract is
 * run (through the JUnit Platform Launcher) against the in-memory adapter decorated by {@link FaultInjection} with that
 * fault and must report at least one failure, and against the same decorator without a fault where it must report
 * none. The contracts to run are taken from {@link TvmContractSuite} itself, so a new contract needs only its fault
 * (one value of {@link Fault}, carrying its bend) here, no runner class. {@link MutantSuite}'s name does not end in
 * "Test", so it runs only when launched here.
 */
class ContractMutationTest {

    /**
     * Registered contracts that have no faulty run yet, named here so the gap is visible (and shrinks): the host
     * transaction contract is skipped in memory (no JOIN_HOST_TRANSACTION: every case needs a JDBC connection), the
     * row-level security contract too (no ROW_LEVEL_SECURITY: only a database hides rows below the ports); a faulty run
     * of either needs a SQL adapter, which this module cannot depend on.
     */
    private static final Set<Class<?>> WITHOUT_MUTANT_YET = Set.of(HostTransactionContract.class,
            RowLevelSecurityContract.class);

    /** The subject {@link MutantSuite} hands out; set before each launch (launches run one after another). */
    private static volatile PersistenceUnderTest current;

    /** The whole contract suite over {@link #current}; one of its nested classes is launched at a time. */
    static class MutantSuite extends TvmContractSuite {
        @Override
        protected PersistenceUnderTest subject() {
            return current;
        }
    }

    /** The suite's nested classes, by the contract each extends. */
    private static Stream<Class<?>> registeredNestedClasses() {
        return Arrays.stream(TvmContractSuite.class.getDeclaredClasses()).filter(c -> c.isAnnotationPresent(Nested.class));
    }

    private static Class<?> nestedClassOf(Class<?> contract) {
        return registeredNestedClasses().filter(c -> c.getSuperclass() == contract).findFirst()
                .orElseThrow(() -> new AssertionError(contract.getSimpleName() + " is not registered in TvmContractSuite"));
    }

    @ParameterizedTest(name = "{0} makes its contract fail; without it the contract passes")
    @EnumSource(Fault.class)
    void contractFailsAgainstTheFaultyAdapterAndPassesAgainstTheHealthyOne(Fault fault) {
        Class<?> nested = nestedClassOf(fault.contract);
        TestExecutionSummary faulty = launch(nested, FaultInjection.subject(fault));
        // the healthy run goes through the same decorator with no fault, so only the fault can explain a failure
        TestExecutionSummary healthy = launch(nested, FaultInjection.subject(null));

        assertThat(faulty.getTestsFoundCount()).as("tests found in %s", nested.getSimpleName()).isPositive();
        assertThat(faulty.getTotalFailureCount())
                .as("%s must fail against an adapter with fault %s", fault.contract.getSimpleName(), fault)
                .isPositive();
        assertThat(healthy.getTotalFailureCount())
                .as("%s must pass against the healthy adapter, failures: %s", fault.contract.getSimpleName(),
                        failures(healthy))
                .isZero();
        assertThat(healthy.getTestsSucceededCount()).isPositive();
    }

    @Test
    void everyRegisteredContractHasAFaultUnlessNamedAsWithoutOne() {
        // counted from the suite rather than by hand
        Set<Class<?>> registered = registeredNestedClasses().map(Class::getSuperclass).collect(Collectors.toSet());
        Set<Class<?>> withFault = Arrays.stream(Fault.values()).map(f -> f.contract).collect(Collectors.toSet());

        assertThat(registered).as("faults name registered contracts").containsAll(withFault);
        assertThat(withFault).as("contracts with a fault")
                .isEqualTo(registered.stream().filter(c -> !WITHOUT_MUTANT_YET.contains(c)).collect(Collectors.toSet()));
    }

    private static TestExecutionSummary launch(Class<?> nested, PersistenceUnderTest subject) {
        current = subject;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectNestedClass(List.of(MutantSuite.class), nested)).build();
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
}
