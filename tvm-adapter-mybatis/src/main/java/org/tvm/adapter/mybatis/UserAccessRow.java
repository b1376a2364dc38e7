package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: existence and effective-access state of a user. Mapped to/from the domain in {@link DomainRows}. */
final class UserAccessRow {
    UUID id;
    String status;
    Instant deletedAt;
}
