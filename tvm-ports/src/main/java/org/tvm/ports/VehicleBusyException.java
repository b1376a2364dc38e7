package org.tvm.ports;

import org.tvm.domain.fleet.VehicleId;

/**
 * The vehicle already has an active (assigned or in-progress) mission, so it cannot take another one or be
 * soft-deleted. Detected by the domain check and, under concurrency, by the database's partial unique index on
 * active missions per vehicle (adapters translate that index violation to this exception, not to
 * {@link DuplicateKeyException}).
 *
 * <p>Message: {@code "Vehicle 0190c7d2-... already has an active mission"}.
 */
public class VehicleBusyException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final VehicleId vehicleId;

    /**
     * @param vehicleId non-null id of the busy vehicle
     */
    public VehicleBusyException(VehicleId vehicleId) {
        this(vehicleId, null);
    }

    /**
     * @param vehicleId non-null id of the busy vehicle
     * @param cause     nullable underlying driver exception (e.g. the unique-index violation)
     */
    public VehicleBusyException(VehicleId vehicleId, Throwable cause) {
        super("Vehicle " + StaleVersionException.idText(vehicleId) + " already has an active mission", cause);
        this.vehicleId = vehicleId;
    }

    /** @return non-null id of the busy vehicle */
    public VehicleId vehicleId() {
        return vehicleId;
    }
}
