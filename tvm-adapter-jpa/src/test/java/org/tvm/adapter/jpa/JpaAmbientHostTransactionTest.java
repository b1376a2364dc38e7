package org.tvm.adapter.jpa;

import javax.sql.DataSource;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.contract.AmbientHostTransactionContract;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

class JpaAmbientHostTransactionTest extends AmbientHostTransactionContract {

    private static final PostgresTestDatabase DB = TestDatabases.postgres();
    private static final TvmAdministration ADMIN = JpaTvmPersistence.administration(DB.adminDataSource());

    @Override
    protected TvmPersistence persistenceJoining(HostTransactions hostTransactions) {
        return JpaTvmPersistence.create(DB.appDataSource(), JpaTvmPersistence.Options.defaults()
                .throwAwayKeyForTestsAndDemos().joinHostTransactions(hostTransactions));
    }

    @Override
    protected TvmAdministration administration() {
        return ADMIN;
    }

    @Override
    protected DataSource applicationDataSource() {
        return DB.appDataSource();
    }
}
