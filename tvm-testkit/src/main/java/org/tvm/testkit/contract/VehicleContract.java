package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.VehicleRepository}: every field round-trips; optimistic locking (each update
 * increments the version, a stale version throws {@link StaleVersionException} and overwrites nothing); names are unique
 * among non-deleted vehicles of a facility ({@link DuplicateKeyException}) and freed by soft delete; soft delete hides
 * vehicles and is refused for busy vehicles ({@link VehicleBusyException}). Heartbeats are
 * {@link FleetHeartbeatContract}'s, vehicle logs {@link VehicleLogContract}'s.
 *
 * <p>Capabilities: none.
 */
public abstract class VehicleContract {

    private static final long WAIT_SECONDS = 20;

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void vehicleWithEveryFieldRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Instant updatedAt = now.plusSeconds(11).plusNanos(5_000);
        Vehicle vehicle = TvmTestData.vehicle(f).allFields().at(now).with(b -> b.updatedAt(updatedAt)).build();

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        Vehicle read = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        assertThat(read).isEqualTo(vehicle);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.updatedAt()).isEqualTo(updatedAt);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.currentLocation()).isEqualTo(vehicle.currentLocation());
        assertThat(read.maxSpeedMps()).isEqualByComparingTo("1.7");
        assertThat(read.totalDistanceKm()).isEqualByComparingTo("1234.56");
    }

    @Test
    void currentMissionAndDeletionTimeRoundTripAsInserted() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        FacilityId f = w.facilityId();
        MissionTransition created = TvmTestData.mission(f, w.residentId(0), w.userId(RoleName.NURSE)).at(now).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        Vehicle withMission = TvmTestData.vehicle(f).allFields().status(VehicleStatus.NAVIGATING)
                .currentMission(created.mission().id()).at(now).build();
        Instant deletedAt = now.plusSeconds(42).plusNanos(1_000);
        Vehicle deleted = TvmTestData.vehicle(f).allFields().at(now).deletedAt(deletedAt).build();

        w.run((TvmTransaction tx) -> {
            tx.vehicles().insert(withMission);
            tx.vehicles().insert(deleted);
        });

        w.run((TvmTransaction tx) -> {
            Vehicle readWithMission = tx.vehicles().findById(withMission.id()).orElseThrow();
            assertThat(readWithMission).isEqualTo(withMission);
            assertThat(readWithMission.currentMissionId()).isEqualTo(created.mission().id());
            Vehicle readDeleted = tx.vehicles().findByIdIncludingDeleted(deleted.id()).orElseThrow();
            assertThat(readDeleted).isEqualTo(deleted);
            assertThat(readDeleted.deletedAt()).isEqualTo(deletedAt);
            assertThat(tx.vehicles().findById(deleted.id())).isEmpty();
        });
    }

    @Test
    void vehicleWithOnlyRequiredFieldsRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        Vehicle read = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        assertThat(read).isEqualTo(vehicle);
        assertThat(read.batteryLevel()).isNull();
        assertThat(read.lastHeartbeat()).isNull();
        assertThat(read.currentLocation()).isNull();
    }

    @ParameterizedTest
    @EnumSource(VehicleStatus.class)
    void everyStatusRoundTrips(VehicleStatus status) {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).status(status).location(TvmTestData.BASE_POINT, null).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()))).contains(vehicle);
    }

    @Test
    void updateIncrementsTheVersionAndReturnsTheStoredState() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        Vehicle changed = vehicle.toBuilder().name("Renamed " + TvmTestData.unique()).serialNumber("SN-" + TvmTestData.unique())
                .model("M2").firmwareVersion("9.9").maxPayloadKg(120).maxSpeedMps(new BigDecimal("3.5"))
                .nextMaintenanceDue(LocalDate.of(2031, 1, 31)).build().enterMaintenance(LocalDate.of(2030, 6, 1))
                .addDistance(new BigDecimal("12.345")).toBuilder().updatedAt(now.plusSeconds(5)).build();

        Vehicle first = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(changed));
        Vehicle second = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(first.withStatus(VehicleStatus.IDLE)));
        Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());

        assertThat(first.version()).isEqualTo(vehicle.version() + 1);
        assertThat(first.toBuilder().updatedAt(changed.updatedAt()).version(changed.version()).build()).isEqualTo(changed);
        assertThat(second.version()).isEqualTo(vehicle.version() + 2);
        assertThat(reread).isEqualTo(second);
        assertThat(reread.status()).isEqualTo(VehicleStatus.IDLE);
        assertThat(reread.createdAt()).isEqualTo(vehicle.createdAt());
    }

    @Test
    void staleUpdateIsRejectedAndOverwritesNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        Vehicle readByFirst = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        Vehicle readBySecond = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());

        Vehicle winner = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(readByFirst.withStatus(VehicleStatus.CHARGING)));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(readBySecond.withStatus(VehicleStatus.ERROR))))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entity()).isEqualTo("Vehicle");
                    assertThat(e.id()).isEqualTo(vehicle.id().value().toString());
                    assertThat(e.expectedVersion()).isEqualTo(readBySecond.version());
                    assertThat(e.retryable()).isTrue();
                });
        Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        assertThat(reread).isEqualTo(winner);
        assertThat(reread.status()).isEqualTo(VehicleStatus.CHARGING);
    }

    /**
     * Two overlapping transactions read the same version; the first commits its update while the second is still open,
     * then the second updates with the version it read. The second must fail with a retryable port exception
     * ({@link StaleVersionException} or, under snapshot isolation, {@link ConcurrencyConflictException}) and must not
     * overwrite the winner. Coordinated with latches, no sleeps.
     */
    @Test
    void overlappingUpdatesOfTheSameVersionLetOnlyTheFirstWin() throws Exception {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        CountDownLatch secondHasRead = new CountDownLatch(1);
        CountDownLatch firstCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Vehicle> second = pool.submit(() -> tx(subject(), f, (TvmTransaction tx) -> {
                Vehicle read = tx.vehicles().findById(vehicle.id()).orElseThrow();
                secondHasRead.countDown();
                try {
                    if (!firstCommitted.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("first transaction did not commit in time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return tx.vehicles().update(read.withStatus(VehicleStatus.ERROR));
            }));
            assertThat(secondHasRead.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("second transaction has read").isTrue();
            Vehicle winner = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(vehicle.withStatus(VehicleStatus.CHARGING)));
            firstCommitted.countDown();

            assertThatThrownBy(() -> second.get(3 * WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfAny(StaleVersionException.class, ConcurrencyConflictException.class)
                    .satisfies(e -> assertThat(((TvmPersistenceException) e).retryable()).isTrue());
            Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
            assertThat(reread).isEqualTo(winner);
            assertThat(reread.status()).isEqualTo(VehicleStatus.CHARGING);
            assertThat(reread.version()).isEqualTo(vehicle.version() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsStale() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(vehicle.toBuilder().version(7).build())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()))).contains(vehicle);
    }

    @Test
    void updateOfAnUnknownOrDeletedVehicleIsNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle deleted = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(deleted);
            tx.vehicles().softDelete(deleted.id(), now.plusSeconds(1));
        });

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(TvmTestData.vehicle(f).at(now).build())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("Vehicle"));
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(deleted.withStatus(VehicleStatus.ERROR))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void duplicateNameInTheSameFacilityIsADuplicateKeyButAllowedElsewhere() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).name("Rosie").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        Vehicle sameNameOtherFacility = TvmTestData.vehicle(other).name("Rosie").at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(TvmTestData.vehicle(f).name("Rosie").at(now).build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Vehicle"));
        run(subject(), other, (TvmTransaction tx) -> tx.vehicles().insert(sameNameOtherFacility));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().list())).containsExactly(vehicle);
        assertThat(tx(subject(), other, (TvmTransaction tx) -> tx.vehicles().findByName("Rosie"))).contains(sameNameOtherFacility);
    }

    @Test
    void renamingOntoAnotherVehiclesNameIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle a = TvmTestData.vehicle(f).name("Anna").at(now).build();
        Vehicle b = TvmTestData.vehicle(f).name("Bert").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(a);
            tx.vehicles().insert(b);
        });

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().update(b.toBuilder().name("Anna").build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Vehicle"));
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(b.id()))).contains(b);
    }

    @Test
    void softDeleteFreesTheNameAndHidesTheVehicle() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle old = TvmTestData.vehicle(f).name("Phoenix").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(old));

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().softDelete(old.id(), now.plusSeconds(3)));
        Vehicle successor = TvmTestData.vehicle(f).name("Phoenix").at(now.plusSeconds(4)).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(successor));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(old.id())).isEmpty();
            assertThat(tx.vehicles().findByName("Phoenix")).contains(successor);
            assertThat(tx.vehicles().list()).containsExactly(successor);
            Vehicle deleted = tx.vehicles().findByIdIncludingDeleted(old.id()).orElseThrow();
            assertThat(deleted.deletedAt()).isEqualTo(now.plusSeconds(3));
            assertThat(deleted.version()).isEqualTo(old.version());
        });
    }

    @Test
    void softDeleteIsIdempotentAndUnknownVehiclesAreNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().softDelete(vehicle.id(), now.plusSeconds(1)));
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().softDelete(vehicle.id(), now.plusSeconds(2)));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findByIdIncludingDeleted(vehicle.id()).orElseThrow().deletedAt()))
                .isEqualTo(now.plusSeconds(1));
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().softDelete(VehicleId.newId(), now)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void softDeleteOfABusyVehicleIsRefused() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(now).build();
        w.run((TvmTransaction tx) -> {
            tx.missions().insert(created);
            tx.dispatch().assign(created.mission().id(), w.vehicleId(0), now.plusSeconds(1));
        });

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.vehicles().softDelete(w.vehicleId(0), now.plusSeconds(2))))
                .isInstanceOfSatisfying(VehicleBusyException.class, e -> assertThat(e.vehicleId()).isEqualTo(w.vehicleId(0)));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)))).isPresent();
    }

    @Test
    void findByNameIsExactAndCaseSensitive() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).name("Optimus").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().findByName("Optimus")).contains(vehicle);
            assertThat(tx.vehicles().findByName("optimus")).isEmpty();
            assertThat(tx.vehicles().findByName("Optimus ")).isEmpty();
        });
    }

    @Test
    void listIsOrderedByNameInCodePointOrderAndExcludesDeleted() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle lower = TvmTestData.vehicle(f).name("alpha").at(now).build();
        Vehicle upper = TvmTestData.vehicle(f).name("Zulu").at(now).build();
        Vehicle digit = TvmTestData.vehicle(f).name("7 Seven").at(now).build();
        Vehicle middle = TvmTestData.vehicle(f).name("Mike").at(now).build();
        Vehicle deleted = TvmTestData.vehicle(f).name("Bravo").at(now).deletedAt(now.plusSeconds(1)).build();
        run(subject(), f, (TvmTransaction tx) -> List.of(lower, upper, deleted, digit, middle).forEach(tx.vehicles()::insert));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().list())).containsExactly(digit, middle, upper, lower);
    }

    @Test
    void insertReferencingAnUnknownMissionIsAnUnknownReference() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).currentMission(MissionId.newId()).status(VehicleStatus.NAVIGATING).at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle)))
                .isInstanceOf(UnknownReferenceException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findByIdIncludingDeleted(vehicle.id()))).isEmpty();
    }

    @Test
    void duplicateIdIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(TvmTestData.vehicle(f).id(vehicle.id()).at(now).build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Vehicle"));
    }

}
