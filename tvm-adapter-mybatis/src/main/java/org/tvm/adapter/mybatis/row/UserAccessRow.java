package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: existence and effective-access state of a user. Mapped to/from the domain in {@code RowMapper}. */
public final class UserAccessRow {
    UUID id;
    public String status;
    public Instant deletedAt;
}
