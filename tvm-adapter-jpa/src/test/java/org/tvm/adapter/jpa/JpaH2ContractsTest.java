package org.tvm.adapter.jpa;

import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.TvmAdministration;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.TestDatabases;

/**
 * Every testkit contract against the JPA adapter on embedded H2 (capabilities H2 lacks show as skipped).
 */
class JpaH2ContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = h2();

    private static PersistenceUnderTest h2() {
        var db = TestDatabases.h2();
        TvmAdministration admin = JpaTvmPersistence.administration(db.dataSource());
        return new JdbcPersistenceUnderTest("jpa/h2", JpaTvmPersistence.create(db.dataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), admin, db.dataSource(), db.dataSource())
                .withMaintenance(clock -> JdbcTvmMaintenance.create(db.dataSource(), admin, false, clock));
    }

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
