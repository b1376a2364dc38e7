package org.tvm.ports.query;

import java.util.Objects;
import org.tvm.domain.fleet.Vehicle;

/**
 * A vehicle that could take a mission, with its distance to the requested point
 * (result of {@code DispatchOperations.nearestAvailable}).
 *
 * @param vehicle        non-null vehicle as stored
 * @param distanceMeters finite, &gt;= 0 distance in metres from the vehicle's current location to the requested point
 */
public record VehicleCandidate(Vehicle vehicle, double distanceMeters) {

    /**
     * @throws NullPointerException     if vehicle is null
     * @throws IllegalArgumentException if distanceMeters is negative, NaN or infinite
     */
    public VehicleCandidate {
        Objects.requireNonNull(vehicle, "vehicle");
        if (!Double.isFinite(distanceMeters) || distanceMeters < 0) {
            throw new IllegalArgumentException("VehicleCandidate.distanceMeters must be finite and >= 0 (was "
                    + distanceMeters + ")");
        }
    }
}
