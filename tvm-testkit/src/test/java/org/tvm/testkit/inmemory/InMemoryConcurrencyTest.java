package org.tvm.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.User;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.testkit.data.TvmTestData;

/** Transactions, conflicts and SKIP LOCKED of the in-memory adapter, with real threads. */
class InMemoryConcurrencyTest {

    private final InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Instant now = TvmTestData.now();
    private FacilityId facility;
    private TvmContext ctx;
    private User user;
    private Resident resident;

    @BeforeEach
    void setUp() {
        Facility f = TvmTestData.facility().at(now).build();
        store.administration().createFacility(f);
        facility = f.id();
        ctx = TvmContext.system(facility);
        user = TvmTestData.user(facility).at(now).build();
        resident = TvmTestData.resident(facility).medicalNotes("allergic to penicillin").at(now).build();
        store.run(ctx, tx -> {
            tx.users().insert(user);
            tx.residents().insert(resident);
        });
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private MissionId newMission(int minutesAgo) {
        MissionTransition t = TvmTestData.mission(facility, resident.id(), user.id()).at(now.minusSeconds(60L * minutesAgo)).build();
        store.run(ctx, tx -> tx.missions().insert(t));
        return t.mission().id();
    }

    private Vehicle newVehicle() {
        Vehicle v = TvmTestData.vehicle(facility).onlineAt(now, 90, TvmTestData.BASE_POINT).at(now).build();
        store.run(ctx, tx -> tx.vehicles().insert(v));
        return v;
    }

    @Test
    void concurrentDispatchersSkipMissionsClaimedByALiveTransaction() throws Exception {
        MissionId first = newMission(3);
        MissionId second = newMission(2);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<List<MissionId>> a = pool.submit(() -> store.inTransaction(ctx, tx -> {
            List<MissionId> ids = ids(tx.dispatch().claimNextPending(1, now));
            claimed.countDown();
            await(release);
            return ids;
        }));
        assertThat(claimed.await(5, TimeUnit.SECONDS)).isTrue();
        List<MissionId> b = store.inTransaction(ctx, tx -> ids(tx.dispatch().claimNextPending(10, now)));
        release.countDown();
        assertThat(a.get(5, TimeUnit.SECONDS)).containsExactly(first);
        assertThat(b).containsExactly(second);
        // after the claimer ended, its mission is claimable again
        List<MissionId> again = store.inTransaction(ctx, tx -> ids(tx.dispatch().claimNextPending(10, now)));
        assertThat(again).containsExactly(first, second);
    }

    @Test
    void overlappingTransactionsOnOtherRowsBothCommit() throws Exception {
        Resident other = TvmTestData.resident(facility).at(now).build();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> a = pool.submit(() -> store.run(ctx, tx -> {
            tx.residents().update(resident.toBuilder().firstName("Changed").build());
            written.countDown();
            await(release);
        }));
        assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
        store.run(ctx, tx -> tx.residents().insert(other)); // commits while the other transaction is open
        release.countDown();
        a.get(5, TimeUnit.SECONDS);
        store.run(ctx, tx -> {
            assertThat(tx.residents().findById(resident.id())).get().extracting(Resident::firstName).isEqualTo("Changed");
            assertThat(tx.residents().findById(other.id())).isPresent();
        });
    }

    @Test
    void staleVehicleUpdateIsRejected() {
        Vehicle v = newVehicle();
        Vehicle updated = store.inTransaction(ctx, tx -> tx.vehicles().update(v.toBuilder().model("X1").build()));
        assertThat(updated.version()).isEqualTo(v.version() + 1);
        assertThatThrownBy(() -> store.run(ctx, tx -> tx.vehicles().update(v.toBuilder().model("X2").build())))
                .isInstanceOf(StaleVersionException.class);
        String model = store.inTransaction(ctx, tx -> tx.vehicles().findById(v.id()).orElseThrow().model());
        assertThat(model).isEqualTo("X1");
    }

    @Test
    void twoConcurrentAssignmentsOfOneVehicleLetExactlyOneWin() throws Exception {
        Vehicle v = newVehicle();
        MissionId m1 = newMission(2);
        MissionId m2 = newMission(1);
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Mission> a = pool.submit(() -> store.inTransaction(ctx, tx -> {
            Mission m = tx.dispatch().assign(m1, v.id(), now);
            assigned.countDown();
            await(release);
            return m;
        }));
        assertThat(assigned.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Mission> b = pool.submit(() -> store.inTransaction(ctx, tx -> tx.dispatch().assign(m2, v.id(), now)));
        Thread.sleep(100); // b waits for the vehicle row lock held by a
        release.countDown();
        assertThat(a.get(5, TimeUnit.SECONDS).vehicleId()).isEqualTo(v.id());
        assertThatThrownBy(() -> b.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfAny(VehicleBusyException.class, StaleVersionException.class);
        store.run(ctx, tx -> {
            Vehicle stored = tx.vehicles().findById(v.id()).orElseThrow();
            assertThat(stored.currentMissionId()).isEqualTo(m1);
            assertThat(stored.version()).isEqualTo(v.version() + 1);
        });
    }

    @Test
    void rollbackDiscardsAndNestingIsRejected() {
        Resident r = TvmTestData.resident(facility).at(now).build();
        assertThatThrownBy(() -> store.run(ctx, tx -> {
            tx.residents().insert(r);
            store.run(ctx, inner -> { });
        })).isInstanceOf(NestedTransactionException.class);
        Optional<Resident> found = store.inTransaction(ctx, tx -> tx.residents().findById(r.id()));
        assertThat(found).isEmpty();
    }

    @Test
    void repositoriesAreUnusableAfterTheWorkAndReadOnlyRulesHold() {
        ResidentRepository escaped = store.inTransaction(ctx, tx -> tx.residents());
        assertThatThrownBy(() -> escaped.findById(resident.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.inReadOnlyTransaction(ctx, tx -> tx.residents().findById(resident.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.inReadOnlyTransaction(ctx, tx -> tx.dispatch().claimNextPending(1, now)))
                .isInstanceOf(IllegalStateException.class);
        Optional<User> u = store.inReadOnlyTransaction(ctx, tx -> tx.users().findById(user.id()));
        assertThat(u).isPresent();
    }

    @Test
    void sensitiveFieldsAreStoredSealed() {
        String raw = new InMemoryPersistenceUnderTest(store)
                .rawStoredValue("residents", "medical_notes", resident.id().value()).orElseThrow();
        assertThat(raw).startsWith("v1.").doesNotContain("penicillin");
        Resident read = store.inTransaction(ctx, tx -> tx.residents().findById(resident.id()).orElseThrow());
        assertThat(read.medicalNotes().reveal()).isEqualTo("allergic to penicillin");
        assertThat(raw).isNotEqualTo(read.medicalNotes().reveal());
    }

    @Test
    void errorsAreTranslatedPortExceptions() {
        assertThatThrownBy(() -> store.run(ctx, tx -> tx.residents().insert(resident)))
                .isInstanceOf(TvmPersistenceException.class)
                .hasMessageContaining("Duplicate key for Resident");
    }

    private static List<MissionId> ids(List<Mission> missions) {
        List<MissionId> ids = new ArrayList<>();
        missions.forEach(m -> ids.add(m.id()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
