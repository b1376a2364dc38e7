package org.tvm.adapter.mybatis;

/** Publishes the facility/actor context to the database session (transaction-local) and reads it back. */
interface ContextMapper {

    /** PostgreSQL only: the first statement of every transaction. */
    ContextRow publish(String facilityId, String actorId);

    /** PostgreSQL only: the facility the database session currently carries (diagnostics and tests). */
    String currentFacility();

    /** PostgreSQL only: {@code SET LOCAL ROLE tvm_admin} when the admin login is a non-superuser member of it. */
    String assumeAdminRole();
}
