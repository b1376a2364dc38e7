package org.tvm.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.TestDatabases;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** Runs the README snippets that live in this package. */
class ReadmeSnippetSourcesTest {

    @Test
    void insertOrSkipKeepsTheRestOfTheUnitOfWork() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        Instant now = TvmTestData.now();
        FacilityWorld world = FacilityWorld.create(store.administration(), store, now);
        Vehicle existing = TvmTestData.vehicle(world.facilityId()).at(now).build();
        Vehicle other = TvmTestData.vehicle(world.facilityId()).at(now).build();
        store.run(world.systemContext(), tx -> tx.vehicles().insert(existing));

        store.run(world.systemContext(), tx -> {
            InsertOrSkip.registerVehicle(tx, existing);   // a duplicate: skipped
            InsertOrSkip.registerVehicle(tx, other);      // new: inserted, and committed with the unit
        });

        store.inReadOnlyTransaction(world.systemContext(), tx -> {
            assertThat(tx.vehicles().findById(existing.id())).contains(existing);
            assertThat(tx.vehicles().findById(other.id())).isPresent();
            return null;
        });
    }

    @Test
    void theMaintenanceIsScheduledDailyAfterFiveMinutes() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (H2TestDatabase db = TestDatabases.h2()) {
            ScheduledFuture<?> daily = ScheduledMaintenance.daily(db.adminDataSource(), executor);
            assertThat(daily.getDelay(TimeUnit.SECONDS)).isBetween(4 * 60L, 5 * 60L);
            assertThat(daily.isDone()).isFalse();
            daily.cancel(false);
        } finally {
            executor.shutdownNow();
        }
    }
}
