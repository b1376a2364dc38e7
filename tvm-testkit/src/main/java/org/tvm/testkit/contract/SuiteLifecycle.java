package org.tvm.testkit.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * The contract suite's class-level lifecycle (registered on {@link TvmContractSuite}):
 * <ul>
 *   <li>before any contract runs, the subject is obtained once; if that fails (typically: no database reachable) the
 *       suite fails <em>once</em> with that message, and none of its contracts runs, instead of every contract failing
 *       on its own;</li>
 *   <li>after all contracts ran, {@link PersistenceUnderTest#removeCreatedFacilities()} removes what the suite created,
 *       so it can run again on the same persistent database.</li>
 * </ul>
 */
public final class SuiteLifecycle implements BeforeAllCallback, AfterAllCallback {

    /** Creates the extension (JUnit does, through {@code @ExtendWith}). */
    public SuiteLifecycle() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isTopLevel(context)) {
            subject(context); // fails the whole suite here, once, when the subject cannot be had
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isTopLevel(context)) {
            subject(context).removeCreatedFacilities();
        }
    }

    /** @Nested classes inherit the extension; only the suite class itself acts. */
    private static boolean isTopLevel(ExtensionContext context) {
        return context.getRequiredTestClass().getEnclosingClass() == null
                || !context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
    }

    private static PersistenceUnderTest subject(ExtensionContext context) {
        Class<?> suiteClass = context.getRequiredTestClass();
        try {
            Constructor<?> constructor = suiteClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            TvmContractSuite suite = (TvmContractSuite) constructor.newInstance();
            return suite.subject();
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            throw unavailable(suiteClass, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(suiteClass.getName() + " needs a no-argument constructor", e);
        } catch (RuntimeException e) {
            throw unavailable(suiteClass, e);
        }
    }

    /** The root cause's message first: that is what tells the reader what to do. */
    private static IllegalStateException unavailable(Class<?> suiteClass, Throwable cause) {
        Throwable root = cause;
        while (root instanceof ExceptionInInitializerError && root.getCause() != null) {
            root = root.getCause();
        }
        return new IllegalStateException(suiteClass.getSimpleName() + ": the persistence under test is not available, "
                + "so none of the contracts ran. " + root.getMessage(), root);
    }
}
