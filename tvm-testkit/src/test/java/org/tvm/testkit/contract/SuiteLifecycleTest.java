package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** No database: the suite fails once, with what to set and how to start one, and runs none of its contracts. */
class SuiteLifecycleTest {

    @Test
    void anUnavailableSubjectFailsTheSuiteOnceWithTheFix() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(UnreachableSuiteFixture.class))
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getTestsStartedCount()).isZero();
        assertThat(summary.getTestsFoundCount()).as("the contracts are there, just not run").isGreaterThan(200);
        String message = summary.getFailures().get(0).getException().getMessage();
        assertThat(message).contains("UnreachableSuiteFixture", "none of the contracts ran", "127.0.0.1:1",
                "TVM_TEST_PG_URL", "TVM_TEST_PG_USER", "TVM_TEST_PG_PASSWORD", "docker run").doesNotContain("bin/test");
    }
}
