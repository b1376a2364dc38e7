package org.tvm.domain.mission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;

/**
 * One immutable entry of a mission's timeline (audit trail). Produced by {@link Mission}'s
 * transitions so the state change and its record can never disagree.
 *
 * @param detailsJson the stored {@code details} document, any JSON object within {@link JsonObject}'s limits
 *                    (e.g. {@code {"vehicle_id": ...}}, {@code {"reason": ...}}, {@code {"retry_count": 2}});
 *                    null means empty
 * @param triggeredBy the acting user, null for system/robot-triggered events
 */
public record MissionEvent(MissionId missionId, FacilityId facilityId, MissionEventType type, VehicleId vehicleId,
                           JsonObject detailsJson, Instant occurredAt, UserId triggeredBy) {

    private static final String E = "MissionEvent";
    /** The detail of cancel and fail events that holds free text (see {@link Mission#cancel}, {@link Mission#fail}). */
    private static final String REASON = "reason";
    private static final JsonValue ERASED = new JsonValue.Text(Mission.ERASED_TEXT);

    public MissionEvent {
        DomainChecks.required(E, "missionId", missionId);
        DomainChecks.required(E, "facilityId", facilityId);
        DomainChecks.required(E, "type", type);
        detailsJson = JsonObject.validated(detailsJson, E, "details");
        occurredAt = DomainChecks.instant(E, "occurredAt", occurredAt);
    }

    /** Text-valued details (keys not blank, values not null), as the domain's own transitions record them. */
    public MissionEvent(MissionId missionId, FacilityId facilityId, MissionEventType type, VehicleId vehicleId,
                        Map<String, String> details, Instant occurredAt, UserId triggeredBy) {
        this(missionId, facilityId, type, vehicleId,
                JsonObject.of(DomainChecks.details(E, "details", details), E, "details"), occurredAt, triggeredBy);
    }

    /** Flat text view of {@link #detailsJson()} (see {@link JsonObject#asText()}). */
    public Map<String, String> details() {
        return detailsJson.asText();
    }

    /** Whether the details hold a {@code reason} (free text about the resident) that erasure has not replaced yet. */
    public boolean holdsResidentText() {
        return holdsResidentText(detailsJson);
    }

    /** This event with its {@code reason} detail replaced by {@link Mission#ERASED_TEXT}; every other field stays. */
    public MissionEvent residentTextErased() {
        return holdsResidentText() ? new MissionEvent(missionId, facilityId, type, vehicleId,
                residentTextErased(detailsJson), occurredAt, triggeredBy) : this;
    }

    /** {@link #holdsResidentText()} for a stored details document (adapters that rewrite it themselves). */
    public static boolean holdsResidentText(JsonObject details) {
        return details != null && details.get(REASON).filter(v -> !v.equals(ERASED)).isPresent();
    }

    /** {@link #residentTextErased()} for a stored details document: only the {@code reason} member changes. */
    public static JsonObject residentTextErased(JsonObject details) {
        if (!holdsResidentText(details)) {
            return details;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>(details.members());
        members.put(REASON, ERASED);
        return JsonObject.of(members, E, "details");
    }

    /** Detail keys only: cancel and fail reasons are free text that may describe a resident's health. */
    @Override
    public String toString() {
        return "MissionEvent[" + type.code() + " of mission " + missionId + " at " + occurredAt
                + ", vehicle " + vehicleId + ", by " + triggeredBy + ", detail keys " + detailsJson.members().keySet() + "]";
    }
}
