package org.tvm.domain.mission;

import static org.tvm.domain.DomainChecks.required;

import java.time.Instant;
import java.util.Optional;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleStatus;

/**
 * The rule that spans two aggregates: a mission and the vehicle that drives it. Mission and vehicle each guard their
 * own state; this class decides how they change together, so every adapter stores the same decision instead of
 * re-deriving it:
 * <ul>
 *   <li>{@link #assign}: pending mission → assigned (+ ASSIGNED event) and the vehicle bound to it, navigating;</li>
 *   <li>{@link #bind}: an ASSIGNED transition stored on its own binds the vehicle without touching its status;</li>
 *   <li>{@link #releasedBy} / {@link #release}: a mission that ends (completed, cancelled, failed) frees the vehicle
 *       still bound to it, leaving its status as it is.</li>
 * </ul>
 * A vehicle is busy when it is bound to another mission ({@link VehicleAlreadyBoundException}). Every vehicle change
 * here increments the vehicle version, as any stored vehicle change does.
 */
public final class Dispatch {
    private static final String E = "Dispatch";

    private Dispatch() {
    }

    /**
     * Both halves of an assignment, to be stored in one transaction.
     *
     * @param mission                the mission transition (pending → assigned, with its event and expected version)
     * @param vehicle                the vehicle as it must be stored (bound, navigating, version + 1)
     * @param vehicleExpectedVersion the version the stored vehicle must still have
     */
    public record Assignment(MissionTransition mission, Vehicle vehicle, long vehicleExpectedVersion) {
        public Assignment {
            required("Dispatch.Assignment", "mission", mission);
            required("Dispatch.Assignment", "vehicle", vehicle);
        }
    }

    /**
     * Assigns {@code vehicle} to the pending {@code mission} at {@code at}.
     *
     * @throws IllegalMissionTransitionException if the mission is not pending (or deleted)
     * @throws VehicleAlreadyBoundException      if the vehicle is bound to another mission
     * @throws DomainValidationException         if the vehicle is deleted or of another facility
     */
    public static Assignment assign(Mission mission, Vehicle vehicle, Instant at, UserId actor) {
        required(E, "mission", mission);
        requireUsable(mission, vehicle);
        MissionTransition t = mission.assign(vehicle.id(), at, actor);
        requireFree(vehicle, mission.id());
        Vehicle bound = vehicle.toBuilder().currentMissionId(mission.id()).status(VehicleStatus.NAVIGATING)
                .version(vehicle.version() + 1).build();
        return new Assignment(t, bound, vehicle.version());
    }

    /**
     * The vehicle change an ASSIGNED transition brings when it is stored on its own (not through {@link #assign}):
     * the vehicle is bound to the mission, its status unchanged.
     *
     * @param t       a transition whose event is ASSIGNED
     * @param vehicle the vehicle the transition names, as stored now
     * @return the vehicle to store (version + 1)
     * @throws IllegalArgumentException     if {@code t} is not an assignment or names another vehicle
     * @throws VehicleAlreadyBoundException if the vehicle is bound to another mission
     * @throws DomainValidationException    if the vehicle is deleted, of another facility, or out of service
     *                                      (charging or in maintenance cannot be bound)
     */
    public static Vehicle bind(MissionTransition t, Vehicle vehicle) {
        if (!binds(t)) {
            throw new IllegalArgumentException("Dispatch.bind needs an ASSIGNED transition");
        }
        requireUsable(t.mission(), vehicle);
        if (!vehicle.id().equals(t.mission().vehicleId())) {
            throw new IllegalArgumentException("Dispatch.bind: the transition names another vehicle");
        }
        requireFree(vehicle, t.mission().id());
        return vehicle.toBuilder().currentMissionId(t.mission().id()).version(vehicle.version() + 1).build();
    }

    /** @return true if storing {@code t} binds its vehicle (the mission becomes assigned) */
    public static boolean binds(MissionTransition t) {
        required(E, "transition", t);
        return t.event().type() == MissionEventType.ASSIGNED;
    }

    /**
     * @return the mission whose vehicle binding {@code t} ends (the mission reached a terminal status), or empty; the
     *         vehicle still bound to that mission, if any, is to be {@link #release released}
     */
    public static Optional<MissionId> releasedBy(MissionTransition t) {
        required(E, "transition", t);
        return t.mission().status().isTerminal() ? Optional.of(t.mission().id()) : Optional.empty();
    }

    /**
     * @return the vehicle freed from {@code ended} (binding cleared, status unchanged, version + 1) if it is bound to
     *         it; otherwise the vehicle unchanged
     */
    public static Vehicle release(Vehicle vehicle, MissionId ended) {
        required(E, "vehicle", vehicle);
        required(E, "mission", ended);
        if (!ended.equals(vehicle.currentMissionId())) {
            return vehicle;
        }
        return vehicle.toBuilder().currentMissionId(null).version(vehicle.version() + 1).build();
    }

    /** @return true if {@code vehicle} is bound to a mission other than {@code mission} */
    public static boolean isBusyFor(Vehicle vehicle, MissionId mission) {
        return vehicle.currentMissionId() != null && !vehicle.currentMissionId().equals(mission);
    }

    private static void requireFree(Vehicle vehicle, MissionId mission) {
        if (isBusyFor(vehicle, mission)) {
            throw new VehicleAlreadyBoundException(vehicle.id());
        }
    }

    private static void requireUsable(Mission mission, Vehicle vehicle) {
        required(E, "vehicle", vehicle);
        if (vehicle.isDeleted()) {
            throw new DomainValidationException(E, "vehicle", "is deleted");
        }
        if (!vehicle.facilityId().equals(mission.facilityId())) {
            throw new DomainValidationException(E, "vehicle", "belongs to another facility than the mission");
        }
    }
}
