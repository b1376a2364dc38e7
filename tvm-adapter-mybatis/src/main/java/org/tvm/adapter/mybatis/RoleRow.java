package org.tvm.adapter.mybatis;


/** Flat MyBatis row: a roles row. Mapped to/from the domain in {@link DomainRows}. */
final class RoleRow {
    String name;
    String description;
}
