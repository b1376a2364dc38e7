package org.tvm.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmAdministration;

/** Administration, the audit linker and the startup migration, over the {@link TvmAdminDataSource}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(TvmAdminDataSource.class)
class TvmAdministrationConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    TvmAdministration tvmAdministration(TvmAdminDataSource admin, TvmProperties properties,
            ResourceLoader resourceLoader) {
        TvmProperties.Adapter adapter = TvmAdapters.choose(properties, resourceLoader.getClassLoader());
        return TvmAdapters.administration(adapter, admin.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tvm.audit", name = "link-enabled", havingValue = "true", matchIfMissing = true)
    TvmAuditLinker tvmAuditLinker(TvmAdministration administration, TvmProperties properties) {
        return new TvmAuditLinker(administration, properties.getAudit().getLinkInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tvm.migrations", name = "enabled", havingValue = "true")
    TvmAutoConfiguration.TvmStartupMigration tvmStartupMigration(TvmAdminDataSource admin) {
        return new TvmAutoConfiguration.TvmStartupMigration(TvmMigrations.migrate(admin.dataSource()));
    }
}
