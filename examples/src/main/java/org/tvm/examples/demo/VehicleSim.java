package org.tvm.examples.demo;

import java.time.Instant;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.mission.Mission;

/** One robot of the simulated fleet: where it is, its battery, what it is doing and the mission it carries. */
final class VehicleSim {

    enum Phase { IDLE, ASSIGNED, TO_PICKUP, AT_PICKUP, BOARDED, TO_DROPOFF, AT_DROPOFF, TO_CHARGER, CHARGING, ERROR }

    final VehicleId id;
    final String name;
    double lat;
    double lon;
    double battery;
    Phase phase = Phase.IDLE;
    Campus.Place target;
    boolean arrived;
    Instant phaseUntil;
    Mission mission;
    double tripMetres;
    double metresDriven;
    int trips;
    double heading;
    final int diskUsage;

    VehicleSim(VehicleId id, String name, double lat, double lon, int battery) {
        this.id = id;
        this.name = name;
        this.lat = lat;
        this.lon = lon;
        this.battery = battery;
        this.diskUsage = 30 + Math.floorMod(name.hashCode(), 20);
    }

    boolean moving() {
        return target != null && !arrived
                && (phase == Phase.TO_PICKUP || phase == Phase.TO_DROPOFF || phase == Phase.TO_CHARGER);
    }

    boolean online() {
        return phase != Phase.ERROR;
    }

    int batteryLevel() {
        return (int) Math.max(1, Math.min(100, Math.round(battery)));
    }

    VehicleLocation location() {
        return new VehicleLocation(GeoPoint.of(lat, lon), Campus.zoneAt(lat, lon));
    }

    void driveTo(Campus.Place place, Phase next) {
        target = place;
        arrived = false;
        phase = next;
    }
}
