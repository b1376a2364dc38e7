package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.DispatchSupport.claim;
import static org.tvm.testkit.contract.DispatchSupport.pending;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.IllegalMissionTransitionException;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.Capability;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmContext;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.VehicleCandidate;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.DispatchOperations}: {@code claimNextPending} returns due pending missions by
 * priority (urgent, high, normal, low), then oldest first, then id, never a scheduled mission before its time, and
 * modifies nothing; {@code assign} binds mission and vehicle atomically (ASSIGNED event with the context actor,
 * vehicle NAVIGATING with its version incremented) and refuses a busy vehicle with {@link VehicleBusyException};
 * {@code nearestAvailable} offers only idle, online (heartbeat strictly younger than 5 minutes), sufficiently charged,
 * located, free vehicles of the facility. Concurrent dispatchers are {@link DispatchConcurrencyContract}'s.
 *
 * <p>Capabilities: none. The ordering by distance, then name, then id holds with and without
 * {@link Capability#SPATIAL_DISTANCE} (the test distances differ by kilometres, ties are identical points), so it always
 * runs.
 */
public abstract class DispatchContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void claimOrdersByPriorityThenOldestFirst() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission low = pending(w, MissionPriority.LOW, now.minusSeconds(60));
        Mission normal = pending(w, MissionPriority.NORMAL, now.minusSeconds(50));
        Mission urgentLater = pending(w, MissionPriority.URGENT, now.minusSeconds(20));
        Mission high = pending(w, MissionPriority.HIGH, now.minusSeconds(30));
        Mission urgentEarlier = pending(w, MissionPriority.URGENT, now.minusSeconds(40));
        Mission normalLatest = pending(w, MissionPriority.NORMAL, now.minusSeconds(10));

        assertThat(claim(w, 10, now)).containsExactly(urgentEarlier.id(), urgentLater.id(), high.id(), normal.id(),
                normalLatest.id(), low.id());
        assertThat(claim(w, 2, now)).containsExactly(urgentEarlier.id(), urgentLater.id());
    }

    @Test
    void claimBreaksTiesOnPriorityAndCreatedAtById() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Instant same = now.minusSeconds(5);
        List<UUID> ids = TvmTestData.ascendingUuids(2);
        Mission bigId = pending(w, MissionId.of(ids.get(1)), MissionPriority.HIGH, same);
        Mission smallId = pending(w, MissionId.of(ids.get(0)), MissionPriority.HIGH, same);

        assertThat(claim(w, 10, now)).containsExactly(smallId.id(), bigId.id());
    }

    @Test
    void scheduledMissionIsNotClaimedBeforeItsTime() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        MissionTransition later = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .priority(MissionPriority.URGENT).scheduledAt(now.plusSeconds(600)).at(now.minusSeconds(100)).build();
        MissionTransition exactlyDue = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .priority(MissionPriority.HIGH).scheduledAt(now).at(now.minusSeconds(90)).build();
        Mission normal = pending(w, MissionPriority.LOW, now.minusSeconds(80));
        w.run((TvmTransaction tx) -> {
            tx.missions().insert(later);
            tx.missions().insert(exactlyDue);
        });

        assertThat(claim(w, 10, now)).containsExactly(exactlyDue.mission().id(), normal.id());
        assertThat(claim(w, 10, now.plusSeconds(600).minus(1, ChronoUnit.MICROS)))
                .containsExactly(exactlyDue.mission().id(), normal.id());
        assertThat(claim(w, 10, now.plusSeconds(600)))
                .containsExactly(later.mission().id(), exactlyDue.mission().id(), normal.id());
    }

    @Test
    void claimIgnoresMissionsThatAreNotPendingOrAreDeleted() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission assigned = pending(w, MissionPriority.URGENT, now.minusSeconds(50));
        Mission cancelled = pending(w, MissionPriority.URGENT, now.minusSeconds(40));
        Mission deleted = pending(w, MissionPriority.URGENT, now.minusSeconds(30));
        Mission open = pending(w, MissionPriority.LOW, now.minusSeconds(20));
        w.run((TvmTransaction tx) -> {
            tx.dispatch().assign(assigned.id(), w.vehicleId(0), now.minusSeconds(10));
            tx.missions().apply(cancelled.cancel(null, now.minusSeconds(10), null));
            tx.missions().softDelete(deleted.id(), now.minusSeconds(10));
        });

        assertThat(claim(w, 10, now)).containsExactly(open.id());
    }

    @Test
    void claimModifiesNothingAndValidatesItsLimit() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));

        assertThat(claim(w, 1, now)).containsExactly(mission.id());
        assertThat(claim(w, 1, now)).containsExactly(mission.id());
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()))).contains(mission);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).hasSize(1);
        assertThatThrownBy(() -> claim(w, 0, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claim(w, 1001, now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimOfAFacilityWithoutDueMissionsIsEmpty() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);

        assertThat(claim(w, 1000, now)).isEmpty();
    }

    @Test
    void assignBindsMissionAndVehicleAtomically() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));
        Vehicle before = w.vehicle(1);
        Instant at = now.plusSeconds(1);

        Mission returned = w.inTransactionAs(RoleName.OPERATOR, (TvmTransaction tx) -> tx.dispatch().assign(mission.id(), before.id(), at));

        MissionTransition expected = mission.assign(before.id(), at, w.userId(RoleName.OPERATOR));
        Mission stored = w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()).orElseThrow());
        assertThat(stored).isEqualTo(returned);
        assertThat(stored.toBuilder().updatedAt(expected.mission().updatedAt()).build()).isEqualTo(expected.mission());
        assertThat(stored.status()).isEqualTo(MissionStatus.ASSIGNED);
        assertThat(stored.assignedAt()).isEqualTo(at);
        List<MissionEvent> events = w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()));
        assertThat(events).last().isEqualTo(expected.event());
        Vehicle vehicle = w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(before.id()).orElseThrow());
        assertThat(vehicle.currentMissionId()).isEqualTo(mission.id());
        assertThat(vehicle.status()).isEqualTo(VehicleStatus.NAVIGATING);
        assertThat(vehicle.version()).isEqualTo(before.version() + 1);
    }

    @Test
    void assigningAVehicleThatAlreadyHasAnActiveMissionIsVehicleBusy() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission first = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));
        Mission second = pending(w, MissionPriority.URGENT, now.minusSeconds(4));
        w.run((TvmTransaction tx) -> tx.dispatch().assign(first.id(), w.vehicleId(0), now));

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.dispatch().assign(second.id(), w.vehicleId(0), now.plusSeconds(1))))
                .isInstanceOfSatisfying(VehicleBusyException.class, e -> assertThat(e.vehicleId()).isEqualTo(w.vehicleId(0)));

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(second.id()))).contains(second);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(second.id()))).hasSize(1);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)).orElseThrow().currentMissionId()))
                .isEqualTo(first.id());
    }

    @Test
    void vehicleIsFreeAgainOnceItsMissionEnded() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission first = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));
        Mission second = pending(w, MissionPriority.NORMAL, now.minusSeconds(4));
        Mission assigned = w.inTransaction((TvmTransaction tx) -> tx.dispatch().assign(first.id(), w.vehicleId(0), now));
        w.run((TvmTransaction tx) -> tx.missions().apply(assigned.fail("blocked corridor", now.plusSeconds(1), null)));

        Mission next = w.inTransaction((TvmTransaction tx) -> tx.dispatch().assign(second.id(), w.vehicleId(0), now.plusSeconds(2)));

        assertThat(next.status()).isEqualTo(MissionStatus.ASSIGNED);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)).orElseThrow().currentMissionId()))
                .isEqualTo(second.id());
    }

    @Test
    void assigningAMissionThatIsNotPendingIsAnIllegalTransition() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));
        w.run((TvmTransaction tx) -> tx.missions().apply(mission.cancel(null, now, null)));

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.dispatch().assign(mission.id(), w.vehicleId(0), now.plusSeconds(1))))
                .isInstanceOf(IllegalMissionTransitionException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)))).contains(w.vehicle(0));
    }

    @Test
    void assigningUnknownOrDeletedMissionsOrVehiclesIsNotFound() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(5));
        w.run((TvmTransaction tx) -> tx.vehicles().softDelete(w.vehicleId(1), now));

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.dispatch().assign(MissionId.newId(), w.vehicleId(0), now)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.dispatch().assign(mission.id(), VehicleId.newId(), now)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.dispatch().assign(mission.id(), w.vehicleId(1), now)))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()))).contains(mission);
    }

    @Test
    void nearestAvailableOffersOnlyIdleOnlineChargedFreeLocatedVehicles() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        GeoPoint near = TvmTestData.pointNearBase(10, 0);
        Vehicle justOnline = TvmTestData.vehicle(w.facilityId()).at(now)
                .onlineAt(now.minus(Vehicle.ONLINE_WINDOW).plus(1, ChronoUnit.MICROS), 50, near).build();
        Vehicle exactlyFiveMinutes = TvmTestData.vehicle(w.facilityId()).at(now)
                .onlineAt(now.minus(Duration.ofMinutes(5)), 95, near).build();
        Vehicle lowBattery = TvmTestData.vehicle(w.facilityId()).at(now).onlineAt(now, 49, near).build();
        Vehicle charging = TvmTestData.vehicle(w.facilityId()).at(now).onlineAt(now, 99, near).status(VehicleStatus.CHARGING).build();
        Vehicle noBattery = TvmTestData.vehicle(w.facilityId()).at(now).heartbeat(now).location(near, null).build();
        Vehicle noLocation = TvmTestData.vehicle(w.facilityId()).at(now).heartbeat(now).battery(99).build();
        Vehicle neverSeen = TvmTestData.vehicle(w.facilityId()).at(now).battery(99).location(near, null).build();
        Vehicle deleted = TvmTestData.vehicle(w.facilityId()).at(now).onlineAt(now, 99, near).deletedAt(now).build();
        Mission mission = pending(w, MissionPriority.NORMAL, now.minusSeconds(1));
        w.run((TvmTransaction tx) -> {
            List.of(justOnline, exactlyFiveMinutes, lowBattery, charging, noBattery, noLocation, neverSeen, deleted)
                    .forEach(tx.vehicles()::insert);
            tx.missions().apply(mission.assign(w.vehicleId(1), now, null));
        });

        List<VehicleCandidate> candidates = w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 50, now, 100));

        assertThat(candidates).extracting(c -> c.vehicle().id())
                .containsExactlyInAnyOrder(justOnline.id(), w.vehicleId(0));
        assertThat(candidates).filteredOn(c -> c.vehicle().id().equals(justOnline.id()))
                .singleElement().satisfies(c -> assertThat(c.vehicle()).isEqualTo(justOnline));
    }

    @Test
    void nearestAvailableRespectsTheBatteryThresholdInclusively() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 60, now, 10)))
                .extracting(c -> c.vehicle().id()).containsExactlyInAnyOrder(w.vehicleId(0), w.vehicleId(1));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 61, now, 10)))
                .extracting(c -> c.vehicle().id()).containsExactly(w.vehicleId(0));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 91, now, 10))).isEmpty();
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0,
                now.plus(Vehicle.ONLINE_WINDOW), 10))).isEmpty();
    }

    @Test
    void nearestAvailableReportsGreatCircleDistances() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);

        List<VehicleCandidate> candidates = w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, now, 10));

        assertThat(candidates).hasSize(2);
        for (VehicleCandidate c : candidates) {
            double expected = TvmTestData.haversineMeters(TvmTestData.BASE_POINT, c.vehicle().currentLocation().point());
            assertThat(c.distanceMeters()).isCloseTo(expected, within(expected * 0.01));
        }
    }

    @Test
    void nearestAvailableIsOrderedByDistanceThenName() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Vehicle far = TvmTestData.vehicle(w.facilityId()).name("Aaa far").at(now).onlineAt(now, 80, TvmTestData.pointNearBase(0, 3000)).build();
        Vehicle nearZ = TvmTestData.vehicle(w.facilityId()).name("Zz near").at(now).onlineAt(now, 80, TvmTestData.pointNearBase(0, 30)).build();
        Vehicle nearA = TvmTestData.vehicle(w.facilityId()).name("Aa near").at(now).onlineAt(now, 80, TvmTestData.pointNearBase(0, 30)).build();
        w.run((TvmTransaction tx) -> List.of(far, nearZ, nearA).forEach(tx.vehicles()::insert));

        List<VehicleCandidate> candidates = w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, now, 10));

        assertThat(candidates).extracting(c -> c.vehicle().id())
                .containsExactly(nearA.id(), nearZ.id(), w.vehicleId(0), w.vehicleId(1), far.id());
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, now, 2)))
                .extracting(c -> c.vehicle().id()).containsExactly(nearA.id(), nearZ.id());
    }

    @Test
    void nearestAvailableValidatesItsArguments() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);

        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 101, now, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, -1, now, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, now, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(subject().persistence().inReadOnlyTransaction(TvmContext.system(w.facilityId()),
                (TvmTransaction tx) -> tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, now, 1))).hasSize(1);
    }
}
