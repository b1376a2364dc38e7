package org.tvm.ports;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.ports.query.Orderings;

/**
 * Vehicles of the context facility, their heartbeats and logs. Vehicles are versioned (optimistic locking): the domain
 * carries the version, the adapter increments it on every {@link #update}; {@link #recordHeartbeat} does not.
 * Obtained from {@link TvmTransaction#vehicles()}; general rules in the package documentation.
 */
public interface VehicleRepository {

    /** The order of {@link #list()} (and of the fleet dashboard): name (code point order), then id. */
    Comparator<Vehicle> LIST_ORDER = Orderings.<Vehicle>byText(Vehicle::name)
            .thenComparing(Orderings.byUuid(v -> v.id().value()));

    /**
     * Inserts a vehicle exactly as given (including version, timestamps and deletedAt).
     *
     * @param vehicle non-null vehicle of the context facility
     * @throws AccessDeniedException      if the vehicle belongs to another facility (nothing written)
     * @throws DuplicateKeyException      if the id exists, or a non-deleted vehicle of the facility has the same name
     * @throws UnknownReferenceException  if {@code currentMissionId} is set but no such mission exists in the facility
     * @throws IllegalStateException      in a read-only transaction
     */
    void insert(Vehicle vehicle);

    /**
     * Optimistic update of all mutable fields ({@code UPDATE ... WHERE id = ? AND version = vehicle.version()}); id,
     * facility, createdAt and deletedAt are never changed.
     *
     * @param vehicle non-null vehicle of the context facility, with the version it was read with
     * @return the vehicle as stored, with {@code version() == vehicle.version() + 1} (and updatedAt possibly set by the
     *         database); use the returned instance for further updates
     * @throws AccessDeniedException     if the vehicle belongs to another facility (nothing written)
     * @throws NotFoundException         if no non-deleted vehicle with this id exists in the facility
     * @throws StaleVersionException     if it exists with a different version
     * @throws DuplicateKeyException     if the new name is used by another non-deleted vehicle of the facility
     * @throws UnknownReferenceException if {@code currentMissionId} references no mission of the facility
     * @throws IllegalStateException     in a read-only transaction
     */
    Vehicle update(Vehicle vehicle);

    /**
     * @param id non-null vehicle id
     * @return the non-deleted vehicle, or empty (absent, soft-deleted or of another facility)
     */
    Optional<Vehicle> findById(VehicleId id);

    /**
     * @param id non-null vehicle id
     * @return the vehicle whether soft-deleted or not, or empty (absent or of another facility)
     */
    Optional<Vehicle> findByIdIncludingDeleted(VehicleId id);

    /**
     * @param name non-null exact (case-sensitive) vehicle name
     * @return the non-deleted vehicle of the facility with this name, or empty
     */
    Optional<Vehicle> findByName(String name);

    /**
     * @return all non-deleted vehicles of the facility ordered by name, then id
     *         ({@link #LIST_ORDER}); empty if none
     */
    List<Vehicle> list();

    /**
     * Records a heartbeat without changing the version (so it never conflicts with dispatching). Sets
     * {@code lastHeartbeat = at}; a non-null battery or location replaces the stored value, a null one leaves it
     * unchanged. A heartbeat not newer than the stored {@code lastHeartbeat} is ignored entirely (out-of-order delivery).
     *
     * @param id       non-null vehicle id
     * @param at       non-null heartbeat time
     * @param battery  nullable battery level 0..100
     * @param location nullable current location
     * @return the vehicle as stored afterwards (unchanged if the heartbeat was ignored)
     * @throws org.tvm.domain.DomainValidationException if battery is outside 0..100 (checked before any SQL)
     * @throws NotFoundException                        if no non-deleted vehicle with this id exists in the facility
     * @throws IllegalStateException                    in a read-only transaction
     */
    Vehicle recordHeartbeat(VehicleId id, Instant at, Integer battery, VehicleLocation location);

    /**
     * Records the heartbeats of many vehicles at once, each exactly as {@link #recordHeartbeat} would (version
     * unchanged, null battery or location leaves the stored value, a heartbeat not newer than the stored one is
     * ignored), in a constant number of statements and without reading the vehicles back.
     *
     * @param heartbeats non-null list without null elements, at most one heartbeat per vehicle; empty does nothing
     * @return how many heartbeats were applied (the others were ignored as out of order)
     * @throws IllegalArgumentException if a vehicle appears more than once (checked before any SQL)
     * @throws NotFoundException        if a vehicle does not exist (non-deleted) in the facility; the caller's unit of
     *                                  work then rolls back as for any exception
     * @throws IllegalStateException    in a read-only transaction
     */
    int recordHeartbeats(List<VehicleHeartbeat> heartbeats);

    /**
     * Marks a vehicle as deleted at {@code at} (frees its name for reuse). Idempotent: an already soft-deleted vehicle is
     * left unchanged. Does not change the version.
     *
     * @param id non-null vehicle id
     * @param at non-null deletion time
     * @throws NotFoundException     if no vehicle with this id exists in the facility
     * @throws VehicleBusyException  if the vehicle has an active (assigned or in_progress) mission
     * @throws IllegalStateException in a read-only transaction
     */
    void softDelete(VehicleId id, Instant at);

    /**
     * Appends log entries in one batch, all or nothing. An empty list does nothing.
     *
     * @param entries non-null list without null elements, each of the context facility
     * @throws AccessDeniedException      if any entry belongs to another facility (nothing written)
     * @throws UnknownReferenceException  if any entry references a vehicle that does not exist in the facility
     * @throws IllegalStateException      in a read-only transaction
     */
    void appendLogs(List<VehicleLogEntry> entries);

    /**
     * @param vehicleId     non-null vehicle id (soft-deleted vehicles included)
     * @param fromInclusive non-null window start
     * @param toExclusive   non-null window end
     * @param limit         maximum entries, 1..1000
     * @return entries with {@code loggedAt} in {@code [from, to)}, newest first (loggedAt descending, then reverse
     *         insertion order); empty for unknown vehicles
     * @throws IllegalArgumentException if from is after to, or limit is out of range
     */
    List<VehicleLogEntry> logs(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit);
}
