package org.tvm.testkit.contract;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names every contract class after the suite that runs it, so that with several subjects (adapters × databases) a
 * report says which one failed: the nested {@code Isolation} of {@code JpaPostgresContractsTest} reports as
 * {@code "JpaPostgresContractsTest › Isolation"} instead of the shared {@code TvmContractSuite$Isolation}. The suite's
 * class name is the subject's identity here (one concrete suite per adapter and database); JUnit hands the runtime
 * enclosing class to {@link #generateDisplayNameForNestedClass(List, Class)}, not the abstract declaring one.
 */
public final class SubjectDisplayNames extends DisplayNameGenerator.Standard {

    /** Separator between the suite and the contract in a display name. */
    public static final String SEPARATOR = " › ";

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        if (enclosingInstanceTypes.isEmpty()) {
            return nestedClass.getSimpleName();
        }
        return enclosingInstanceTypes.get(enclosingInstanceTypes.size() - 1).getSimpleName() + SEPARATOR
                + nestedClass.getSimpleName();
    }

    /**
     * {@code "Contract.method [Suite]"}: Maven Surefire reports a nested class by its class name (shared by every suite)
     * and writes all of a suite's contracts into one report file keyed by test name, so the name carries the contract
     * (two contracts may share a method name) and the suite.
     */
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        if (enclosingInstanceTypes.isEmpty()) {
            return testMethod.getName();
        }
        return testClass.getSimpleName() + "." + testMethod.getName() + " ["
                + enclosingInstanceTypes.get(0).getSimpleName() + "]";
    }
}
