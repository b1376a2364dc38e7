package org.tvm.spring.boot;

import javax.sql.DataSource;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;

/** The MyBatis adapter's wiring; loaded only when tvm.adapter is mybatis. */
final class MyBatisAdapter {

    private MyBatisAdapter() {
    }

    static TvmPersistence persistence(DataSource dataSource, KeyRing keyRing, HostTransactions host, boolean bypassRls) {
        MyBatisTvmPersistence.Options options = MyBatisTvmPersistence.Options.defaults();
        options = keyRing == null ? options.throwAwayKeyForTestsAndDemos() : options.keyRing(keyRing);
        if (bypassRls) {
            options = options.allowLoginBypassingRowLevelSecurity();
        }
        return MyBatisTvmPersistence.create(dataSource, options.joinHostTransactions(host));
    }

    static TvmAdministration administration(DataSource adminDataSource) {
        return MyBatisTvmPersistence.administration(adminDataSource);
    }
}
