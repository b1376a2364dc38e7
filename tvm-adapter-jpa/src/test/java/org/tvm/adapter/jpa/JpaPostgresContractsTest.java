package org.tvm.adapter.jpa;

import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;
import org.tvm.testkit.db.TestDatabases;

/**
 * Every testkit contract against the JPA adapter on PostgreSQL + PostGIS, as the non-superuser application role
 * (all capabilities declared: nothing may be skipped).
 */
class JpaPostgresContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = new JpaPersistenceUnderTest("jpa/postgresql",
            TestDatabases.postgres().appDataSource(), TestDatabases.postgres().adminDataSource());

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
