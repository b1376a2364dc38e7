package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a row of the active-missions dashboard (spec 8.1 query 1). Mapped to/from the domain in {@code RowMapper}. */
public final class ActiveMissionRow {
    public UUID id;
    public String status;
    public String priority;
    public String pickupLocation;
    public String dropoffLocation;
    public UUID residentId;
    public String residentName;
    public String vehicleName;
    public Instant createdAt;
}
