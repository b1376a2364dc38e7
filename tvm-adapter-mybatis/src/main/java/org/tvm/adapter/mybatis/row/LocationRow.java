package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;
import org.tvm.domain.GeoPoint;

/** Flat MyBatis row: a locations row. Mapped to/from the domain in {@code RowMapper}. */
public final class LocationRow {
    public UUID id;
    public UUID facilityId;
    public String name;
    public String kind;
    public GeoPoint coordinates;
    public String zone;
    public Instant createdAt;
    public Instant updatedAt;
}
