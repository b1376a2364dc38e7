package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a facilities row. Mapped to/from the domain in {@link DomainRows}. */
final class FacilityRow {
    UUID id;
    String name;
    String address;
    String timezone;
    Instant createdAt;
    Instant updatedAt;
}
