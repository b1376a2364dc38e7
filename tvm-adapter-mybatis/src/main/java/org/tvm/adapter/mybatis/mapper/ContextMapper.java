package org.tvm.adapter.mybatis.mapper;

/** Reads the published context back and assumes the admin role (publication itself: SqlDatabase.publishContext). */
public interface ContextMapper {

    /** PostgreSQL only: the facility the database session currently carries (diagnostics and tests). */
    String currentFacility();

    /** PostgreSQL only: {@code SET LOCAL ROLE tvm_admin} when the admin login is a non-superuser member of it. */
    String assumeAdminRole();
}
