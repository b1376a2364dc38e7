package org.tvm.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.examples.demo.VehicleSim.Phase;

/**
 * The robots' side of each tick: every vehicle moves (or charges, or idles) for a minute in 10-second steps, and the
 * gateway appends the fleet's telemetry as one batch and records a heartbeat per online vehicle.
 */
final class RobotGateway {

    private static final int SAMPLES_PER_TICK = 6;
    private static final Duration SAMPLE_INTERVAL = FacilityDaySimulation.TICK.dividedBy(SAMPLES_PER_TICK);
    private static final double SPEED_MPS = 1.4;
    private static final double DRAIN_DRIVING_PER_MINUTE = 0.5;
    private static final double DRAIN_IDLE_PER_MINUTE = 0.05;
    private static final double CHARGE_PER_MINUTE = 2.0;

    private final DayState day;

    RobotGateway(DayState day) {
        this.day = day;
    }

    /** Every vehicle moves for a minute in 10-second steps, then the gateway appends the telemetry batch and heartbeats. */
    void robotsReport(Instant now) {
        List<TelemetrySample> batch = new ArrayList<>(day.fleet.size() * SAMPLES_PER_TICK);
        for (VehicleSim v : day.fleet) {
            for (int step = SAMPLES_PER_TICK - 1; step >= 0; step--) {
                Instant at = now.minus(SAMPLE_INTERVAL.multipliedBy(step));
                boolean moving = v.moving();
                double seconds = SAMPLE_INTERVAL.getSeconds();
                if (moving) {
                    move(v, SPEED_MPS * seconds);
                    v.battery -= DRAIN_DRIVING_PER_MINUTE * seconds / 60;
                } else if (v.phase == Phase.CHARGING) {
                    v.battery = Math.min(100, v.battery + CHARGE_PER_MINUTE * seconds / 60);
                } else {
                    v.battery -= DRAIN_IDLE_PER_MINUTE * seconds / 60;
                }
                v.battery = Math.max(1, v.battery);
                if (v.online()) {
                    batch.add(sample(v, at, moving));
                }
            }
        }
        if (!batch.isEmpty()) {
            day.timings.time("telemetry batch append", () -> day.persistence.run(day.system, tx -> tx.telemetry().append(batch)));
            day.telemetryRows += batch.size();
        }
        List<VehicleSim> online = day.fleet.stream().filter(VehicleSim::online).toList();
        if (!online.isEmpty()) {
            // one call for the whole fleet: a constant number of statements, however many robots report
            List<VehicleHeartbeat> heartbeats = online.stream()
                    .map(v -> new VehicleHeartbeat(v.id, now, v.batteryLevel(), v.location())).toList();
            day.timings.time("heartbeats (whole fleet)", () -> day.persistence.run(day.system,
                    tx -> tx.vehicles().recordHeartbeats(heartbeats)));
            day.heartbeats += online.size();
        }
    }

    private void move(VehicleSim v, double metres) {
        double[] d = Campus.offset(v.lat, v.lon, v.target.point().latitude(), v.target.point().longitude());
        double remaining = Math.hypot(d[0], d[1]);
        if (remaining > 0.01) {
            v.heading = (Math.toDegrees(Math.atan2(d[0], d[1])) + 360) % 360;
        }
        if (remaining <= metres) {
            v.lat = v.target.point().latitude();
            v.lon = v.target.point().longitude();
            v.arrived = true;
            v.tripMetres += remaining;
            v.metresDriven += remaining;
        } else {
            double f = metres / remaining;
            v.lat += Campus.latitudeDelta(d[1] * f);
            v.lon += Campus.longitudeDelta(d[0] * f, v.lat);
            v.tripMetres += metres;
            v.metresDriven += metres;
        }
    }

    private TelemetrySample sample(VehicleSim v, Instant at, boolean moving) {
        boolean charging = v.phase == Phase.CHARGING;
        int battery = v.batteryLevel();
        SensorStatus lidar = day.random.nextInt(400) == 0 ? SensorStatus.DEGRADED : SensorStatus.OK;
        return TelemetrySample.builder().vehicleId(v.id).facilityId(day.facilityId).timestamp(at)
                .position(GeoPoint.of(v.lat, v.lon)).heading(v.heading)
                .speedMps(moving ? SPEED_MPS + day.random.nextGaussian() * 0.05 : 0.0)
                .accelerationMps2(moving ? day.random.nextGaussian() * 0.1 : 0.0)
                .batteryLevel(battery).batteryVoltage(44.0 + battery * 0.08)
                .batteryCurrent(charging ? -24.0 : moving ? 14.0 + day.random.nextGaussian() : 1.2)
                .lidarStatus(lidar).cameraStatus(SensorStatus.OK).imuStatus(SensorStatus.OK)
                .cpuUsage(moving ? 45 + day.random.nextInt(30) : 10 + day.random.nextInt(15))
                .memoryUsageMb(1800 + day.random.nextInt(600)).diskUsage(v.diskUsage)
                .errorCodes(lidar == SensorStatus.DEGRADED ? List.of("W_LIDAR_DUST") : List.of())
                .build();
    }
}
