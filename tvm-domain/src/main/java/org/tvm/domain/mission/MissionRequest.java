package org.tvm.domain.mission;

import java.time.Instant;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.ResidentId;

/**
 * What a caller asks for when requesting a transport; {@link Mission#request} turns it into a pending
 * mission. {@code id} may be null (a new UUIDv7 is generated); {@code priority} null means NORMAL;
 * {@code scheduledAt} null means as soon as possible.
 */
public record MissionRequest(MissionId id, FacilityId facilityId, ResidentId residentId, UserId createdBy,
                             Place pickup, Place dropoff, MissionPriority priority, Instant scheduledAt, String notes) {

    private static final String E = "MissionRequest";

    public MissionRequest {
        DomainChecks.required(E, "facilityId", facilityId);
        DomainChecks.required(E, "residentId", residentId);
        DomainChecks.required(E, "createdBy", createdBy);
        DomainChecks.required(E, "pickup", pickup);
        DomainChecks.required(E, "dropoff", dropoff);
        priority = priority == null ? MissionPriority.NORMAL : priority;
        scheduledAt = DomainChecks.optionalInstant(E, "scheduledAt", scheduledAt);
        DomainChecks.optionalText(E, "notes", notes);
    }

    /**
     * Ids and priority only: {@code notes} and the place labels are free text that staff may fill with health
     * information, which does not belong in logs.
     */
    @Override
    public String toString() {
        return "MissionRequest[id=" + id + ", facilityId=" + facilityId + ", residentId=" + residentId + ", createdBy="
                + createdBy + ", priority=" + priority.code() + ", scheduledAt=" + scheduledAt + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable assembly for the nine-field record. */
    public static final class Builder {
        private MissionId id;
        private FacilityId facilityId;
        private ResidentId residentId;
        private UserId createdBy;
        private Place pickup;
        private Place dropoff;
        private MissionPriority priority;
        private Instant scheduledAt;
        private String notes;

        private Builder() {
        }

        public Builder id(MissionId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder residentId(ResidentId residentId) { this.residentId = residentId; return this; }
        public Builder createdBy(UserId createdBy) { this.createdBy = createdBy; return this; }
        public Builder pickup(Place pickup) { this.pickup = pickup; return this; }
        public Builder dropoff(Place dropoff) { this.dropoff = dropoff; return this; }
        public Builder priority(MissionPriority priority) { this.priority = priority; return this; }
        public Builder scheduledAt(Instant scheduledAt) { this.scheduledAt = scheduledAt; return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }

        public MissionRequest build() {
            return new MissionRequest(id, facilityId, residentId, createdBy, pickup, dropoff, priority, scheduledAt, notes);
        }
    }
}
