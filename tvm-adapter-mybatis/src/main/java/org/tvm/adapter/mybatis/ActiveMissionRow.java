package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a row of the active-missions dashboard (spec 8.1 query 1). Mapped to/from the domain in {@link DomainRows}. */
final class ActiveMissionRow {
    UUID id;
    String status;
    String priority;
    String pickupLocation;
    String dropoffLocation;
    UUID residentId;
    String residentName;
    String vehicleName;
    Instant createdAt;
}
