package org.tvm.adapter.mybatis.mapper;

/** Reads the published context back (publication itself and the admin role: SqlDatabase). */
public interface ContextMapper {

    /** PostgreSQL only: the facility the database session currently carries (diagnostics and tests). */
    String currentFacility();
}
