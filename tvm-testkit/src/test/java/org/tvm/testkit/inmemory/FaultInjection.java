package org.tvm.testkit.inmemory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.Capability;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * A decorator that makes a healthy in-memory adapter break exactly one port rule ({@link Fault}), from outside: it
 * wraps the ports (dynamic proxies over {@link TvmPersistence}, {@link TvmTransaction}, the repositories and
 * {@link TvmAdministration}) and hands every call to the fault's {@link Bends}. The adapter itself has no fault
 * switches, and this class knows no fault: each one is declared, with its bend, in {@link Fault}.
 */
final class FaultInjection {

    /**
     * Where a fault can bend the adapter. Every hook defaults to the healthy call; a {@link Fault} overrides the ones its
     * rule is about. Each subject gets its own instance, so a bend may remember what it saw.
     */
    interface Bends {
        /** {@code inTransaction} or {@code inReadOnlyTransaction}; the work (argument 1) sees the decorated transaction. */
        default Object transactionRun(Call call) throws Throwable {
            return call.proceed();
        }

        /** A method of {@link TvmTransaction} itself (its repositories are decorated after it returns them). */
        default Object transaction(Call call) throws Throwable {
            return call.proceed();
        }

        /** A repository method, named after the accessor that returned the repository: "maps.latest". */
        default Object repository(TvmTransaction tx, Call call) throws Throwable {
            return call.proceed();
        }

        /** A method of {@link TvmAdministration}. */
        default Object administration(Call call) throws Throwable {
            return call.proceed();
        }

        /** The maintenance job the subject hands out. */
        default TvmMaintenance maintenance(TvmMaintenance healthy) {
            return healthy;
        }

        /** The raw value the subject reports for a sealed column, given the one the store holds. */
        default Optional<String> rawStoredValue(String table, String column, UUID id, Optional<String> stored) {
            return stored;
        }
    }

    /** A decorated call: {@link #proceed()} runs the healthy one. */
    record Call(String name, Object target, Method method, Object[] args, Healthy healthy) {
        Object proceed() throws Throwable {
            return healthy.invoke(args);
        }

        /** The healthy call with other arguments. */
        Object proceedWith(Object... replaced) throws Throwable {
            return healthy.invoke(replaced);
        }
    }

    @FunctionalInterface
    interface Healthy {
        Object invoke(Object[] args) throws Throwable;
    }

    /** What a decorated port does with each call. */
    @FunctionalInterface
    interface Handler {
        Object handle(Call call) throws Throwable;
    }

    private final InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
    private final InMemoryPersistenceUnderTest healthy = new InMemoryPersistenceUnderTest(store);
    /** Facilities created through the decorated administration. */
    private final Set<FacilityId> facilities = ConcurrentHashMap.newKeySet();
    private final Bends bends;

    private FaultInjection(Fault fault) {
        this.bends = fault == null ? new Bends() { } : fault.bendsFor(this);
    }

    /**
     * @param fault the rule to break, or null for the decorator that passes every call through unchanged (it must pass
     *              every contract, so a faulty run fails because of its fault, not because of the decoration)
     * @return a contract subject over a new in-memory store that breaks the rule of {@code fault}
     */
    static PersistenceUnderTest subject(Fault fault) {
        FaultInjection f = new FaultInjection(fault);
        TvmPersistence persistence = decorate(TvmPersistence.class, f.store, "", f::persistence);
        TvmAdministration administration = decorate(TvmAdministration.class, f.store.administration(), "",
                f::administration);
        return new PersistenceUnderTest() {
            @Override
            public TvmPersistence persistence() {
                return persistence;
            }

            @Override
            public TvmAdministration administration() {
                return administration;
            }

            @Override
            public Set<Capability> capabilities() {
                return f.store.capabilities();
            }

            @Override
            public Optional<String> rawStoredValue(String table, String column, UUID id) {
                return f.bends.rawStoredValue(table, column, id, f.healthy.rawStoredValue(table, column, id));
            }

            @Override
            public long countRowsVisibleToApplication(String table, UUID contextFacilityId) {
                return f.healthy.countRowsVisibleToApplication(table, contextFacilityId);
            }

            @Override
            public boolean observesLockWaits() {
                return f.healthy.observesLockWaits();
            }

            @Override
            public boolean awaitLockWaiters(int count, Duration timeout) {
                return f.healthy.awaitLockWaiters(count, timeout);
            }

            @Override
            public Optional<TvmMaintenance> maintenance(java.time.Clock clock) {
                return f.healthy.maintenance(clock).map(f.bends::maintenance);
            }

            @Override
            public String name() {
                return "in-memory[" + (fault == null ? "decorated, no fault" : fault) + "]";
            }
        };
    }

    /** The healthy store under the decoration (for bends that look around it). */
    InMemoryTvmPersistence store() {
        return store;
    }

    /** Facilities created through the decorated administration so far. */
    Set<FacilityId> facilities() {
        return facilities;
    }

    /**
     * @param prefix put before each method's name in {@link Call#name()} ("maps." for the map repository)
     * @return {@code delegate} as {@code type}, every call going through {@code handler}
     */
    static <T> T decorate(Class<T> type, Object delegate, String prefix, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            Object[] actual = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? p == actual[0] : invoke(method, delegate, actual);
            }
            return handler.handle(new Call(prefix + method.getName(), delegate, method, actual,
                    a -> invoke(method, delegate, a)));
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    /** Calls {@code method} on {@code target}, throwing what it throws (not a reflection wrapper). */
    static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------------------------------------- entry points

    @SuppressWarnings("unchecked")
    private Object persistence(Call call) throws Throwable {
        switch (call.name()) {
            case "inTransaction", "inReadOnlyTransaction" -> {
                TransactionWork<Object> work = (TransactionWork<Object>) call.args()[1];
                TransactionWork<Object> decorated = tx -> work.execute(transaction(tx));
                return bends.transactionRun(new Call(call.name(), call.target(), call.method(),
                        new Object[] {call.args()[0], decorated}, call.healthy()));
            }
            case "run" -> {
                // the default method would reach the store's inTransaction past this decorator
                Consumer<TvmTransaction> work = (Consumer<TvmTransaction>) call.args()[1];
                Method inTransaction = TvmPersistence.class.getMethod("inTransaction", TvmContext.class,
                        TransactionWork.class);
                return persistence(new Call("inTransaction", store, inTransaction,
                        new Object[] {call.args()[0], (TransactionWork<Object>) tx -> {
                            work.accept(tx);
                            return null;
                        }}, a -> invoke(inTransaction, store, a)));
            }
            default -> {
                return call.proceed();
            }
        }
    }

    private Object administration(Call call) throws Throwable {
        if (call.name().equals("createFacility")) {
            facilities.add(((Facility) call.args()[0]).id());
        }
        return bends.administration(call);
    }

    private TvmTransaction transaction(TvmTransaction tx) {
        return decorate(TvmTransaction.class, tx, "", call -> {
            Object result = bends.transaction(call);
            Class<?> type = call.method().getReturnType();
            if (call.args().length == 0 && type.isInterface() && type.getPackageName().startsWith("org.tvm.ports")) {
                return decorate(type, result, call.name() + ".", c -> bends.repository(tx, c));
            }
            return result;
        });
    }
}
