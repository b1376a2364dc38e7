package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.pointNearBase;
import static org.tvm.testkit.data.TvmTestData.unique;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.MissionId;

/** Vehicle: unique name, IDLE, never heard from (no heartbeat, battery or location), version 0. */
public final class VehicleData {
    private final Vehicle.Builder b = Vehicle.builder();

    VehicleData(FacilityId facilityId) {
        b.facilityId(facilityId).name("TVM " + unique()).status(VehicleStatus.IDLE).timestamps(TvmTestData.now());
    }

    public VehicleData id(VehicleId id) { b.id(id); return this; }
    public VehicleData name(String name) { b.name(name); return this; }
    public VehicleData status(VehicleStatus status) { b.status(status); return this; }
    public VehicleData battery(Integer battery) { b.batteryLevel(battery); return this; }
    public VehicleData heartbeat(Instant at) { b.lastHeartbeat(at); return this; }
    public VehicleData location(GeoPoint point, String zone) { b.currentLocation(new VehicleLocation(point, zone)); return this; }
    public VehicleData currentMission(MissionId missionId) { b.currentMissionId(missionId); return this; }
    public VehicleData deletedAt(Instant at) { b.deletedAt(at); return this; }
    public VehicleData at(Instant now) { b.timestamps(now); return this; }

    /** Online at {@code now}: heartbeat at {@code now}, the given battery, located at {@code point} in zone "north". */
    public VehicleData onlineAt(Instant now, int battery, GeoPoint point) {
        b.lastHeartbeat(now).batteryLevel(battery).currentLocation(new VehicleLocation(point, "north"));
        return this;
    }

    /** Sets every optional field (except currentMissionId and deletedAt) to a valid, non-default value. */
    public VehicleData allFields() {
        Vehicle probe = b.build();
        b.serialNumber("SN-" + unique()).model("TVM-200 Carelift").firmwareVersion("3.14.159")
                .status(VehicleStatus.CHARGING)
                .currentLocation(new VehicleLocation(pointNearBase(-120, 75), "east wing"))
                .batteryLevel(73).lastHeartbeat(probe.createdAt().minusSeconds(30)).maxPayloadKg(180)
                .maxSpeedMps(new BigDecimal("1.7")).lastMaintenanceDate(LocalDate.of(2024, 11, 2))
                .nextMaintenanceDue(LocalDate.of(2025, 5, 2)).totalDistanceKm(new BigDecimal("1234.56"))
                .totalMissions(42).version(3);
        return this;
    }

    public VehicleData with(UnaryOperator<Vehicle.Builder> f) { f.apply(b); return this; }
    public Vehicle build() { return b.build(); }
}
