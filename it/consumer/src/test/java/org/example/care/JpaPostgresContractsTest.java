package org.example.care;

import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.TestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** Every contract of the testkit against the JPA adapter on PostgreSQL; cleans up after itself, so it can repeat. */
class JpaPostgresContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = subject(TestDatabases.postgres());

    static PersistenceUnderTest subject(TestDatabase db) {
        return new JdbcPersistenceUnderTest("jpa/postgresql",
                JpaTvmPersistence.create(db.appDataSource(),
                        JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), // the application role: RLS applies
                JpaTvmPersistence.administration(db.adminDataSource()),   // facility creation, partitions
                db);
    }

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
