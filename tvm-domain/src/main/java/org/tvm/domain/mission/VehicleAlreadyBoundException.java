package org.tvm.domain.mission;

import org.tvm.domain.DomainException;
import org.tvm.domain.fleet.VehicleId;

/**
 * Dispatch refused: the vehicle is bound to another mission (a resident is waiting for it or riding), so it cannot
 * take this one. Adapters report it as the port's {@code VehicleBusyException}.
 */
public class VehicleAlreadyBoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final VehicleId vehicleId;

    public VehicleAlreadyBoundException(VehicleId vehicleId) {
        super("Vehicle " + vehicleId + " is already bound to another mission");
        this.vehicleId = vehicleId;
    }

    /** @return the vehicle that is not free */
    public VehicleId vehicleId() {
        return vehicleId;
    }
}
