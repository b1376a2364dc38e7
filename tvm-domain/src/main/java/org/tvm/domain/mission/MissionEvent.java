package org.tvm.domain.mission;

import java.time.Instant;
import java.util.Map;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;

/**
 * One immutable entry of a mission's timeline (audit trail). Produced by {@link Mission}'s
 * transitions so the state change and its record can never disagree.
 *
 * @param details immutable, insertion-ordered (e.g. {@code {"vehicle_id": ...}} or {@code {"reason": ...}})
 * @param triggeredBy the acting user, null for system/robot-triggered events
 */
public record MissionEvent(MissionId missionId, FacilityId facilityId, MissionEventType type, VehicleId vehicleId,
                           Map<String, String> details, Instant occurredAt, UserId triggeredBy) {

    private static final String E = "MissionEvent";

    public MissionEvent {
        DomainChecks.required(E, "missionId", missionId);
        DomainChecks.required(E, "facilityId", facilityId);
        DomainChecks.required(E, "type", type);
        details = DomainChecks.details(E, "details", details);
        occurredAt = DomainChecks.instant(E, "occurredAt", occurredAt);
    }

    /** Detail keys only: cancel and fail reasons are free text that may describe a resident's health. */
    @Override
    public String toString() {
        return "MissionEvent[" + type.code() + " of mission " + missionId + " at " + occurredAt
                + ", vehicle " + vehicleId + ", by " + triggeredBy + ", detail keys " + details.keySet() + "]";
    }
}
