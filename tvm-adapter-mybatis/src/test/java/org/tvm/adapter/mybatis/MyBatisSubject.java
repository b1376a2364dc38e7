package org.tvm.adapter.mybatis;

import org.tvm.adapter.sql.JdbcTvmMaintenance;
import org.tvm.ports.TvmAdministration;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The MyBatis adapter as a contract subject, over the testkit's databases (app role + admin role on PostgreSQL). */
final class MyBatisSubject {

    private MyBatisSubject() {
    }

    static JdbcPersistenceUnderTest postgres() {
        PostgresTestDatabase db = TestDatabases.postgres();
        TvmAdministration admin = MyBatisTvmPersistence.administration(db.adminDataSource());
        return new JdbcPersistenceUnderTest("mybatis/postgresql", MyBatisTvmPersistence.create(db.appDataSource(), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), admin, db.appDataSource(), db.adminDataSource())
                .withMaintenance(clock -> JdbcTvmMaintenance.create(db.adminDataSource(), admin, false, clock));
    }

    static JdbcPersistenceUnderTest h2() {
        H2TestDatabase db = TestDatabases.h2();
        TvmAdministration admin = MyBatisTvmPersistence.administration(db.dataSource());
        return new JdbcPersistenceUnderTest("mybatis/h2", MyBatisTvmPersistence.create(db.dataSource(), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), admin, db.dataSource(), db.dataSource())
                .withMaintenance(clock -> JdbcTvmMaintenance.create(db.dataSource(), admin, false, clock));
    }
}
