package org.tvm.ports;

import java.util.Objects;
import java.util.Optional;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;

/**
 * Who acts for which facility in a unit of work. Immutable and thread-safe; equal when facility and actor are equal.
 *
 * <p>Every repository obtained inside {@link TvmPersistence#inTransaction(TvmContext, TransactionWork)} is scoped to
 * {@link #facilityId()}; adapters on PostgreSQL publish it (and the actor) per transaction via
 * {@code set_config('app.current_facility_id', ..., true)} / {@code set_config('app.current_actor_id', ..., true)}.
 * The actor is recorded where the ports say so (mission events without explicit actor, role grants, data-access log).
 * The context does not authenticate anybody: the caller vouches for the actor.
 */
public final class TvmContext {

    private final FacilityId facilityId;
    private final UserId actorUserId;

    private TvmContext(FacilityId facilityId, UserId actorUserId) {
        this.facilityId = Objects.requireNonNull(facilityId, "facilityId");
        this.actorUserId = actorUserId;
    }

    /**
     * A context in which a known user acts.
     *
     * @param facilityId non-null facility all repositories are scoped to
     * @param actorUserId non-null acting user (use {@link #system(FacilityId)} for unattended work)
     * @return the context
     * @throws NullPointerException if an argument is null
     */
    public static TvmContext of(FacilityId facilityId, UserId actorUserId) {
        return new TvmContext(facilityId, Objects.requireNonNull(actorUserId, "actorUserId"));
    }

    /**
     * A context without a human actor (schedulers, robot gateways, imports); the actor is recorded as null.
     *
     * @param facilityId non-null facility all repositories are scoped to
     * @return the context
     * @throws NullPointerException if facilityId is null
     */
    public static TvmContext system(FacilityId facilityId) {
        return new TvmContext(facilityId, null);
    }

    /** @return the non-null facility this unit of work is scoped to */
    public FacilityId facilityId() {
        return facilityId;
    }

    /** @return the acting user, empty for a {@linkplain #system(FacilityId) system} context; never null */
    public Optional<UserId> actorUserId() {
        return Optional.ofNullable(actorUserId);
    }

    /** @return true if this is a {@linkplain #system(FacilityId) system} context (no actor) */
    public boolean isSystem() {
        return actorUserId == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TvmContext other
                && facilityId.equals(other.facilityId)
                && Objects.equals(actorUserId, other.actorUserId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facilityId, actorUserId);
    }

    /** @return {@code "TvmContext[facility=<uuid>, actor=<uuid>|system]"} (ids only) */
    @Override
    public String toString() {
        return "TvmContext[facility=" + facilityId + ", actor=" + (actorUserId == null ? "system" : actorUserId) + "]";
    }
}
