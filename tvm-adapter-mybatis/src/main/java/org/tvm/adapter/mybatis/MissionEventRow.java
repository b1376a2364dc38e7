package org.tvm.adapter.mybatis;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a mission_events row (createdAt = occurredAt; also the timeline with the triggering e-mail). Mapped to/from the domain in {@link DomainRows}. */
final class MissionEventRow {
    Long id;
    UUID facilityId;
    UUID missionId;
    UUID vehicleId;
    String eventType;
    JsonObject details;
    Instant createdAt;
    UUID createdByUserId;
    String triggeredByEmail;
}
