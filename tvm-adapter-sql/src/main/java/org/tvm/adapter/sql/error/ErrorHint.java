package org.tvm.adapter.sql.error;

import org.tvm.domain.fleet.VehicleId;

/**
 * What the adapter knew when a call failed, for naming the entity when the database does not, telling a busy vehicle
 * from a plain duplicate, and telling whether a lost connection may have taken a commit with it.
 *
 * @param entity       nullable domain class simple name the call was about
 * @param busyVehicle  nullable vehicle being bound to a mission (the one-active-mission index then means "busy")
 * @param commit       whether the failure happened while committing (a lost connection leaves the outcome unknown)
 */
public record ErrorHint(String entity, VehicleId busyVehicle, boolean commit) {

    /** Nothing known beyond the failure itself (not during commit). */
    public static final ErrorHint NONE = new ErrorHint(null, null, false);

    /** The failure happened while committing. */
    public static final ErrorHint COMMIT = new ErrorHint(null, null, true);

    /** @return a hint naming the entity of the call */
    public static ErrorHint of(String entity) {
        return new ErrorHint(entity, null, false);
    }

    /** @return a hint for a call that binds {@code vehicle} (nullable) to a mission */
    public static ErrorHint binding(String entity, VehicleId vehicle) {
        return new ErrorHint(entity, vehicle, false);
    }
}
