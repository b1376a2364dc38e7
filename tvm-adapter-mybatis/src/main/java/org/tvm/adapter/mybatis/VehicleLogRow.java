package org.tvm.adapter.mybatis;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a vehicle_logs row. Mapped to/from the domain in {@link DomainRows}. */
final class VehicleLogRow {
    Long id;
    UUID facilityId;
    UUID vehicleId;
    String level;
    String code;
    String message;
    JsonObject details;
    Instant loggedAt;
}
