package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of the vehicle logs of {@link org.tvm.ports.VehicleRepository}: {@code appendLogs} is all-or-nothing (an
 * entry of an unknown vehicle is {@link UnknownReferenceException} and nothing is written; an empty batch is a no-op);
 * {@code logs} returns every field as appended, newest first (same timestamp: last appended first), within a
 * half-open window {@code [from, to)} and up to its limit, and validates window and limit.
 *
 * <p>Capabilities: none.
 */
public abstract class VehicleLogContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void logsRoundTripNewestFirstWithinAHalfOpenWindow() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        List<VehicleLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(TvmTestData.vehicleLog(f, vehicle.id()).at(now.plusSeconds(i)).level(LogLevel.values()[i % 4])
                    .with(b -> b.details(Map.of("step", "s", "zone", "north"))).build());
        }
        VehicleLogEntry minimal = TvmTestData.vehicleLog(f, vehicle.id()).at(now.plusSeconds(6))
                .with(b -> b.code(null).details(Map.of())).build();
        entries.add(minimal);

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().appendLogs(entries));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().logs(vehicle.id(), WINDOW_START, WINDOW_END, 100))
                    .containsExactly(minimal, entries.get(5), entries.get(4), entries.get(3), entries.get(2), entries.get(1), entries.get(0));
            assertThat(tx.vehicles().logs(vehicle.id(), now.plusSeconds(1), now.plusSeconds(4), 100))
                    .containsExactly(entries.get(3), entries.get(2), entries.get(1));
            assertThat(tx.vehicles().logs(vehicle.id(), WINDOW_START, WINDOW_END, 2)).containsExactly(minimal, entries.get(5));
            assertThat(tx.vehicles().logs(vehicle.id(), now, now, 10)).isEmpty();
            assertThat(tx.vehicles().logs(VehicleId.newId(), WINDOW_START, WINDOW_END, 10)).isEmpty();
        });
    }

    @Test
    void logsWithTheSameTimestampAreReturnedInReverseInsertionOrder() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        VehicleLogEntry first = TvmTestData.vehicleLog(f, vehicle.id()).message("first").at(now).build();
        VehicleLogEntry second = TvmTestData.vehicleLog(f, vehicle.id()).message("second").at(now).build();
        VehicleLogEntry third = TvmTestData.vehicleLog(f, vehicle.id()).message("third").at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(first, second)));
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(third)));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), WINDOW_START, WINDOW_END, 10)))
                .containsExactly(third, second, first);
    }

    @Test
    void logsForAnUnknownVehicleAreRejectedAllOrNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        VehicleLogEntry good = TvmTestData.vehicleLog(f, vehicle.id()).at(now).build();
        VehicleLogEntry bad = TvmTestData.vehicleLog(f, VehicleId.of(UUID.randomUUID())).at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(good, bad))))
                .isInstanceOf(UnknownReferenceException.class);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), WINDOW_START, WINDOW_END, 10))).isEmpty();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of()));
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), WINDOW_START, WINDOW_END, 10))).isEmpty();
    }

    @Test
    void logWindowAndLimitAreValidated() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), now.plusSeconds(1), now, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), now, now.plusSeconds(1), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().logs(vehicle.id(), now, now.plusSeconds(1), 1001)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
