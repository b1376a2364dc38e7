package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.testkit.contract.ContractSupport.assumeCapability;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.DispatchSupport.claim;
import static org.tvm.testkit.contract.DispatchSupport.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.Capability;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.VehicleBusyException;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;

/**
 * Contract of {@link org.tvm.ports.DispatchOperations} under concurrency: two dispatchers never receive or assign the
 * same mission (whether they hold their claims at the same time or one starts after the other assigned), and a soft
 * delete racing an assignment never deletes the vehicle or the mission the assignment made busy (it waits for the
 * assignment's row lock, then fails: {@link VehicleBusyException}, or the {@code active_mission_not_deletable}
 * constraint).
 *
 * <p>Capabilities: {@link Capability#SKIP_LOCKED} for the truly concurrent claim (both dispatchers hold their claims at
 * the same time); the soft-delete races need a subject that {@link PersistenceUnderTest#observesLockWaits() observes
 * lock waits}. Concurrency tests use bounded waits, never sleeps.
 */
public abstract class DispatchConcurrencyContract {

    private static final long WAIT_SECONDS = 20;

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void concurrentDispatchersHoldingTheirClaimsNeverReceiveTheSameMission() throws Exception {
        assumeCapability(subject(), Capability.SKIP_LOCKED, "both dispatchers must claim while the other holds its rows");
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission urgent = pending(w, MissionPriority.URGENT, now.minusSeconds(30));
        Mission high = pending(w, MissionPriority.HIGH, now.minusSeconds(20));
        Mission low = pending(w, MissionPriority.LOW, now.minusSeconds(10));
        CyclicBarrier bothClaimed = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MissionId> first = pool.submit(() -> dispatchHoldingClaim(w, w.vehicleId(0), now, bothClaimed));
            Future<MissionId> second = pool.submit(() -> dispatchHoldingClaim(w, w.vehicleId(1), now, bothClaimed));
            MissionId a = first.get(3 * WAIT_SECONDS, TimeUnit.SECONDS);
            MissionId b = second.get(3 * WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(List.of(a, b)).containsExactlyInAnyOrder(urgent.id(), high.id());
            assertThat(claim(w, 10, now)).containsExactly(low.id());
        } finally {
            pool.shutdownNow();
        }
    }

    private MissionId dispatchHoldingClaim(FacilityWorld w, VehicleId vehicle, Instant now, CyclicBarrier bothClaimed) {
        return w.inTransaction((TvmTransaction tx) -> {
            List<Mission> claimed = tx.dispatch().claimNextPending(1, now);
            try {
                bothClaimed.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other dispatcher did not finish claiming while this one held its "
                        + "claim (SKIP_LOCKED declared, yet claiming blocked)", e);
            }
            assertThat(claimed).hasSize(1);
            return tx.dispatch().assign(claimed.get(0).id(), vehicle, now.plusSeconds(1)).id();
        });
    }

    @Test
    void overlappingDispatchersNeverAssignTheSameMission() throws Exception {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission urgent = pending(w, MissionPriority.URGENT, now.minusSeconds(30));
        Mission high = pending(w, MissionPriority.HIGH, now.minusSeconds(20));
        CountDownLatch firstAssigned = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MissionId> first = pool.submit(() -> w.inTransaction((TvmTransaction tx) -> {
                List<Mission> claimed = tx.dispatch().claimNextPending(1, now);
                MissionId id = tx.dispatch().assign(claimed.get(0).id(), w.vehicleId(0), now.plusSeconds(1)).id();
                firstAssigned.countDown();
                return id;
            }));
            Future<List<MissionId>> second = pool.submit(() -> {
                assertThat(firstAssigned.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("first dispatcher assigned").isTrue();
                return dispatchWithRetry(w, w.vehicleId(1), now);
            });
            MissionId a = first.get(3 * WAIT_SECONDS, TimeUnit.SECONDS);
            List<MissionId> b = second.get(3 * WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(a).isEqualTo(urgent.id());
            assertThat(b).as("the second dispatcher gets the remaining due mission, never the first one's")
                    .containsExactly(high.id());
            Vehicle v0 = w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)).orElseThrow());
            assertThat(v0.currentMissionId()).isEqualTo(urgent.id());
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(urgent.id()))).extracting(MissionEvent::type)
                    .containsExactly(MissionEventType.CREATED, MissionEventType.ASSIGNED);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A soft delete racing an assignment of the same vehicle: the delete checked "no active mission" before
     * the assignment committed, then waits for the vehicle row the assignment holds. Once the assignment
     * commits the delete must fail as busy — never leave a deleted vehicle with an active mission.
     */
    @Test
    void softDeleteRacingAnAssignmentNeverDeletesTheBusyVehicle() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(subject().observesLockWaits(),
                "needs a subject that sees a transaction waiting for a row lock, to order the race without sleeping");
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(30));
        VehicleId vehicle = w.vehicleId(0);
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Mission> assigner = pool.submit(() -> w.inTransaction((TvmTransaction tx) -> {
                Mission m = tx.dispatch().assign(mission.id(), vehicle, now);
                assigned.countDown();
                awaitRelease(release);
                return m;
            }));
            assertThat(assigned.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("assigned, not yet committed").isTrue();
            Future<Throwable> deleter = pool.submit(() -> org.assertj.core.api.Assertions.catchThrowable(() ->
                    w.inTransaction((TvmTransaction tx) -> {
                        tx.vehicles().softDelete(vehicle, now.plusSeconds(1));
                        return null;
                    })));
            boolean deleteWaits = subject().awaitLockWaiters(1, Duration.ofSeconds(WAIT_SECONDS));
            release.countDown();

            assertThat(assigner.get(WAIT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(MissionStatus.ASSIGNED);
            assertThat(deleter.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(VehicleBusyException.class);
            assertThat(deleteWaits).as("the soft delete waited for the assignment's lock on the vehicle").isTrue();
            Vehicle stored = w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(vehicle)).orElseThrow();
            assertThat(stored.currentMissionId()).isEqualTo(mission.id());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A soft delete racing an assignment of the same mission: the delete saw a pending mission, then waits for
     * the mission row the assignment holds. Once the assignment commits the delete must be refused — an active
     * mission is never deleted (it would also escape the one-active-mission-per-vehicle rule).
     */
    @Test
    void softDeleteRacingAnAssignmentNeverDeletesTheActiveMission() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(subject().observesLockWaits(),
                "needs a subject that sees a transaction waiting for a row lock, to order the race without sleeping");
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.HIGH, now.minusSeconds(30));
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Mission> assigner = pool.submit(() -> w.inTransaction((TvmTransaction tx) -> {
                Mission m = tx.dispatch().assign(mission.id(), w.vehicleId(0), now);
                assigned.countDown();
                awaitRelease(release);
                return m;
            }));
            assertThat(assigned.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("assigned, not yet committed").isTrue();
            Future<Throwable> deleter = pool.submit(() -> org.assertj.core.api.Assertions.catchThrowable(() ->
                    w.inTransaction((TvmTransaction tx) -> {
                        tx.missions().softDelete(mission.id(), now.plusSeconds(1));
                        return null;
                    })));
            boolean deleteWaits = subject().awaitLockWaiters(1, Duration.ofSeconds(WAIT_SECONDS));
            release.countDown();

            assertThat(assigner.get(WAIT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(MissionStatus.ASSIGNED);
            assertThat(deleter.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(org.tvm.ports.ConstraintViolationException.class,
                            e -> assertThat(e.constraint()).isEqualTo("active_mission_not_deletable"));
            assertThat(deleteWaits).as("the soft delete waited for the assignment's lock on the mission").isTrue();
            assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id())))
                    .hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MissionStatus.ASSIGNED));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Holds a transaction open (inside its work) until the test releases it. */
    private static void awaitRelease(CountDownLatch release) {
        try {
            assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("released by the test").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the transaction open", e);
        }
    }

    private List<MissionId> dispatchWithRetry(FacilityWorld w, VehicleId vehicle, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return w.inTransaction((TvmTransaction tx) -> {
                    List<Mission> claimed = tx.dispatch().claimNextPending(1, now);
                    List<MissionId> assigned = new ArrayList<>();
                    for (Mission m : claimed) {
                        assigned.add(tx.dispatch().assign(m.id(), vehicle, now.plusSeconds(2)).id());
                    }
                    return assigned;
                });
            } catch (ConcurrencyConflictException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
