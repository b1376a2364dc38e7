package org.tvm.domain.mission;

import static org.tvm.domain.DomainChecks.optionalInstant;
import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.micros;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.resident.ResidentId;

/**
 * A transport request and its lifecycle. The mission owns its state machine
 * (pending → assigned → in_progress → completed, or cancelled/failed) so no adapter can produce an
 * impossible state; every step returns a {@link MissionTransition} carrying the event to record and
 * the version the stored row must still have.
 *
 * <p>Lifecycle timestamps: {@code assignedAt} is set on assignment, {@code startedAt} on start,
 * {@code completedAt} only on successful completion (cancel/fail times live in their events).
 * Terminal missions keep {@code vehicleId} for history; releasing the vehicle is the vehicle's concern.
 */
public final class Mission {
    /** What erasure leaves where free text about the resident was required or recorded (failure and event reasons). */
    public static final String ERASED_TEXT = "[erased]";
    private static final String E = "Mission";

    private final MissionId id;
    private final FacilityId facilityId;
    private final ResidentId residentId;
    private final VehicleId vehicleId;
    private final UserId createdBy;
    private final Place pickup;
    private final Place dropoff;
    private final MissionPriority priority;
    private final MissionStatus status;
    private final Instant scheduledAt;
    private final Instant assignedAt;
    private final Instant startedAt;
    private final Instant completedAt;
    private final String notes;
    private final String failureReason;
    private final ProgressStep lastProgress;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant deletedAt;

    private Mission(Builder b) {
        this.id = required(E, "id", b.id);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.residentId = required(E, "residentId", b.residentId);
        this.vehicleId = b.vehicleId;
        this.createdBy = required(E, "createdBy", b.createdBy);
        this.pickup = required(E, "pickup", b.pickup);
        this.dropoff = required(E, "dropoff", b.dropoff);
        this.priority = required(E, "priority", b.priority);
        this.status = required(E, "status", b.status);
        this.scheduledAt = optionalInstant(E, "scheduledAt", b.scheduledAt);
        this.assignedAt = optionalInstant(E, "assignedAt", b.assignedAt);
        this.startedAt = optionalInstant(E, "startedAt", b.startedAt);
        this.completedAt = optionalInstant(E, "completedAt", b.completedAt);
        this.notes = optionalText(E, "notes", b.notes);
        this.failureReason = optionalText(E, "failureReason", b.failureReason);
        this.lastProgress = b.lastProgress;
        if (b.version < 0) {
            throw new DomainValidationException(E, "version", "must not be negative (was " + b.version + ")");
        }
        this.version = b.version;
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
        this.deletedAt = optionalInstant(E, "deletedAt", b.deletedAt);
        checkStatusConsistency();
    }

    private void checkStatusConsistency() {
        boolean pending = status == MissionStatus.PENDING;
        boolean atLeastAssigned = status == MissionStatus.ASSIGNED || status == MissionStatus.IN_PROGRESS
                || status == MissionStatus.COMPLETED;
        boolean atLeastStarted = status == MissionStatus.IN_PROGRESS || status == MissionStatus.COMPLETED;

        if (pending && vehicleId != null) {
            mustBeNull("vehicleId");
        }
        if (atLeastAssigned) {
            requiredFor("vehicleId", vehicleId);
            requiredFor("assignedAt", assignedAt);
        } else if (pending && assignedAt != null) {
            mustBeNull("assignedAt");
        }
        if (atLeastStarted) {
            requiredFor("startedAt", startedAt);
        } else if (startedAt != null && status != MissionStatus.FAILED) {
            mustBeNull("startedAt");
        }
        if (status == MissionStatus.COMPLETED) {
            requiredFor("completedAt", completedAt);
            if (lastProgress != ProgressStep.DROPOFF_COMPLETED) {
                throw new DomainValidationException(E, "lastProgress", "must be dropoff_completed when status is completed");
            }
        } else if (completedAt != null) {
            mustBeNull("completedAt");
        }
        if (status == MissionStatus.FAILED) {
            if (failureReason == null) {
                throw new DomainValidationException(E, "failureReason", "is required when status is failed");
            }
        } else if (failureReason != null) {
            mustBeNull("failureReason");
        }
        if (lastProgress != null && startedAt == null) {
            throw new DomainValidationException(E, "lastProgress", "requires startedAt (progress happens only after start)");
        }
        // cancelled/failed keep whatever they had: the vehicle stays recorded once assigned
        if (assignedAt != null && vehicleId == null) {
            throw new DomainValidationException(E, "vehicleId", "is required when assignedAt is set");
        }
        if (startedAt != null && assignedAt == null) {
            throw new DomainValidationException(E, "assignedAt", "is required when startedAt is set");
        }
        if (assignedAt != null && startedAt != null && startedAt.isBefore(assignedAt)) {
            throw new DomainValidationException(E, "startedAt", "must not be before assignedAt");
        }
        if (startedAt != null && completedAt != null && completedAt.isBefore(startedAt)) {
            throw new DomainValidationException(E, "completedAt", "must not be before startedAt");
        }
    }

    private void requiredFor(String field, Object value) {
        if (value == null) {
            throw new DomainValidationException(E, field, "is required when status is " + status.code());
        }
    }

    private void mustBeNull(String field) {
        throw new DomainValidationException(E, field, "must be null when status is " + status.code());
    }

    // ---------------------------------------------------------------- lifecycle

    /** A new pending mission (version 0) and its CREATED event; {@code expectedVersion} is -1 (no row yet). */
    public static MissionTransition request(MissionRequest r, Instant now) {
        required("MissionRequest", "request", r);
        required(E, "createdAt", now);
        Mission m = builder().id(r.id() != null ? r.id() : MissionId.newId()).facilityId(r.facilityId())
                .residentId(r.residentId()).createdBy(r.createdBy()).pickup(r.pickup()).dropoff(r.dropoff())
                .priority(r.priority()).status(MissionStatus.PENDING).scheduledAt(r.scheduledAt()).notes(r.notes())
                .version(0).createdAt(now).updatedAt(now).build();
        MissionEvent created = new MissionEvent(m.id, m.facilityId, MissionEventType.CREATED, null, Map.of(),
                m.createdAt, r.createdBy());
        return new MissionTransition(m, created, -1);
    }

    /** pending → assigned, binding {@code vehicle}. */
    public MissionTransition assign(VehicleId vehicle, Instant now, UserId actor) {
        requireStatus(MissionEventType.ASSIGNED, MissionStatus.PENDING);
        required(E, "vehicleId", vehicle);
        required(E, "assignedAt", now);
        Mission next = next(now).vehicleId(vehicle).status(MissionStatus.ASSIGNED).assignedAt(now).build();
        return transition(next, MissionEventType.ASSIGNED, Map.of("vehicle_id", vehicle.toString()), actor);
    }

    /** assigned → in_progress. */
    public MissionTransition start(Instant now, UserId actor) {
        requireStatus(MissionEventType.STARTED, MissionStatus.ASSIGNED);
        required(E, "startedAt", now);
        Mission next = next(now).status(MissionStatus.IN_PROGRESS).startedAt(now).build();
        return transition(next, MissionEventType.STARTED, Map.of(), actor);
    }

    /** Records a milestone while in progress; only the next step in {@link ProgressStep} order is accepted. */
    public MissionTransition recordProgress(ProgressStep step, Instant now, UserId actor) {
        required(E, "lastProgress", step);
        requireStatus(step.eventType(), MissionStatus.IN_PROGRESS);
        ProgressStep expected = ProgressStep.next(lastProgress);
        if (step != expected) {
            throw new IllegalMissionTransitionException(status, step.eventType(),
                    expected == null ? "all progress steps already recorded" : "next step must be " + expected.code());
        }
        required(E, "updatedAt", now);
        Mission next = next(now).lastProgress(step).build();
        return transition(next, step.eventType(), Map.of(), actor);
    }

    /** in_progress → completed, once the drop-off is completed. */
    public MissionTransition complete(Instant now, UserId actor) {
        requireStatus(MissionEventType.COMPLETED, MissionStatus.IN_PROGRESS);
        if (lastProgress != ProgressStep.DROPOFF_COMPLETED) {
            throw new IllegalMissionTransitionException(status, MissionEventType.COMPLETED,
                    "drop-off not completed yet (last progress " + (lastProgress == null ? "none" : lastProgress.code()) + ")");
        }
        required(E, "completedAt", now);
        Mission next = next(now).status(MissionStatus.COMPLETED).completedAt(now).build();
        return transition(next, MissionEventType.COMPLETED, Map.of(), actor);
    }

    /** pending|assigned → cancelled. A mission in progress has a resident on board and cannot be cancelled. */
    public MissionTransition cancel(String reason, Instant now, UserId actor) {
        requireStatus(MissionEventType.CANCELLED, MissionStatus.PENDING, MissionStatus.ASSIGNED);
        required(E, "updatedAt", now);
        Map<String, String> details = new LinkedHashMap<>();
        if (reason != null && !reason.isBlank()) {
            details.put("reason", reason);
        }
        Mission next = next(now).status(MissionStatus.CANCELLED).build();
        return transition(next, MissionEventType.CANCELLED, details, actor);
    }

    /** pending|assigned|in_progress → failed; the reason is mandatory so failures can be analysed. */
    public MissionTransition fail(String reason, Instant now, UserId actor) {
        requireStatus(MissionEventType.FAILED, MissionStatus.PENDING, MissionStatus.ASSIGNED, MissionStatus.IN_PROGRESS);
        if (reason == null || reason.isBlank()) {
            throw new DomainValidationException(E, "failureReason", "is required to fail a mission");
        }
        required(E, "updatedAt", now);
        Mission next = next(now).status(MissionStatus.FAILED).failureReason(reason).build();
        return transition(next, MissionEventType.FAILED, Map.of("reason", reason), actor);
    }

    /**
     * Whether the mission holds free text about its resident that erasure must remove: notes, or a failure reason not
     * yet erased.
     */
    public boolean holdsResidentText() {
        return notes != null || failureReason != null && !failureReason.equals(ERASED_TEXT);
    }

    /**
     * Erasure (GDPR Art. 17) of the free text about the resident: notes removed, a failure reason replaced by
     * {@link #ERASED_TEXT} (a failed mission keeps a reason); status, times and ids stay, so statistics keep counting.
     * Version + 1 (a concurrent writer's copy is stale), not a lifecycle step: no event. The events' reasons are erased
     * with {@link MissionEvent#residentTextErased()}.
     */
    public Mission residentTextErased(Instant at) {
        required(E, "updatedAt", at);
        return toBuilder().notes(null).failureReason(failureReason == null ? null : ERASED_TEXT).version(version + 1)
                .updatedAt(at).build();
    }

    /** Marks the mission deleted at {@code at} (not a lifecycle step: no event, no version change). */
    public Mission softDeleted(Instant at) {
        required(E, "deletedAt", at);
        return isDeleted() ? this : toBuilder().deletedAt(at).updatedAt(at).build();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    private void requireStatus(MissionEventType attempted, MissionStatus... allowed) {
        boolean ok = false;
        for (MissionStatus s : allowed) {
            ok |= s == status;
        }
        if (!ok) {
            throw new IllegalMissionTransitionException(status, attempted);
        }
        if (isDeleted()) {
            throw new IllegalMissionTransitionException(status, attempted, "mission is deleted");
        }
    }

    private Builder next(Instant now) {
        return toBuilder().version(version + 1).updatedAt(now);
    }

    private MissionTransition transition(Mission next, MissionEventType type, Map<String, String> details, UserId actor) {
        MissionEvent event = new MissionEvent(id, facilityId, type, next.vehicleId, details, next.updatedAt, actor);
        return new MissionTransition(next, event, version);
    }

    // ---------------------------------------------------------------- accessors

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).facilityId(facilityId).residentId(residentId).vehicleId(vehicleId)
                .createdBy(createdBy).pickup(pickup).dropoff(dropoff).priority(priority).status(status)
                .scheduledAt(scheduledAt).assignedAt(assignedAt).startedAt(startedAt).completedAt(completedAt)
                .notes(notes).failureReason(failureReason).lastProgress(lastProgress).version(version)
                .createdAt(createdAt).updatedAt(updatedAt).deletedAt(deletedAt);
    }

    public MissionId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public ResidentId residentId() { return residentId; }
    public VehicleId vehicleId() { return vehicleId; }
    public UserId createdBy() { return createdBy; }
    public Place pickup() { return pickup; }
    public Place dropoff() { return dropoff; }
    public MissionPriority priority() { return priority; }
    public MissionStatus status() { return status; }
    public Instant scheduledAt() { return scheduledAt; }
    public Instant assignedAt() { return assignedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public String notes() { return notes; }
    public String failureReason() { return failureReason; }
    public ProgressStep lastProgress() { return lastProgress; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Mission m)) {
            return false;
        }
        return version == m.version && id.equals(m.id) && facilityId.equals(m.facilityId)
                && residentId.equals(m.residentId) && Objects.equals(vehicleId, m.vehicleId)
                && createdBy.equals(m.createdBy) && pickup.equals(m.pickup) && dropoff.equals(m.dropoff)
                && priority == m.priority && status == m.status && Objects.equals(scheduledAt, m.scheduledAt)
                && Objects.equals(assignedAt, m.assignedAt) && Objects.equals(startedAt, m.startedAt)
                && Objects.equals(completedAt, m.completedAt) && Objects.equals(notes, m.notes)
                && Objects.equals(failureReason, m.failureReason) && lastProgress == m.lastProgress
                && createdAt.equals(m.createdAt) && updatedAt.equals(m.updatedAt) && Objects.equals(deletedAt, m.deletedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, residentId, vehicleId, createdBy, pickup, dropoff, priority, status,
                scheduledAt, assignedAt, startedAt, completedAt, notes, failureReason, lastProgress, version,
                createdAt, updatedAt, deletedAt);
    }

    @Override
    public String toString() {
        return "Mission[id=" + id + ", status=" + status.code() + ", priority=" + priority.code() + ", vehicle="
                + vehicleId + ", version=" + version + (deletedAt != null ? ", deleted" : "") + "]";
    }

    /** Mutable assembly (used by adapters to rehydrate); {@link #build()} validates every invariant. */
    public static final class Builder {
        private MissionId id = MissionId.newId();
        private FacilityId facilityId;
        private ResidentId residentId;
        private VehicleId vehicleId;
        private UserId createdBy;
        private Place pickup;
        private Place dropoff;
        private MissionPriority priority = MissionPriority.NORMAL;
        private MissionStatus status = MissionStatus.PENDING;
        private Instant scheduledAt;
        private Instant assignedAt;
        private Instant startedAt;
        private Instant completedAt;
        private String notes;
        private String failureReason;
        private ProgressStep lastProgress;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;

        private Builder() {
        }

        public Builder id(MissionId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder residentId(ResidentId residentId) { this.residentId = residentId; return this; }
        public Builder vehicleId(VehicleId vehicleId) { this.vehicleId = vehicleId; return this; }
        public Builder createdBy(UserId createdBy) { this.createdBy = createdBy; return this; }
        public Builder pickup(Place pickup) { this.pickup = pickup; return this; }
        public Builder dropoff(Place dropoff) { this.dropoff = dropoff; return this; }
        public Builder priority(MissionPriority priority) { this.priority = priority; return this; }
        public Builder status(MissionStatus status) { this.status = status; return this; }
        public Builder scheduledAt(Instant scheduledAt) { this.scheduledAt = scheduledAt; return this; }
        public Builder assignedAt(Instant assignedAt) { this.assignedAt = assignedAt; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder completedAt(Instant completedAt) { this.completedAt = completedAt; return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        public Builder failureReason(String failureReason) { this.failureReason = failureReason; return this; }
        public Builder lastProgress(ProgressStep lastProgress) { this.lastProgress = lastProgress; return this; }
        public Builder version(long version) { this.version = version; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder deletedAt(Instant deletedAt) { this.deletedAt = deletedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public Mission build() {
            return new Mission(this);
        }
    }
}
