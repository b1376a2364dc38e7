package org.tvm.adapter.jpa;

import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.TvmAdministration;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * Every testkit contract against the JPA adapter on PostgreSQL + PostGIS, as the non-superuser application role
 * (all capabilities declared: nothing may be skipped).
 */
class JpaPostgresContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = postgres();

    private static PersistenceUnderTest postgres() {
        PostgresTestDatabase db = TestDatabases.postgres();
        TvmAdministration admin = JpaTvmPersistence.administration(db.adminDataSource());
        return new JdbcPersistenceUnderTest("jpa/postgresql", JpaTvmPersistence.create(db.appDataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), admin, db.appDataSource(), db.adminDataSource())
                .withMaintenance(clock -> JdbcTvmMaintenance.create(db.adminDataSource(), admin, false, clock));
    }

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
