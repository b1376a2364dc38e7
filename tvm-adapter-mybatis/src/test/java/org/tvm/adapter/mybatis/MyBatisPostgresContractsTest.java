package org.tvm.adapter.mybatis;

import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;

/**
 * Every testkit contract against the MyBatis adapter on PostgreSQL + PostGIS, as the non-superuser application role
 * (all capabilities declared: nothing may be skipped).
 */
class MyBatisPostgresContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = MyBatisSubject.postgres();

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
