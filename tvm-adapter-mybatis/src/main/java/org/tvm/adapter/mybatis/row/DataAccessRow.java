package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a data_access_logs row. Mapped to/from the domain in {@code RowMapper}. */
public final class DataAccessRow {
    Long id;
    public UUID facilityId;
    public UUID userId;
    public UUID residentId;
    public String accessType;
    public Instant accessedAt;
}
