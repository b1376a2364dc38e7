package org.tvm.ports.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.ResidentId;

/**
 * A finished mission moved to the archive by retention, with its events.
 *
 * @param missionId  the mission's id
 * @param facilityId its facility
 * @param finishedAt when it finished (completion time, or last update for cancelled and failed missions)
 * @param archivedAt when it was archived
 * @param eventCount how many events the document holds
 * @param document   {@code {"mission": {column: value, ...}, "events": [{column: value, ...}, ...]}} with the rows as
 *                   they were stored (uuids and instants as ISO text, details as JSON objects)
 */
public record ArchivedMission(MissionId missionId, FacilityId facilityId, Instant finishedAt, Instant archivedAt,
                              int eventCount, JsonObject document) {
    public ArchivedMission {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(archivedAt, "archivedAt");
        Objects.requireNonNull(document, "document");
    }

    /** Whether {@code document} is the archive of a mission of {@code residentId} (its {@code mission.resident_id}). */
    public static boolean isOfResident(JsonObject document, ResidentId residentId) {
        return document.members().get("mission") instanceof JsonObject mission
                && mission.members().get("resident_id") instanceof JsonValue.Text id
                && id.value().equals(residentId.toString());
    }

    /**
     * {@code document} with the free text about the resident erased, by the rule of
     * {@link Mission#residentTextErased} and {@link MissionEvent#residentTextErased(JsonObject)}: {@code mission.notes}
     * becomes null, a non-null {@code mission.failure_reason} becomes {@link Mission#ERASED_TEXT}, and so does every
     * event's {@code details.reason}. Every other member stays as stored (no version or time is touched: the archive
     * records the mission as it finished). Members the document lacks are not added.
     *
     * @return {@code document} itself when nothing in it holds such text
     */
    public static JsonObject residentTextErased(JsonObject document) {
        Map<String, JsonValue> members = new LinkedHashMap<>(document.members());
        boolean changed = false;
        if (members.get("mission") instanceof JsonObject mission) {
            Map<String, JsonValue> row = new LinkedHashMap<>(mission.members());
            if (row.get("notes") instanceof JsonValue.Text) {
                row.put("notes", JsonValue.Null.INSTANCE);
                changed = true;
            }
            if (row.get("failure_reason") instanceof JsonValue.Text reason && !reason.value().equals(Mission.ERASED_TEXT)) {
                row.put("failure_reason", new JsonValue.Text(Mission.ERASED_TEXT));
                changed = true;
            }
            members.put("mission", JsonObject.of(row));
        }
        if (members.get("events") instanceof JsonValue.Array events) {
            List<JsonValue> rows = new ArrayList<>(events.items().size());
            for (JsonValue event : events.items()) {
                if (event instanceof JsonObject e && e.members().get("details") instanceof JsonObject details
                        && MissionEvent.holdsResidentText(details)) {
                    Map<String, JsonValue> row = new LinkedHashMap<>(e.members());
                    row.put("details", MissionEvent.residentTextErased(details));
                    rows.add(JsonObject.of(row));
                    changed = true;
                } else {
                    rows.add(event);
                }
            }
            members.put("events", new JsonValue.Array(rows));
        }
        return changed ? JsonObject.of(members) : document;
    }
}
