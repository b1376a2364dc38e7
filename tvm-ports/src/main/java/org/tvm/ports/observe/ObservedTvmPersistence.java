package org.tvm.ports.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.tvm.ports.Capability;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;

/**
 * A {@link TvmPersistence} that runs every unit of work on a delegate and then tells its listeners how it went. It
 * changes nothing else: same results, same exceptions (the same instances), same transaction rules, same
 * capabilities, and the work gets the adapter's own transaction unless a listener
 * {@link UnitOfWorkListener#countsAppendedRows() counts appended rows}. One decorator serves every adapter, so
 * logging and metrics are defined once.
 *
 * <pre>{@code
 * TvmPersistence observed = ObservedTvmPersistence.observe(JpaTvmPersistence.create(appDataSource, options),
 *         new MicrometerTvmMetrics(meterRegistry));
 * }</pre>
 *
 * Thread-safe when the delegate and the listeners are.
 */
public final class ObservedTvmPersistence implements TvmPersistence {

    private final String adapter;
    private final TvmPersistence delegate;
    private final List<UnitOfWorkListener> listeners;
    private final boolean countRows;

    private ObservedTvmPersistence(String adapter, TvmPersistence delegate, List<UnitOfWorkListener> listeners) {
        this.adapter = adapter;
        this.delegate = delegate;
        this.listeners = List.copyOf(listeners);
        this.countRows = this.listeners.stream().anyMatch(UnitOfWorkListener::countsAppendedRows);
    }

    /**
     * Wraps {@code delegate} so that {@code listeners} hear about each of its units of work.
     *
     * @param adapter   non-null short adapter name reported in every {@link UnitOfWork}
     * @param delegate  non-null persistence that does the work
     * @param listeners non-null listeners (none null), told in this order
     * @return the observed persistence
     * @throws NullPointerException if an argument or a listener is null
     */
    public static ObservedTvmPersistence wrap(String adapter, TvmPersistence delegate, UnitOfWorkListener... listeners) {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(delegate, "delegate");
        return new ObservedTvmPersistence(adapter, delegate, List.of(listeners));
    }

    /**
     * Adds listeners to a persistence: to an already observed one (as the adapters' factories return) without a second
     * layer, else by wrapping it under the adapter name {@code "custom"}.
     *
     * @param persistence non-null persistence, observed or not
     * @param listeners   non-null listeners (none null) to add after the existing ones
     * @return an observed persistence over the same delegate
     * @throws NullPointerException if an argument or a listener is null
     */
    public static ObservedTvmPersistence observe(TvmPersistence persistence, UnitOfWorkListener... listeners) {
        Objects.requireNonNull(persistence, "persistence");
        List<UnitOfWorkListener> added = List.of(listeners);
        if (persistence instanceof ObservedTvmPersistence observed) {
            List<UnitOfWorkListener> all = new ArrayList<>(observed.listeners);
            all.addAll(added);
            return new ObservedTvmPersistence(observed.adapter, observed.delegate, all);
        }
        return new ObservedTvmPersistence("custom", persistence, added);
    }

    /** @return the short adapter name this decorator reports */
    public String adapter() {
        return adapter;
    }

    @Override
    public <T> T inTransaction(TvmContext ctx, TransactionWork<T> work) {
        return observedWork(ctx, work, UnitOfWork.Kind.READ_WRITE, delegate::inTransaction);
    }

    @Override
    public void run(TvmContext ctx, Consumer<TvmTransaction> work) {
        Objects.requireNonNull(work, "work");
        observedWork(ctx, tx -> {
            work.accept(tx);
            return null;
        }, UnitOfWork.Kind.READ_WRITE, (c, w) -> {
            delegate.run(c, tx -> w.execute(tx));
            return null;
        });
    }

    @Override
    public <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work) {
        return observedWork(ctx, work, UnitOfWork.Kind.READ_ONLY, delegate::inReadOnlyTransaction);
    }

    @Override
    public <T> T inHostTransaction(org.tvm.ports.HostTransaction host, TvmContext ctx, TransactionWork<T> work) {
        Objects.requireNonNull(host, "host");
        return observedWork(ctx, work, UnitOfWork.Kind.READ_WRITE, (c, w) -> delegate.inHostTransaction(host, c, w));
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Observed[" + adapter + ", " + delegate + "]";
    }

    /** One of the delegate's run methods. */
    private interface RunMethod<T> {
        T run(TvmContext ctx, TransactionWork<T> work);
    }

    private <T> T observedWork(TvmContext ctx, TransactionWork<T> work, UnitOfWork.Kind kind, RunMethod<T> runMethod) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        Counting counting = new Counting();
        long start = System.nanoTime();
        T result;
        try {
            result = countRows ? runMethod.run(ctx, tx -> work.execute(counting.wrap(tx))) : runMethod.run(ctx, work);
        } catch (RuntimeException | Error e) {
            tell(ctx, kind, start, isConflict(e) ? UnitOfWork.Outcome.CONFLICT : UnitOfWork.Outcome.FAILED,
                    e.getClass().getSimpleName(), counting);
            throw e;
        }
        tell(ctx, kind, start, UnitOfWork.Outcome.SUCCEEDED, null, counting);
        return result;
    }

    private void tell(TvmContext ctx, UnitOfWork.Kind kind, long start, UnitOfWork.Outcome outcome, String failureType,
                      Counting counting) {
        if (listeners.isEmpty()) {
            return;
        }
        UnitOfWork unitOfWork = new UnitOfWork(adapter, kind, ctx, Duration.ofNanos(System.nanoTime() - start), outcome,
                failureType, countRows ? counting.telemetry.get() : -1, countRows ? counting.audit.get() : -1);
        for (UnitOfWorkListener listener : listeners) {
            try {
                listener.ended(unitOfWork);
            } catch (RuntimeException ignored) {
                // observing must never change the outcome of the unit of work (see UnitOfWorkListener)
            }
        }
    }

    static boolean isConflict(Throwable e) {
        return e instanceof ConcurrencyConflictException || e instanceof StaleVersionException
                || (e instanceof TvmPersistenceException p && p.retryable());
    }
}
