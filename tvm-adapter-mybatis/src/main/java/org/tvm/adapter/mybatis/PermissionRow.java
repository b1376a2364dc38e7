package org.tvm.adapter.mybatis;


/** Flat MyBatis row: a permission of a role. Mapped to/from the domain in {@link DomainRows}. */
final class PermissionRow {
    String roleName;
    String resource;
    String action;
}
