package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Flat MyBatis row: a vehicle_logs row. Mapped to/from the domain in {@link DomainRows}. */
final class VehicleLogRow {
    Long id;
    UUID facilityId;
    UUID vehicleId;
    String level;
    String code;
    String message;
    Map<String, String> details;
    Instant loggedAt;
}
