package org.tvm.ports.maintenance;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.mission.MissionId;

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
}
