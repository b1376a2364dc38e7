package org.tvm.adapter.mybatis.row;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a mission_events row (createdAt = occurredAt; also the timeline with the triggering e-mail). Mapped to/from the domain in {@code RowMapper}. */
public final class MissionEventRow {
    Long id;
    public UUID facilityId;
    public UUID missionId;
    public UUID vehicleId;
    public String eventType;
    public JsonObject details;
    public Instant createdAt;
    public UUID createdByUserId;
    public String triggeredByEmail;
}
