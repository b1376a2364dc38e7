package org.tvm.spring.boot;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.tvm.migrations.MigrationReport;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;

/**
 * Auto-configures TVM Persistence on the application's single {@code DataSource}: the adapter chosen by
 * {@code tvm.adapter}, joining Spring transactions ({@link SpringHostTransactions}); with
 * {@code tvm.admin.datasource.url}, an admin pool ({@link TvmAdminDataSource}), {@link TvmAdministration} and, with
 * {@code tvm.migrations.enabled=true}, the TVM migrations at startup (before the persistence is created, which checks
 * the login against the schema). Every bean backs off when the application declares its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(TvmProperties.class)
// in this order: the administration is conditional on the admin data source being defined first
@Import({TvmAdminDataSourceConfiguration.class, TvmAdministrationConfiguration.class})
public class TvmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SpringHostTransactions tvmHostTransactions(DataSource dataSource) {
        return new SpringHostTransactions(dataSource);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    TvmPersistence tvmPersistence(DataSource dataSource, TvmProperties properties,
            SpringHostTransactions hostTransactions, ObjectProvider<TvmStartupMigration> migration,
            ResourceLoader resourceLoader) {
        migration.ifAvailable(m -> { }); // the schema is migrated before the adapter inspects it
        TvmProperties.Adapter adapter = TvmAdapters.choose(properties, resourceLoader.getClassLoader());
        return TvmAdapters.persistence(adapter, dataSource, TvmAdapters.keyRing(properties), hostTransactions, properties);
    }

    /** The migrations run at startup; present when {@code tvm.migrations.enabled=true}. */
    public static final class TvmStartupMigration {
        private final MigrationReport report;

        TvmStartupMigration(MigrationReport report) {
            this.report = report;
        }

        /** @return what the startup migration did */
        public MigrationReport report() {
            return report;
        }
    }
}
