package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.pointNearBase;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;

/** Telemetry sample: at the builder's creation instant, position near base, battery 80, no errors. */
public final class TelemetryData {
    private final TelemetrySample.Builder b = TelemetrySample.builder();

    TelemetryData(FacilityId facilityId, VehicleId vehicleId) {
        b.facilityId(facilityId).vehicleId(vehicleId).timestamp(TvmTestData.now()).position(pointNearBase(5, 5))
                .speedMps(0.8).batteryLevel(80).errorCodes(List.of());
    }

    public TelemetryData at(Instant timestamp) { b.timestamp(timestamp); return this; }
    public TelemetryData position(GeoPoint point) { b.position(point); return this; }
    public TelemetryData battery(Integer battery) { b.batteryLevel(battery); return this; }
    public TelemetryData speed(Double speed) { b.speedMps(speed); return this; }
    public TelemetryData errorCodes(List<String> codes) { b.errorCodes(codes); return this; }

    /** Sets every optional field to a valid, non-default value. */
    public TelemetryData allFields() {
        b.position(pointNearBase(33.3, -12.1)).heading(271.25).speedMps(1.37).accelerationMps2(-0.42)
                .batteryLevel(64).batteryVoltage(24.73).batteryCurrent(-3.15).lidarStatus(SensorStatus.OK)
                .cameraStatus(SensorStatus.DEGRADED).imuStatus(SensorStatus.ERROR).cpuUsage(37).memoryUsageMb(1843)
                .diskUsage(58).errorCodes(List.of("E_LIDAR_DIRTY", "W_LOW_TRACTION"));
        return this;
    }

    public TelemetryData with(UnaryOperator<TelemetrySample.Builder> f) { f.apply(b); return this; }
    public TelemetrySample build() { return b.build(); }
}
