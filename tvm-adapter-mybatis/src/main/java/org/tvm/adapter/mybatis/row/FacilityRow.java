package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a facilities row. Mapped to/from the domain in {@code RowMapper}. */
public final class FacilityRow {
    public UUID id;
    public String name;
    public String address;
    public String timezone;
    public Instant createdAt;
    public Instant updatedAt;
}
