package org.tvm.ports.spi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TransactionRolledBackException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;

/**
 * For adapter implementers, not for applications: the rollback-only state of one unit of work and the savepoint
 * protocol, so that every adapter (the in-memory reference included) applies the same rules.
 *
 * <ul>
 *   <li>{@link #guard(TvmTransaction)} wraps the adapter's transaction handle: every repository obtained from it reports
 *       the exceptions it throws to {@link #failed(Throwable)}.</li>
 *   <li>A failure {@linkplain #makesRollbackOnly(Throwable) that makes the unit rollback-only} is remembered (the first
 *       one); the adapter's run loop then rolls back instead of committing and throws {@link #rolledBack()}.</li>
 *   <li>{@link #savepoint(Supplier, Savepoints)} runs a part of the work under a database savepoint and forgets the
 *       failures raised inside it when it rolls back to that savepoint.</li>
 * </ul>
 * One instance per unit of work; used only by the thread running the work (not thread-safe).
 */
public final class UnitOfWork {

    /** The adapter's savepoint operations on its transaction. Handles are opaque to this class. */
    public interface Savepoints {

        /**
         * @return a non-null handle of a new savepoint in the current transaction
         * @throws TvmPersistenceException if the database refuses it (translated by the adapter)
         */
        Object set();

        /**
         * Rolls the transaction back to the savepoint (the savepoint itself may be discarded) and forgets every
         * adapter-side state written after it (e.g. first-level caches).
         *
         * @param savepoint a handle returned by {@link #set()}
         */
        void rollbackTo(Object savepoint);

        /**
         * Releases the savepoint, keeping the work done after it.
         *
         * @param savepoint a handle returned by {@link #set()}
         */
        void release(Object savepoint);
    }

    private Throwable firstFailure;

    /**
     * The rule: every {@link TvmPersistenceException} other than {@link NotFoundException} makes the unit of work
     * rollback-only. Such exceptions may come from a statement the database rejected (after which PostgreSQL aborts the
     * whole transaction); a {@code NotFoundException} is an answer decided without a failed statement. Argument and
     * state errors ({@link IllegalArgumentException}, {@link IllegalStateException}, domain exceptions) are raised
     * before any SQL and do not count.
     *
     * @param failure nullable exception thrown by a repository method
     * @return whether it makes the unit of work rollback-only
     */
    public static boolean makesRollbackOnly(Throwable failure) {
        return failure instanceof TvmPersistenceException && !(failure instanceof NotFoundException);
    }

    /**
     * Records a failure of a repository call; only the first one {@linkplain #makesRollbackOnly(Throwable) that counts}
     * is kept.
     *
     * @param failure nullable exception thrown by a repository method
     */
    public void failed(Throwable failure) {
        if (firstFailure == null && makesRollbackOnly(failure)) {
            firstFailure = failure;
        }
    }

    /** @return whether the unit of work must roll back: returning normally must not commit */
    public boolean rollbackOnly() {
        return firstFailure != null;
    }

    /** @return the first failure that made the unit rollback-only, or null */
    public Throwable firstFailure() {
        return firstFailure;
    }

    /**
     * @return the exception to throw when the work returned normally while {@link #rollbackOnly()}
     * @throws IllegalStateException if the unit is not rollback-only
     */
    public TransactionRolledBackException rolledBack() {
        if (firstFailure == null) {
            throw new IllegalStateException("the unit of work is not rollback-only");
        }
        return new TransactionRolledBackException(firstFailure);
    }

    /**
     * Runs {@code work} under a savepoint, implementing {@link TvmTransaction#savepoint(Supplier)}: the work returns →
     * the savepoint is released and its result returned; the work throws → the transaction is rolled back to the
     * savepoint, the failures recorded inside it are forgotten and the same exception is rethrown.
     *
     * @param work       non-null part of the unit of work
     * @param savepoints non-null savepoint operations of the adapter
     * @param <T>        result type
     * @return the work's result (may be null)
     * @throws TransactionRolledBackException if the unit was already rollback-only (nothing runs): a savepoint cannot
     *                                        undo a failure that happened before it
     */
    public <T> T savepoint(Supplier<T> work, Savepoints savepoints) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(savepoints, "savepoints");
        if (firstFailure != null) {
            throw rolledBack();
        }
        Object handle;
        try {
            handle = savepoints.set();
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                savepoints.rollbackTo(handle);
                firstFailure = null; // the failures inside the savepoint are undone with it
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
                failed(rollbackFailure);
            }
            throw e;
        }
        if (firstFailure == null) {
            // a swallowed failure inside keeps the unit rollback-only; releasing would fail on an aborted transaction
            savepoints.release(handle);
        }
        return result;
    }

    /**
     * @param transaction non-null handle of the adapter
     * @return a handle with the same behaviour whose repositories report their exceptions to {@link #failed(Throwable)}
     */
    public TvmTransaction guard(TvmTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        return (TvmTransaction) Proxy.newProxyInstance(TvmTransaction.class.getClassLoader(),
                new Class<?>[] {TvmTransaction.class}, new HandleGuard(transaction));
    }

    /**
     * @param handle non-null handle, possibly returned by {@link #guard(TvmTransaction)}
     * @return the adapter's own handle behind a guarded one, else {@code handle} itself (adapter tests use it)
     */
    public static TvmTransaction unguarded(TvmTransaction handle) {
        Objects.requireNonNull(handle, "handle");
        if (Proxy.isProxyClass(handle.getClass()) && Proxy.getInvocationHandler(handle) instanceof UnitOfWork.HandleGuard g) {
            return g.target;
        }
        return handle;
    }

    /** Wraps every repository returned by the handle; the handle's own methods pass through. */
    private final class HandleGuard implements InvocationHandler {
        private final TvmTransaction target;
        private final Map<Method, Object> repositories = new HashMap<>();

        HandleGuard(TvmTransaction target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, target);
            }
            Object result = call(target, method, args);
            Class<?> type = method.getReturnType();
            if (result == null || !type.isInterface() || !type.getPackageName().equals("org.tvm.ports")) {
                return result;
            }
            // the adapter checked thread and lifetime in the call above; the wrapper is cached per accessor
            Object cached = repositories.get(method);
            if (cached == null || ((RepositoryGuard) Proxy.getInvocationHandler(cached)).target != result) {
                cached = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new RepositoryGuard(result));
                repositories.put(method, cached);
            }
            return cached;
        }
    }

    /** Reports every exception of a repository method, then rethrows it unchanged. */
    private final class RepositoryGuard implements InvocationHandler {
        private final Object target;

        RepositoryGuard(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, target);
            }
            try {
                return call(target, method, args);
            } catch (RuntimeException | Error e) {
                failed(e);
                throw e;
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Object target) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> target.toString();
        };
    }
}
