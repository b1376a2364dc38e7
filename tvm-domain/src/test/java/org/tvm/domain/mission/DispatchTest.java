package org.tvm.domain.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.USER;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tvm.domain.TestData;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;

class DispatchTest {

    private static final Instant AT = NOW.plusSeconds(60);

    private static Vehicle idle() {
        return TestData.vehicle().version(4).build();
    }

    @Test
    void assignMovesTheMissionAndBindsTheVehicle() {
        Mission pending = TestData.pendingMission();
        Vehicle vehicle = idle();

        Dispatch.Assignment a = Dispatch.assign(pending, vehicle, AT, USER);

        assertThat(a.mission()).isEqualTo(pending.assign(vehicle.id(), AT, USER));
        assertThat(a.mission().event().type()).isEqualTo(MissionEventType.ASSIGNED);
        assertThat(a.vehicle().currentMissionId()).isEqualTo(pending.id());
        assertThat(a.vehicle().status()).isEqualTo(VehicleStatus.NAVIGATING);
        assertThat(a.vehicle().version()).isEqualTo(5);
        assertThat(a.vehicleExpectedVersion()).isEqualTo(4);
        assertThat(a.vehicle().toBuilder().currentMissionId(null).status(VehicleStatus.IDLE).version(4).build())
                .isEqualTo(vehicle);
    }

    @Test
    void aVehicleBoundToAnotherMissionIsBusy() {
        Mission pending = TestData.pendingMission();
        Vehicle bound = idle().toBuilder().currentMissionId(MissionId.newId()).status(VehicleStatus.NAVIGATING).build();

        assertThatThrownBy(() -> Dispatch.assign(pending, bound, AT, USER))
                .isInstanceOfSatisfying(VehicleAlreadyBoundException.class,
                        e -> assertThat(e.vehicleId()).isEqualTo(bound.id()));
        assertThat(Dispatch.isBusyFor(bound, pending.id())).isTrue();
        assertThat(Dispatch.isBusyFor(bound.toBuilder().currentMissionId(pending.id()).build(), pending.id())).isFalse();
        assertThat(Dispatch.isBusyFor(idle(), pending.id())).isFalse();
    }

    @Test
    void onlyAPendingMissionCanBeAssigned() {
        Mission assigned = Dispatch.assign(TestData.pendingMission(), idle(), AT, USER).mission().mission();

        assertThatThrownBy(() -> Dispatch.assign(assigned, idle(), AT.plusSeconds(1), USER))
                .isInstanceOf(IllegalMissionTransitionException.class);
    }

    @Test
    void deletedOrForeignVehiclesAreRefused() {
        Mission pending = TestData.pendingMission();
        assertInvalid(() -> Dispatch.assign(pending, idle().softDeleted(NOW), AT, USER), "Dispatch", "vehicle");
        assertInvalid(() -> Dispatch.assign(pending, idle().toBuilder().facilityId(TestData.OTHER_FACILITY).build(), AT, USER),
                "Dispatch", "vehicle");
        assertInvalid(() -> Dispatch.assign(pending, null, AT, USER), "Dispatch", "vehicle");
    }

    @Test
    void bindingAStoredAssignmentKeepsTheVehicleStatus() {
        Mission pending = TestData.pendingMission();
        MissionTransition t = pending.assign(TestData.VEHICLE, AT, null);
        Vehicle docking = idle().toBuilder().status(VehicleStatus.DOCKING).build();

        Vehicle bound = Dispatch.bind(t, docking);

        assertThat(bound.currentMissionId()).isEqualTo(pending.id());
        assertThat(bound.status()).isEqualTo(VehicleStatus.DOCKING);
        assertThat(bound.version()).isEqualTo(5);
        assertThat(Dispatch.binds(t)).isTrue();
        assertThat(Dispatch.binds(t.mission().start(AT, null))).isFalse();
    }

    @Test
    void bindRefusesBusyOutOfServiceAndMismatchedVehicles() {
        Mission pending = TestData.pendingMission();
        MissionTransition t = pending.assign(TestData.VEHICLE, AT, null);

        assertThatThrownBy(() -> Dispatch.bind(t, idle().toBuilder().currentMissionId(MissionId.newId()).build()))
                .isInstanceOf(VehicleAlreadyBoundException.class);
        assertInvalid(() -> Dispatch.bind(t, idle().toBuilder().status(VehicleStatus.CHARGING).build()), "Vehicle", "status");
        assertThatThrownBy(() -> Dispatch.bind(t, idle().toBuilder().id(VehicleId.newId()).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dispatch.bind(pending.cancel(null, AT, null), idle()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEndOfAMissionReleasesItsVehicleAndNothingElseDoes() {
        Dispatch.Assignment a = Dispatch.assign(TestData.pendingMission(), idle(), AT, USER);
        Mission assigned = a.mission().mission();
        Mission started = assigned.start(AT.plusSeconds(1), null).mission();

        assertThat(Dispatch.releasedBy(assigned.cancel("no longer needed", AT.plusSeconds(1), null))).contains(assigned.id());
        assertThat(Dispatch.releasedBy(assigned.fail("blocked", AT.plusSeconds(1), null))).contains(assigned.id());
        Mission atDropoff = started;
        for (ProgressStep step : ProgressStep.values()) {
            MissionTransition p = atDropoff.recordProgress(step, AT.plusSeconds(2), null);
            assertThat(Dispatch.releasedBy(p)).isEmpty();
            atDropoff = p.mission();
        }
        assertThat(Dispatch.releasedBy(atDropoff.complete(AT.plusSeconds(3), null))).contains(assigned.id());
        assertThat(Dispatch.releasedBy(assigned.start(AT.plusSeconds(1), null))).isEmpty();
        assertThat(Dispatch.releasedBy(a.mission())).isEmpty();
    }

    @Test
    void releaseFreesOnlyTheVehicleBoundToTheEndedMission() {
        Dispatch.Assignment a = Dispatch.assign(TestData.pendingMission(), idle(), AT, USER);
        Vehicle bound = a.vehicle();

        Vehicle freed = Dispatch.release(bound, a.mission().mission().id());
        assertThat(freed.currentMissionId()).isNull();
        assertThat(freed.status()).isEqualTo(VehicleStatus.NAVIGATING);
        assertThat(freed.version()).isEqualTo(bound.version() + 1);

        assertThat(Dispatch.release(bound, MissionId.newId())).isSameAs(bound);
        assertThat(Dispatch.release(freed, a.mission().mission().id())).isSameAs(freed);
    }
}
