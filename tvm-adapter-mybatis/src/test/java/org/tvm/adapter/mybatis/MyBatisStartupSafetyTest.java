package org.tvm.adapter.mybatis;

import javax.sql.DataSource;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.contract.StartupSafetyContract;

class MyBatisStartupSafetyTest extends StartupSafetyContract {

    @Override
    protected TvmPersistence create(DataSource dataSource, boolean throwAwayKey, boolean allowBypassingRls) {
        MyBatisTvmPersistence.Options options = MyBatisTvmPersistence.Options.defaults();
        options = throwAwayKey ? options.throwAwayKeyForTestsAndDemos() : options;
        options = allowBypassingRls ? options.allowLoginBypassingRowLevelSecurity() : options;
        return MyBatisTvmPersistence.create(dataSource, options);
    }
}
