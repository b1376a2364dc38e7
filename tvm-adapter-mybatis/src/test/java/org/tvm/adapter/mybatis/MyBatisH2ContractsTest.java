package org.tvm.adapter.mybatis;

import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;

/**
 * Every testkit contract against the MyBatis adapter on embedded H2 (capabilities H2 lacks show as skipped).
 */
class MyBatisH2ContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = MyBatisSubject.h2();

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
