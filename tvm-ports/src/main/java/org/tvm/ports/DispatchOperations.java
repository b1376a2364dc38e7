package org.tvm.ports;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.ports.query.Orderings;
import org.tvm.ports.query.VehicleCandidate;

/**
 * Dispatching for the context facility: claim pending missions, find available vehicles, assign atomically.
 * A typical dispatcher runs {@code claimNextPending}, {@code nearestAvailable} and {@code assign} in one transaction.
 * Obtained from {@link TvmTransaction#dispatch()}; general rules in the package documentation.
 */
public interface DispatchOperations {

    /** The order of {@link #nearestAvailable}: distance ascending, then vehicle name (code point order), then id. */
    Comparator<VehicleCandidate> CANDIDATE_ORDER = Comparator.comparingDouble(VehicleCandidate::distanceMeters)
            .thenComparing(Orderings.byText(c -> c.vehicle().name()))
            .thenComparing(Orderings.byUuid(c -> c.vehicle().id().value()));

    /**
     * Claims up to {@code limit} pending missions for this transaction: non-deleted, status pending, {@code scheduledAt}
     * null or {@code <= now}, ordered by priority rank (urgent first), then createdAt, then id. The rows stay locked
     * ({@code FOR UPDATE SKIP LOCKED}) until the transaction ends, so two concurrent dispatchers never receive the same
     * mission; missions locked by another transaction are skipped (see {@link Capability#SKIP_LOCKED} for databases
     * without skipping). Nothing is modified.
     *
     * @param limit maximum number of missions, 1..1000
     * @param now   non-null evaluation instant for {@code scheduledAt}
     * @return the claimed missions in the order above; empty if none is due
     * @throws IllegalArgumentException if limit is out of range
     * @throws IllegalStateException    in a read-only transaction
     */
    List<Mission> claimNextPending(int limit, Instant now);

    /**
     * Atomically assigns a vehicle to a pending mission: the mission goes pending to assigned (domain
     * {@code Mission.assign(vehicleId, now, ctx actor)}, version check, ASSIGNED event with the context actor), and the
     * vehicle gets {@code currentMissionId} = the mission and status NAVIGATING, its version incremented.
     *
     * @param missionId non-null id of a pending mission
     * @param vehicleId non-null id of a non-deleted vehicle
     * @param now       non-null assignment time
     * @return the mission as stored (status ASSIGNED)
     * @throws NotFoundException                     if the mission or the vehicle does not exist (non-deleted) in the facility
     * @throws org.tvm.domain.mission.IllegalMissionTransitionException if the mission is not pending
     * @throws VehicleBusyException                  if the vehicle already has an active mission (domain check or the
     *                                               partial unique index under concurrency)
     * @throws StaleVersionException                 if the mission or vehicle changed concurrently
     * @throws IllegalStateException                 in a read-only transaction
     */
    Mission assign(MissionId missionId, VehicleId vehicleId, Instant now);

    /**
     * Vehicles able to take a mission near {@code point}: non-deleted, status IDLE, online at {@code now} (last heartbeat
     * strictly after {@code now - 5 min}), non-null battery {@code >= minBattery}, a known current location, and no active
     * (assigned or in_progress) mission. Ordered by distance ascending, then name, then id
     * ({@link #CANDIDATE_ORDER}). Read-only; nothing is locked
     * (the later {@link #assign} detects races).
     *
     * @param point      non-null target point
     * @param minBattery minimum battery level, 0..100
     * @param now        non-null evaluation instant for connectivity
     * @param limit      maximum number of candidates, 1..1000
     * @return candidates with distance in metres (see {@link Capability#SPATIAL_DISTANCE}); empty if none
     * @throws IllegalArgumentException if minBattery or limit is out of range
     */
    List<VehicleCandidate> nearestAvailable(GeoPoint point, int minBattery, Instant now, int limit);
}
