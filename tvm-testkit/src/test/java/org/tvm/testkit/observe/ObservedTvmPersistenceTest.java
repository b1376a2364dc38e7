package org.tvm.testkit.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.ports.observe.UnitOfWork;
import org.tvm.ports.observe.UnitOfWorkListener;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The decorator reports every unit of work and changes nothing else. */
class ObservedTvmPersistenceTest {

    private final List<UnitOfWork> seen = new CopyOnWriteArrayList<>();
    private final InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
    private final ObservedTvmPersistence observed = ObservedTvmPersistence.wrap("in-memory", store, seen::add,
            u -> {
                throw new IllegalStateException("a broken listener");
            });
    private final FacilityWorld world = FacilityWorld.create(store.administration(), observed, TvmTestData.now());

    @Test
    void reportsResultsAndFailuresUnchangedDespiteABrokenListener() {
        seen.clear();
        String result = observed.inTransaction(world.systemContext(), tx -> "result");
        assertThat(result).isEqualTo("result");
        RuntimeException thrown = new IllegalArgumentException("from the work");
        assertThatThrownBy(() -> observed.run(world.systemContext(), tx -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(seen).extracting(UnitOfWork::outcome)
                .containsExactly(UnitOfWork.Outcome.SUCCEEDED, UnitOfWork.Outcome.FAILED);
        assertThat(seen.get(1).failureType()).isEqualTo("IllegalArgumentException");
        assertThat(seen).allSatisfy(u -> {
            assertThat(u.adapter()).isEqualTo("in-memory");
            assertThat(u.context()).isEqualTo(world.systemContext());
            assertThat(u.duration()).isPositive();
        });
    }

    @Test
    void nestingIsStillRejectedAndCapabilitiesAreTheDelegates() {
        assertThatThrownBy(() -> observed.inTransaction(world.systemContext(),
                tx -> observed.inReadOnlyTransaction(world.systemContext(), inner -> 1)))
                .isInstanceOf(NestedTransactionException.class);
        assertThat(observed.capabilities()).isEqualTo(store.capabilities());
    }

    @Test
    void theWorkGetsTheAdaptersOwnTransactionUnlessAListenerCountsRows() {
        seen.clear();
        // the adapter's own handle (itself a guard of the unit of work), not a counting layer on top of it
        Class<?> own = store.inTransaction(world.systemContext(), tx -> tx.getClass());
        Class<?> handed = observed.inTransaction(world.systemContext(), tx -> tx.getClass());
        assertThat(handed).isEqualTo(own);
        seen.clear();
        observed.inTransaction(world.systemContext(), tx -> null);
        assertThat(seen.get(0).telemetryAppended()).isEqualTo(-1);

        List<UnitOfWork> counted = new ArrayList<>();
        ObservedTvmPersistence counting = ObservedTvmPersistence.observe(observed, new UnitOfWorkListener() {
            @Override
            public void ended(UnitOfWork unitOfWork) {
                counted.add(unitOfWork);
            }

            @Override
            public boolean countsAppendedRows() {
                return true;
            }
        });
        counting.run(world.systemContext(), tx -> tx.telemetry().append(List.of(
                TvmTestData.telemetry(world.facilityId(), world.vehicleId(0)).build())));
        assertThat(counted).singleElement().satisfies(u -> {
            assertThat(u.telemetryAppended()).isEqualTo(1);
            assertThat(u.auditAppended()).isZero();
        });
    }

    @Test
    void observeAddsListenersWithoutASecondLayer() {
        List<UnitOfWork> more = new ArrayList<>();
        ObservedTvmPersistence twice = ObservedTvmPersistence.observe(observed, more::add);
        seen.clear();
        twice.inReadOnlyTransaction(world.systemContext(), tx -> tx.vehicles().findById(world.vehicleId(0)).orElseThrow());
        assertThat(twice.adapter()).isEqualTo("in-memory");
        assertThat(seen).singleElement().extracting(UnitOfWork::kind).isEqualTo(UnitOfWork.Kind.READ_ONLY);
        assertThat(more).singleElement().isEqualTo(seen.get(0));
    }
}
