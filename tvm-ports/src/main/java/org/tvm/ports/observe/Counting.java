package org.tvm.ports.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.tvm.ports.AuditRepository;
import org.tvm.ports.TelemetryRepository;
import org.tvm.ports.TvmTransaction;

/**
 * Counts the rows one unit of work appends. The transaction and its append-only repositories are wrapped in dynamic
 * proxies that forward every call unchanged: written against the method names that append, so methods added to the
 * ports later are forwarded without touching this class.
 */
final class Counting {

    final AtomicLong telemetry = new AtomicLong();
    final AtomicLong audit = new AtomicLong();

    TvmTransaction wrap(TvmTransaction tx) {
        return proxy(TvmTransaction.class, tx, (method, args, result) -> {
            if (result instanceof TelemetryRepository repository && method.getName().equals("telemetry")) {
                return proxy(TelemetryRepository.class, repository, (m, a, r) -> {
                    count(telemetry, m, a, "append");
                    return r;
                });
            }
            if (result instanceof AuditRepository repository && method.getName().equals("audit")) {
                return proxy(AuditRepository.class, repository, (m, a, r) -> {
                    count(audit, m, a, "append");
                    count(audit, m, a, "recordDataAccess");
                    return r;
                });
            }
            return result;
        });
    }

    /** Called after a forwarded call returned normally; returns what the caller gets. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    /** One row per call, or the size of a collection argument (a batch). */
    private static void count(AtomicLong counter, Method method, Object[] args, String name) {
        if (!method.getName().equals(name)) {
            return;
        }
        Object first = args != null && args.length > 0 ? args[0] : null;
        counter.addAndGet(first instanceof Collection<?> rows ? rows.size() : 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Counting[" + target + "]";
                };
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the delegate's exception, unchanged
            }
            return after.apply(method, args, result);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
