package org.tvm.spring.boot;

import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;

/** The JPA adapter's wiring; loaded only when tvm.adapter is jpa. */
final class JpaAdapter {

    private JpaAdapter() {
    }

    static TvmPersistence persistence(DataSource dataSource, KeyRing keyRing, HostTransactions host, boolean bypassRls) {
        JpaTvmPersistence.Options options = JpaTvmPersistence.Options.defaults();
        options = keyRing == null ? options.throwAwayKeyForTestsAndDemos() : options.keyRing(keyRing);
        if (bypassRls) {
            options = options.allowLoginBypassingRowLevelSecurity();
        }
        return JpaTvmPersistence.create(dataSource, options.joinHostTransactions(host));
    }

    static TvmAdministration administration(DataSource adminDataSource) {
        return JpaTvmPersistence.administration(adminDataSource);
    }
}
