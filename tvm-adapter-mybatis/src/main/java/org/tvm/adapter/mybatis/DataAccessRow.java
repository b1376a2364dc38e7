package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a data_access_logs row. Mapped to/from the domain in {@link DomainRows}. */
final class DataAccessRow {
    Long id;
    UUID facilityId;
    UUID userId;
    UUID residentId;
    String accessType;
    Instant accessedAt;
}
