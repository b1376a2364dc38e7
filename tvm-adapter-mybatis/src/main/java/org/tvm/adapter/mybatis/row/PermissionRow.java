package org.tvm.adapter.mybatis.row;



/** Flat MyBatis row: a permission of a role. Mapped to/from the domain in {@code RowMapper}. */
public final class PermissionRow {
    String roleName;
    public String resource;
    public String action;
}
