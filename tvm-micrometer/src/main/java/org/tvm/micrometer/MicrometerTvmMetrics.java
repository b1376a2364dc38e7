package org.tvm.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.ports.observe.UnitOfWork;
import org.tvm.ports.observe.UnitOfWorkListener;

/**
 * Records every unit of work of a {@link TvmPersistence} in a Micrometer {@link MeterRegistry}. The meter names and
 * tags are part of the public API:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #UNIT_OF_WORK}</td><td>timer</td><td>{@code adapter}, {@code kind} ({@code read_write},
 *       {@code read_only}), {@code outcome} ({@code succeeded}, {@code conflict}, {@code failed})</td>
 *       <td>duration of each unit of work, from the call until it returned or threw</td></tr>
 *   <tr><td>{@value #CONFLICTS}</td><td>counter</td><td>{@code adapter}, {@code kind}</td>
 *       <td>units of work that ended in a concurrency conflict (a retry may succeed; nothing retries
 *       automatically)</td></tr>
 *   <tr><td>{@value #ROWS_APPENDED}</td><td>counter</td><td>{@code adapter}, {@code table} ({@code telemetry},
 *       {@code audit})</td><td>rows appended by units of work that committed</td></tr>
 * </table>
 *
 * Connection-pool waits are the pool's own meters: with HikariCP, {@code dataSource.setMetricRegistry(registry)}
 * publishes {@code hikaricp.connections.acquire} and friends.
 *
 * <pre>{@code
 * TvmPersistence persistence = MicrometerTvmMetrics.observe(
 *         JpaTvmPersistence.create(appDataSource, options), meterRegistry);
 * }</pre>
 */
public final class MicrometerTvmMetrics implements UnitOfWorkListener {

    /** Timer of units of work. */
    public static final String UNIT_OF_WORK = "tvm.unit.of.work";
    /** Counter of units of work that ended in a concurrency conflict. */
    public static final String CONFLICTS = "tvm.unit.of.work.conflicts";
    /** Counter of rows appended (telemetry samples, audit and data-access entries) by committed units of work. */
    public static final String ROWS_APPENDED = "tvm.rows.appended";

    private final MeterRegistry registry;

    /**
     * @param registry non-null registry the meters are registered in (lazily, on first use)
     */
    public MicrometerTvmMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * {@code persistence} with its units of work recorded in {@code registry} (in addition to any listener it already
     * has, such as the adapters' debug log).
     *
     * @param persistence non-null persistence, e.g. from an adapter's {@code create} factory
     * @param registry    non-null meter registry
     * @return the observed persistence; closing it closes {@code persistence}
     */
    public static TvmPersistence observe(TvmPersistence persistence, MeterRegistry registry) {
        return ObservedTvmPersistence.observe(persistence, new MicrometerTvmMetrics(registry));
    }

    /** @return true: {@value #ROWS_APPENDED} needs the counts */
    @Override
    public boolean countsAppendedRows() {
        return true;
    }

    @Override
    public void ended(UnitOfWork u) {
        String kind = u.kind().name().toLowerCase(Locale.ROOT);
        Timer.builder(UNIT_OF_WORK)
                .description("TVM units of work (transactions), by kind and outcome")
                .tag("adapter", u.adapter()).tag("kind", kind).tag("outcome", u.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(u.duration());
        if (u.outcome() == UnitOfWork.Outcome.CONFLICT) {
            Counter.builder(CONFLICTS).description("TVM units of work that ended in a concurrency conflict")
                    .tag("adapter", u.adapter()).tag("kind", kind)
                    .register(registry).increment();
        }
        if (u.outcome() == UnitOfWork.Outcome.SUCCEEDED && u.kind() == UnitOfWork.Kind.READ_WRITE) {
            appended(u.adapter(), "telemetry", u.telemetryAppended());
            appended(u.adapter(), "audit", u.auditAppended());
        }
    }

    private void appended(String adapter, String table, long rows) {
        if (rows > 0) {
            Counter.builder(ROWS_APPENDED).description("rows appended by committed TVM units of work")
                    .tag("adapter", adapter).tag("table", table)
                    .register(registry).increment(rows);
        }
    }
}
