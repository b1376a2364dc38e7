package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of the heartbeats of {@link org.tvm.ports.VehicleRepository}: {@code recordHeartbeat} updates battery,
 * location and last heartbeat without bumping the version, keeps the stored battery/location for nulls, ignores a
 * heartbeat not newer than the stored one, validates the battery and needs an existing vehicle; a fleet's heartbeats
 * ({@code recordHeartbeats}) behave exactly as one {@code recordHeartbeat} per vehicle (out-of-order heartbeats
 * ignored and not counted), a vehicle twice is refused before any SQL, an unknown vehicle is {@link NotFoundException}
 * and the unit of work leaves nothing behind, and read-only transactions refuse it.
 *
 * <p>Capabilities: none.
 */
public abstract class FleetHeartbeatContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void heartbeatUpdatesConnectivityFieldsWithoutBumpingTheVersion() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        VehicleLocation location = VehicleLocation.of(52.5, 13.4, "lobby");

        Vehicle returned = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(10), 55, location));
        Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());

        assertThat(reread).isEqualTo(returned);
        assertThat(reread.lastHeartbeat()).isEqualTo(now.plusSeconds(10));
        assertThat(reread.batteryLevel()).isEqualTo(55);
        assertThat(reread.currentLocation()).isEqualTo(location);
        assertThat(reread.version()).isEqualTo(vehicle.version());
        assertThat(reread.name()).isEqualTo(vehicle.name());
    }

    @Test
    void heartbeatWithNullBatteryOrLocationKeepsTheStoredValues() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        VehicleLocation location = VehicleLocation.of(48.1371079, 11.5753822, "garden");
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(vehicle);
            tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(1), 80, location);
        });

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(2), null, null));

        Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        assertThat(reread.lastHeartbeat()).isEqualTo(now.plusSeconds(2));
        assertThat(reread.batteryLevel()).isEqualTo(80);
        assertThat(reread.currentLocation()).isEqualTo(location);
    }

    @Test
    void heartbeatNotNewerThanTheStoredOneIsIgnored() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(vehicle);
            tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(60), 70, VehicleLocation.of(1, 1, "a"));
        });

        Vehicle older = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(30), 10,
                VehicleLocation.of(2, 2, "b")));
        Vehicle same = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(60), 20, null));

        Vehicle reread = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()).orElseThrow());
        assertThat(reread.lastHeartbeat()).isEqualTo(now.plusSeconds(60));
        assertThat(reread.batteryLevel()).isEqualTo(70);
        assertThat(reread.currentLocation()).isEqualTo(VehicleLocation.of(1, 1, "a"));
        assertThat(older).isEqualTo(reread);
        assertThat(same).isEqualTo(reread);
    }

    @Test
    void heartbeatValidatesBatteryAndNeedsAnExistingVehicle() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(vehicle.id(), now.plusSeconds(1), 101, null)))
                .isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(VehicleId.newId(), now, 50, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()))).contains(vehicle);
    }

    @Test
    void everyHeartbeatOfTheFleetIsAppliedLikeASingleOne() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        List<Vehicle> fleet = fleet(f, now, 5);
        VehicleLocation kept = VehicleLocation.of(48.1371079, 11.5753822, "garden");
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(fleet.get(1).id(), now.plusSeconds(1), 77, kept));
        List<VehicleHeartbeat> beats = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            boolean sparse = i == 1;
            beats.add(new VehicleHeartbeat(fleet.get(i).id(), now.plusSeconds(10 + i), sparse ? null : 50 + i,
                    sparse ? null : VehicleLocation.of(52.5 + i * 0.001, 13.4, "zone " + i)));
        }

        int applied = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(beats));

        assertThat(applied).isEqualTo(fleet.size());
        for (int i = 0; i < fleet.size(); i++) {
            VehicleId id = fleet.get(i).id();
            Vehicle read = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(id).orElseThrow());
            assertThat(read.lastHeartbeat()).isEqualTo(now.plusSeconds(10 + i));
            assertThat(read.version()).isEqualTo(fleet.get(i).version());
            if (i == 1) {
                assertThat(read.batteryLevel()).isEqualTo(77);
                assertThat(read.currentLocation()).isEqualTo(kept);
            } else {
                assertThat(read.batteryLevel()).isEqualTo(50 + i);
                assertThat(read.currentLocation()).isEqualTo(VehicleLocation.of(52.5 + i * 0.001, 13.4, "zone " + i));
            }
        }
    }

    @Test
    void outOfOrderHeartbeatsAreIgnoredAndNotCounted() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        List<Vehicle> fleet = fleet(f, now, 3);
        VehicleLocation newest = VehicleLocation.of(1, 1, "newest");
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(fleet.get(0).id(), now.plusSeconds(60), 70, newest));

        int applied = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(List.of(
                new VehicleHeartbeat(fleet.get(0).id(), now.plusSeconds(30), 10, VehicleLocation.of(2, 2, "older")),
                new VehicleHeartbeat(fleet.get(1).id(), now.plusSeconds(30), 20, null),
                new VehicleHeartbeat(fleet.get(2).id(), now.plusSeconds(30), null, null))));

        assertThat(applied).isEqualTo(2);
        Vehicle first = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(fleet.get(0).id()).orElseThrow());
        assertThat(first.lastHeartbeat()).isEqualTo(now.plusSeconds(60));
        assertThat(first.batteryLevel()).isEqualTo(70);
        assertThat(first.currentLocation()).isEqualTo(newest);
    }

    @Test
    void anUnknownVehicleFailsTheWholeUnitOfWork() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        List<Vehicle> fleet = fleet(f, now, 2);
        FacilityId other = newFacility(subject(), now);
        Vehicle foreign = fleet(other, now, 1).get(0);

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(List.of(
                new VehicleHeartbeat(fleet.get(0).id(), now.plusSeconds(5), 12, null),
                new VehicleHeartbeat(foreign.id(), now.plusSeconds(5), 12, null)))))
                .isInstanceOf(NotFoundException.class);

        Vehicle untouched = tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(fleet.get(0).id()).orElseThrow());
        assertThat(untouched.lastHeartbeat()).isEqualTo(fleet.get(0).lastHeartbeat());
        Vehicle foreignUntouched = tx(subject(), other, (TvmTransaction tx) -> tx.vehicles().findById(foreign.id()).orElseThrow());
        assertThat(foreignUntouched.batteryLevel()).isEqualTo(foreign.batteryLevel());
    }

    @Test
    void aVehicleTwiceOrAnInvalidBatteryIsRefusedBeforeAnySql() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = fleet(f, now, 1).get(0);

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(List.of(
                new VehicleHeartbeat(v.id(), now.plusSeconds(1), 1, null),
                new VehicleHeartbeat(v.id(), now.plusSeconds(2), 2, null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> new VehicleHeartbeat(v.id(), now, 101, null))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("batteryLevel");
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(List.of()))).isZero();
    }

    @Test
    void readOnlyTransactionsRefuseHeartbeats() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = fleet(f, now, 1).get(0);

        assertThatThrownBy(() -> ContractSupport.readOnly(subject(), f,
                (TvmTransaction tx) -> tx.vehicles().recordHeartbeats(List.of(new VehicleHeartbeat(v.id(), now, 5, null)))))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<Vehicle> fleet(FacilityId f, Instant now, int size) {
        List<Vehicle> fleet = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            fleet.add(TvmTestData.vehicle(f).at(now).build());
        }
        run(subject(), f, (TvmTransaction tx) -> fleet.forEach(tx.vehicles()::insert));
        return fleet;
    }
}
