package org.tvm.adapter.mybatis.row;

import org.tvm.domain.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a vehicle_logs row. Mapped to/from the domain in {@code RowMapper}. */
public final class VehicleLogRow {
    Long id;
    public UUID facilityId;
    public UUID vehicleId;
    public String level;
    public String code;
    public String message;
    public JsonObject details;
    public Instant loggedAt;
}
