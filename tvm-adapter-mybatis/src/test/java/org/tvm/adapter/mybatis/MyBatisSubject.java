package org.tvm.adapter.mybatis;

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
        return new JdbcPersistenceUnderTest("mybatis/postgresql", MyBatisTvmPersistence.create(db.appDataSource(), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()),
                MyBatisTvmPersistence.administration(db.adminDataSource()), db.appDataSource(), db.adminDataSource());
    }

    static JdbcPersistenceUnderTest h2() {
        H2TestDatabase db = TestDatabases.h2();
        return new JdbcPersistenceUnderTest("mybatis/h2", MyBatisTvmPersistence.create(db.dataSource(), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()),
                MyBatisTvmPersistence.administration(db.dataSource()), db.dataSource(), db.dataSource());
    }
}
