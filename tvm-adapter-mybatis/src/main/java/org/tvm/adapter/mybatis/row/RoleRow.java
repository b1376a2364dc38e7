package org.tvm.adapter.mybatis.row;



/** Flat MyBatis row: a roles row. Mapped to/from the domain in {@code RowMapper}. */
public final class RoleRow {
    public String name;
    public String description;
}
