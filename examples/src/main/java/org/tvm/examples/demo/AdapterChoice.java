package org.tvm.examples.demo;

import java.util.Locale;
import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.maintenance.TvmMaintenance;

/**
 * The adapter the demo runs on: a tiny factory over the two adapters' public entry points. Both use the two demo-only
 * opt-outs: a throw-away per-process key for the sensitive fields, and the one login the demo migrates with (on
 * PostgreSQL often a superuser, which bypasses row-level security). Right for a demo, wrong for production: see the
 * wiring examples for a key ring and a separate application login.
 */
public enum AdapterChoice {
    /** Hibernate 7 ({@link JpaTvmPersistence}). */
    JPA,
    /** MyBatis 3.5 ({@link MyBatisTvmPersistence}). */
    MYBATIS;

    /** @return the lower-case name used on the command line ("jpa", "mybatis") */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param appDataSource the application's data source (on PostgreSQL a non-superuser role in production)
     * @return a new persistence over it; close it when done (the data source stays open)
     */
    public TvmPersistence open(DataSource appDataSource) {
        return switch (this) {
            case JPA -> JpaTvmPersistence.create(appDataSource, JpaTvmPersistence.Options.defaults()
                    .throwAwayKeyForTestsAndDemos().allowLoginBypassingRowLevelSecurity());
            case MYBATIS -> MyBatisTvmPersistence.create(appDataSource, MyBatisTvmPersistence.Options.defaults()
                    .throwAwayKeyForTestsAndDemos().allowLoginBypassingRowLevelSecurity());
        };
    }

    /**
     * @param adminDataSource a data source with the admin role ({@code tvm_admin} member or a superuser)
     * @return the administrative entry point over it; close it when done
     */
    public TvmAdministration administration(DataSource adminDataSource) {
        return switch (this) {
            case JPA -> JpaTvmPersistence.administration(adminDataSource);
            case MYBATIS -> MyBatisTvmPersistence.administration(adminDataSource);
        };
    }

    /**
     * @param adminDataSource a data source with the admin role ({@code tvm_admin} member or a superuser)
     * @return the data lifecycle job over it (on the system clock); close it when done
     */
    public TvmMaintenance maintenance(DataSource adminDataSource) {
        return switch (this) {
            case JPA -> JpaTvmPersistence.maintenance(adminDataSource);
            case MYBATIS -> MyBatisTvmPersistence.maintenance(adminDataSource);
        };
    }
}
