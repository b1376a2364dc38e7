package org.tvm.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Missions of the context facility and their immutable event log. State changes are computed by the domain
 * ({@code Mission.request/assign/start/...} return a {@link MissionTransition}) and persisted here together with their
 * event, in the caller's transaction. Missions are versioned: a transition carries {@code expectedVersion} and the stored
 * mission gets {@code expectedVersion + 1}.
 * Obtained from {@link TvmTransaction#missions()}; general rules in the package documentation.
 */
public interface MissionRepository {

    /**
     * Inserts a new mission (version 0) and its CREATED event.
     *
     * @param created non-null result of {@code Mission.request(...)}: event type CREATED, expectedVersion -1
     * @throws IllegalArgumentException  if {@code created} is not a creation transition
     * @throws AccessDeniedException     if the mission belongs to another facility (nothing written)
     * @throws DuplicateKeyException     if the mission id already exists
     * @throws UnknownReferenceException if the resident is not a non-deleted resident of the facility, or the creating
     *                                   user is not a user of the facility
     * @throws IllegalStateException     in a read-only transaction
     */
    void insert(MissionTransition created);

    /**
     * Persists a transition: {@code UPDATE missions ... WHERE id = ? AND version = t.expectedVersion()} storing
     * {@code t.mission()} with version {@code expectedVersion + 1}, and appends {@code t.event()}. Keeps the vehicle's
     * {@code currentMissionId} consistent in the same transaction (each such vehicle change increments the vehicle version):
     * <ul>
     *   <li>a transition to ASSIGNED sets it to this mission ({@link VehicleBusyException} if the vehicle already has an
     *       active mission); prefer {@link DispatchOperations#assign}, which also sets the vehicle status;</li>
     *   <li>a transition to a terminal status clears it if it still points to this mission; the vehicle status is not
     *       changed.</li>
     * </ul>
     *
     * @param t non-null transition with {@code expectedVersion >= 0}
     * @return the mission as stored (version {@code t.expectedVersion() + 1}, updatedAt possibly set by the database)
     * @throws IllegalArgumentException  if {@code t} is a creation transition (use {@link #insert})
     * @throws AccessDeniedException     if the mission belongs to another facility (nothing written)
     * @throws NotFoundException         if no non-deleted mission with this id exists in the facility
     * @throws StaleVersionException     if the stored version differs from {@code t.expectedVersion()}
     * @throws VehicleBusyException      if an assignment targets a vehicle that has another active mission
     * @throws UnknownReferenceException if an assignment targets a vehicle that is not a non-deleted vehicle of the facility
     * @throws IllegalStateException     in a read-only transaction
     */
    Mission apply(MissionTransition t);

    /**
     * @param id non-null mission id
     * @return the non-deleted mission, or empty (absent, soft-deleted or of another facility)
     */
    Optional<Mission> findById(MissionId id);

    /**
     * @param id non-null mission id
     * @return the mission whether soft-deleted or not, or empty (absent or of another facility)
     */
    Optional<Mission> findByIdIncludingDeleted(MissionId id);

    /**
     * @param id non-null mission id (soft-deleted missions included)
     * @return all events of the mission ordered by occurredAt, then insertion order; empty for unknown missions
     */
    List<MissionEvent> events(MissionId id);

    /**
     * Keyset-paged list of non-deleted missions whose status is in {@code statuses}, newest first
     * (createdAt descending, then id descending).
     *
     * @param statuses non-null, non-empty set of statuses
     * @param page     non-null page request
     * @return the page
     * @throws IllegalArgumentException if statuses is empty, or the page token is invalid or belongs to another query
     */
    Page<Mission> listByStatus(Set<MissionStatus> statuses, PageRequest page);

    /**
     * Keyset-paged list of the non-deleted missions of a resident (all statuses), newest first
     * (createdAt descending, then id descending). Does not record a resident data access (no resident is returned).
     *
     * @param residentId non-null resident id; an unknown resident yields an empty page
     * @param page       non-null page request
     * @return the page
     * @throws IllegalArgumentException if the page token is invalid or belongs to another query
     */
    Page<Mission> listByResident(ResidentId residentId, PageRequest page);

    /**
     * Erasure (GDPR Art. 17) of the free text about a resident in all their missions of the context facility,
     * soft-deleted ones included: notes removed, a failure reason replaced by {@link Mission#ERASED_TEXT}
     * ({@link Mission#residentTextErased}), and the {@code reason} detail of their events replaced by it too
     * ({@link MissionEvent#residentTextErased()}). Statuses, times, event types and counts stay. Each mission whose
     * row or events changed gets version + 1 and updatedAt {@code at} (the database may stamp its own); the events
     * stay otherwise immutable. Missions maintenance has already archived get the same rule in their archive document
     * ({@link org.tvm.ports.maintenance.ArchivedMission#residentTextErased}, nothing else in it changes), when the
     * transaction commits. Idempotent: a second call changes nothing. Missions of another facility are never
     * touched, whatever the id.
     *
     * @param residentId non-null resident id; an unknown resident, or one of another facility, changes nothing
     * @param at         non-null erasure time
     * @return the number of missions changed, live and archived
     * @throws IllegalStateException in a read-only transaction
     */
    int eraseResidentText(ResidentId residentId, Instant at);

    /**
     * Marks a mission as deleted at {@code at}; events are kept. Idempotent: an already soft-deleted mission is left
     * unchanged. Does not change the version.
     *
     * @param id non-null mission id
     * @param at non-null deletion time
     * @throws NotFoundException             if no mission with this id exists in the facility
     * @throws ConstraintViolationException  with constraint {@code "active_mission_not_deletable"} if the mission is
     *                                       assigned or in_progress (finish, cancel or fail it first)
     * @throws IllegalStateException         in a read-only transaction
     */
    void softDelete(MissionId id, Instant at);
}
