package org.tvm.adapter.jpa;

import javax.sql.DataSource;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.contract.StartupSafetyContract;

class JpaStartupSafetyTest extends StartupSafetyContract {

    @Override
    protected TvmPersistence create(DataSource dataSource, boolean throwAwayKey, boolean allowBypassingRls) {
        JpaTvmPersistence.Options options = JpaTvmPersistence.Options.defaults();
        options = throwAwayKey ? options.throwAwayKeyForTestsAndDemos() : options;
        options = allowBypassingRls ? options.allowLoginBypassingRowLevelSecurity() : options;
        return JpaTvmPersistence.create(dataSource, options);
    }
}
