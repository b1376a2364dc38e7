package org.tvm.ports.query;

import java.time.Duration;
import java.util.Objects;
import org.tvm.domain.fleet.VehicleId;

/**
 * Fleet KPIs of one vehicle over a window.
 *
 * @param vehicleId         the vehicle
 * @param name              its name
 * @param missionsCompleted missions it completed in the window
 * @param busy              time bound to missions (assignment to finish, clipped to the window)
 * @param utilisation       {@code busy} / window length, 0..1
 * @param charging          time charging: from a {@code BATTERY_LOW} vehicle log to the next {@code CHARGED} one
 *                          (clipped to the window; an open session counts to the window's end)
 * @param errors            vehicle log lines at level {@code error} in the window
 */
public record VehicleKpis(VehicleId vehicleId, String name, long missionsCompleted, Duration busy, double utilisation,
                          Duration charging, long errors) {
    public VehicleKpis {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(busy, "busy");
        Objects.requireNonNull(charging, "charging");
    }
}
