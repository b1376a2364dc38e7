package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;
import org.tvm.domain.GeoPoint;

/** Flat MyBatis row: a locations row. Mapped to/from the domain in {@link DomainRows}. */
final class LocationRow {
    UUID id;
    UUID facilityId;
    String name;
    String kind;
    GeoPoint coordinates;
    String zone;
    Instant createdAt;
    Instant updatedAt;
}
