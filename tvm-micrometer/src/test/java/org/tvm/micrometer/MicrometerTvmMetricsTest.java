package org.tvm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The documented meters, read back from a SimpleMeterRegistry after real units of work. */
class MicrometerTvmMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
    private final TvmPersistence persistence =
            MicrometerTvmMetrics.observe(ObservedTvmPersistence.wrap("in-memory", store), registry);
    private final FacilityWorld world = FacilityWorld.create(store.administration(), persistence, TvmTestData.now());

    @Test
    void timesUnitsOfWorkByKindAndOutcomeAndCountsAppendedRowsAndConflicts() {
        long setupUnits = count("read_write", "succeeded");
        assertThat(setupUnits).as("FacilityWorld's own units of work are recorded too").isPositive();

        world.run(tx -> tx.telemetry().append(List.of(
                TvmTestData.telemetry(world.facilityId(), world.vehicleId(0)).build(),
                TvmTestData.telemetry(world.facilityId(), world.vehicleId(0)).at(TvmTestData.now().minusSeconds(1)).build())));
        persistence.inReadOnlyTransaction(world.systemContext(), tx -> tx.vehicles().findById(world.vehicleId(0)));
        Vehicle stale = world.vehicle(0);
        world.run(tx -> tx.vehicles().update(stale.toBuilder().name("Renamed " + TvmTestData.unique()).build()));
        assertThatThrownBy(() -> world.run(tx -> tx.vehicles().update(stale.toBuilder().name("Again").build())))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.run(tx -> {
            tx.telemetry().append(List.of(TvmTestData.telemetry(world.facilityId(), world.vehicleId(1)).build()));
            throw new IllegalStateException("the work fails");
        })).hasMessage("the work fails");

        assertThat(count("read_write", "succeeded")).isEqualTo(setupUnits + 2);
        assertThat(count("read_only", "succeeded")).isEqualTo(1);
        assertThat(count("read_write", "conflict")).isEqualTo(1);
        assertThat(count("read_write", "failed")).isEqualTo(1);
        assertThat(registry.get(MicrometerTvmMetrics.CONFLICTS).tag("adapter", "in-memory").tag("kind", "read_write")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MicrometerTvmMetrics.ROWS_APPENDED).tag("table", "telemetry").counter().count())
                .as("two committed samples; the rolled-back one is not counted").isEqualTo(2.0);
        assertThat(registry.get(MicrometerTvmMetrics.UNIT_OF_WORK).tag("outcome", "succeeded").timers())
                .allSatisfy(timer -> assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive());
    }

    private long count(String kind, String outcome) {
        var timer = registry.find(MicrometerTvmMetrics.UNIT_OF_WORK).tag("adapter", "in-memory").tag("kind", kind)
                .tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
