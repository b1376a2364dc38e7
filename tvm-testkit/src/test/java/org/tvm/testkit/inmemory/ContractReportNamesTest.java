package org.tvm.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.tvm.testkit.contract.SubjectDisplayNames;
import org.tvm.testkit.contract.TvmContractSuite;

/**
 * With several subjects in one build, a contract report must say which subject failed: every contract class of a
 * {@link TvmContractSuite} is displayed as "suite › contract", never as the shared nested class name.
 */
class ContractReportNamesTest {

    @Test
    void everyNestedContractIsNamedAfterItsSuite() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(InMemoryContractsTest.class)).build());
        List<String> contracts = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream()
                    .filter(t -> t.getSource().filter(ClassSource.class::isInstance).isPresent())
                    .filter(t -> ((ClassSource) t.getSource().orElseThrow()).getJavaClass().getEnclosingClass() == TvmContractSuite.class)
                    .forEach(t -> contracts.add(t.getDisplayName()));
        }
        int nested = (int) java.util.Arrays.stream(TvmContractSuite.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(org.junit.jupiter.api.Nested.class)).count();
        assertThat(contracts).hasSize(nested).allSatisfy(name ->
                assertThat(name).startsWith(InMemoryContractsTest.class.getSimpleName() + SubjectDisplayNames.SEPARATOR));
        assertThat(contracts).contains("InMemoryContractsTest › Isolation").doesNotHaveDuplicates();
        List<String> tests = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(t -> tests.add(t.getDisplayName()));
        }
        assertThat(tests).isNotEmpty().allSatisfy(name -> assertThat(name).endsWith(" [InMemoryContractsTest]"))
                .doesNotHaveDuplicates().contains("Users.duplicateIdIsADuplicateKey [InMemoryContractsTest]", "Vehicles.duplicateIdIsADuplicateKey [InMemoryContractsTest]");
    }
}
