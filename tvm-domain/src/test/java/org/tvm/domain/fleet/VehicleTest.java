package org.tvm.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.domain.TestData;
import org.tvm.domain.mission.MissionId;

class VehicleTest {

    @Test
    void defaults() {
        Vehicle v = Vehicle.builder().facilityId(TestData.FACILITY).name("V").timestamps(NOW).build();
        assertThat(v.id()).isNotNull();
        assertThat(v.status()).isEqualTo(VehicleStatus.IDLE);
        assertThat(v.maxPayloadKg()).isEqualTo(150);
        assertThat(v.maxSpeedMps()).isEqualTo(new BigDecimal("2.0"));
        assertThat(v.totalDistanceKm()).isEqualTo(new BigDecimal("0.00"));
        assertThat(v.totalMissions()).isZero();
        assertThat(v.version()).isZero();
        assertThat(v.isDeleted()).isFalse();
        assertThat(v.toBuilder().build()).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(v.toString()).contains("V").contains("IDLE");
    }

    @Test
    void fullRoundTrip() {
        Vehicle v = TestData.vehicle().serialNumber("SN-1").model("Swerve-Drive-V1").firmwareVersion("v1.2.3")
                .status(VehicleStatus.NAVIGATING).currentMissionId(MissionId.newId())
                .currentLocation(VehicleLocation.of(35.6, 139.7, "Building A")).batteryLevel(80)
                .lastHeartbeat(NOW.plusNanos(1)).lastMaintenanceDate(LocalDate.of(2025, 1, 1))
                .nextMaintenanceDue(LocalDate.of(2025, 7, 1)).totalDistanceKm(new BigDecimal("12.5")).totalMissions(3)
                .version(7).deletedAt(NOW).build();
        assertThat(v.lastHeartbeat()).isEqualTo(NOW);
        assertThat(v.totalDistanceKm()).isEqualTo(new BigDecimal("12.50"));
        assertThat(v.toBuilder().build()).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(v.toBuilder().version(8).build()).isNotEqualTo(v);
    }

    @Test
    void textAndRequiredFields() {
        assertInvalid(() -> TestData.vehicle().id(null).build(), "Vehicle", "id");
        assertInvalid(() -> TestData.vehicle().facilityId(null).build(), "Vehicle", "facilityId");
        assertInvalid(() -> TestData.vehicle().name(null).build(), "Vehicle", "name");
        assertInvalid(() -> TestData.vehicle().name("").build(), "Vehicle", "name");
        assertInvalid(() -> TestData.vehicle().name("x".repeat(101)).build(), "Vehicle", "name");
        assertThat(TestData.vehicle().name("x".repeat(100)).build().name()).hasSize(100);
        assertInvalid(() -> TestData.vehicle().serialNumber("x".repeat(101)).build(), "Vehicle", "serialNumber");
        assertInvalid(() -> TestData.vehicle().model("x".repeat(101)).build(), "Vehicle", "model");
        assertInvalid(() -> TestData.vehicle().firmwareVersion("x".repeat(51)).build(), "Vehicle", "firmwareVersion");
        assertInvalid(() -> TestData.vehicle().status(null).build(), "Vehicle", "status");
        assertInvalid(() -> TestData.vehicle().createdAt(null).build(), "Vehicle", "createdAt");
        assertInvalid(() -> TestData.vehicle().updatedAt(null).build(), "Vehicle", "updatedAt");
    }

    @Test
    void numericRanges() {
        assertThat(TestData.vehicle().batteryLevel(0).build().batteryLevel()).isZero();
        assertThat(TestData.vehicle().batteryLevel(100).build().batteryLevel()).isEqualTo(100);
        assertInvalid(() -> TestData.vehicle().batteryLevel(-1).build(), "Vehicle", "batteryLevel");
        assertInvalid(() -> TestData.vehicle().batteryLevel(101).build(), "Vehicle", "batteryLevel");
        assertInvalid(() -> TestData.vehicle().maxPayloadKg(0).build(), "Vehicle", "maxPayloadKg");
        assertInvalid(() -> TestData.vehicle().totalMissions(-1).build(), "Vehicle", "totalMissions");
        assertInvalid(() -> TestData.vehicle().version(-1).build(), "Vehicle", "version");
        assertInvalid(() -> TestData.vehicle().maxSpeedMps(null).build(), "Vehicle", "maxSpeedMps");
        assertInvalid(() -> TestData.vehicle().totalDistanceKm(null).build(), "Vehicle", "totalDistanceKm");
        assertInvalid(() -> TestData.vehicle().totalDistanceKm(new BigDecimal("-0.01")).build(), "Vehicle", "totalDistanceKm");
        assertInvalid(() -> TestData.vehicle().totalDistanceKm(new BigDecimal("100000000")).build(), "Vehicle", "totalDistanceKm");
    }

    @ParameterizedTest
    @CsvSource({"2, 2.0", "0.1, 0.1", "99.9, 99.9", "1.25, 1.3", "0.05, 0.1"})
    void maxSpeedIsNormalisedToOneDecimal(String in, String expected) {
        assertThat(TestData.vehicle().maxSpeedMps(new BigDecimal(in)).build().maxSpeedMps()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.04", "-1", "99.95", "100"})
    void maxSpeedOutOfRange(String in) {
        assertInvalid(() -> TestData.vehicle().maxSpeedMps(new BigDecimal(in)).build(), "Vehicle", "maxSpeedMps");
    }

    @Test
    void onlineIsStrictlyYoungerThanFiveMinutes() {
        assertThat(Vehicle.ONLINE_WINDOW).isEqualTo(Duration.ofMinutes(5));
        Vehicle never = TestData.vehicle().build();
        assertThat(never.isOnline(NOW)).isFalse();
        Vehicle v = TestData.vehicle().lastHeartbeat(NOW).build();
        assertThat(v.isOnline(NOW)).isTrue();
        assertThat(v.isOnline(NOW.plus(Duration.ofMinutes(5)).minusNanos(1000))).isTrue();
        assertThat(v.isOnline(NOW.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(v.isOnline(NOW.plus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void heartbeatKeepsUnreportedValues() {
        VehicleLocation loc = VehicleLocation.of(1, 2, "A");
        Vehicle v = TestData.vehicle().batteryLevel(50).currentLocation(loc).build();
        Vehicle beat = v.heartbeat(NOW.plusSeconds(1), null, null);
        assertThat(beat.lastHeartbeat()).isEqualTo(NOW.plusSeconds(1));
        assertThat(beat.batteryLevel()).isEqualTo(50);
        assertThat(beat.currentLocation()).isEqualTo(loc);
        assertThat(beat.version()).isEqualTo(v.version());
        Vehicle beat2 = v.heartbeat(NOW.plusSeconds(2), 40, VehicleLocation.of(3, 4, null));
        assertThat(beat2.batteryLevel()).isEqualTo(40);
        assertThat(beat2.currentLocation().point().latitude()).isEqualTo(3.0);
        assertInvalid(() -> v.heartbeat(NOW, 101, null), "Vehicle", "batteryLevel");
        assertInvalid(() -> v.heartbeat(null, 1, null), "Vehicle", "lastHeartbeat");
    }

    @Test
    void statusChanges() {
        Vehicle v = TestData.vehicle().build();
        assertThat(v.withStatus(VehicleStatus.ERROR).status()).isEqualTo(VehicleStatus.ERROR);
        assertInvalid(() -> v.withStatus(null), "Vehicle", "status");
        assertThat(v.startCharging().status()).isEqualTo(VehicleStatus.CHARGING);
        Vehicle m = v.enterMaintenance(LocalDate.of(2025, 3, 1));
        assertThat(m.status()).isEqualTo(VehicleStatus.MAINTENANCE);
        assertThat(m.lastMaintenanceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertInvalid(() -> v.enterMaintenance(null), "Vehicle", "lastMaintenanceDate");
        assertThat(v.status()).isEqualTo(VehicleStatus.IDLE);
    }

    @Test
    void aVehicleBoundToAMissionCannotBeChargingOrInMaintenanceHoweverTheStatusIsSet() {
        Vehicle bound = TestData.vehicle().build().assignedTo(org.tvm.domain.mission.MissionId.newId());
        for (VehicleStatus outOfService : new VehicleStatus[] {VehicleStatus.CHARGING, VehicleStatus.MAINTENANCE}) {
            assertInvalid(() -> bound.withStatus(outOfService), "Vehicle", "status");
            assertInvalid(() -> bound.toBuilder().status(outOfService).build(), "Vehicle", "status");
        }
        assertThat(bound.withStatus(VehicleStatus.ERROR).status()).isEqualTo(VehicleStatus.ERROR);
    }

    @Test
    void missionBindingAndRelease() {
        MissionId mission = MissionId.newId();
        Vehicle busy = TestData.vehicle().build().assignedTo(mission);
        assertThat(busy.currentMissionId()).isEqualTo(mission);
        assertThat(busy.status()).isEqualTo(VehicleStatus.NAVIGATING);
        assertThat(busy.assignedTo(mission)).isEqualTo(busy);
        assertInvalid(() -> busy.assignedTo(MissionId.newId()), "Vehicle", "currentMissionId");
        assertInvalid(() -> busy.assignedTo(null), "Vehicle", "currentMissionId");
        assertInvalid(busy::startCharging, "Vehicle", "status");
        assertInvalid(() -> busy.enterMaintenance(LocalDate.of(2025, 1, 1)), "Vehicle", "status");
        Vehicle done = busy.released(true);
        assertThat(done.currentMissionId()).isNull();
        assertThat(done.status()).isEqualTo(VehicleStatus.IDLE);
        assertThat(done.totalMissions()).isEqualTo(1);
        Vehicle aborted = busy.withStatus(VehicleStatus.ERROR).released(false);
        assertThat(aborted.status()).isEqualTo(VehicleStatus.ERROR);
        assertThat(aborted.totalMissions()).isZero();
    }

    @Test
    void addDistanceRoundsToTwoDecimals() {
        Vehicle v = TestData.vehicle().totalDistanceKm(new BigDecimal("1.10")).build();
        assertThat(v.addDistance(new BigDecimal("0.126")).totalDistanceKm()).isEqualTo(new BigDecimal("1.23"));
        assertThat(v.addDistance(BigDecimal.ZERO).totalDistanceKm()).isEqualTo(new BigDecimal("1.10"));
        assertInvalid(() -> v.addDistance(new BigDecimal("-1")), "Vehicle", "totalDistanceKm");
        assertInvalid(() -> v.addDistance(null), "Vehicle", "totalDistanceKm");
    }

    @Test
    void softDelete() {
        Vehicle v = TestData.vehicle().build();
        Vehicle d = v.softDeleted(NOW.plusSeconds(1));
        assertThat(d.isDeleted()).isTrue();
        assertThat(d.deletedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(d.softDeleted(NOW.plusSeconds(9))).isSameAs(d);
        assertThat(d.version()).isEqualTo(v.version());
        assertInvalid(() -> v.softDeleted(null), "Vehicle", "deletedAt");
    }
}
