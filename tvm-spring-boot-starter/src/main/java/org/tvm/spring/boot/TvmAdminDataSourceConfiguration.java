package org.tvm.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin pool from {@code tvm.admin.datasource.*}, unless the application declares its own {@link TvmAdminDataSource}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tvm.admin.datasource", name = "url")
@ConditionalOnMissingBean(TvmAdminDataSource.class)
class TvmAdminDataSourceConfiguration {

    @Bean(destroyMethod = "")
    TvmAdminDataSource tvmAdminDataSource(TvmProperties properties) {
        TvmProperties.Datasource settings = properties.getAdmin().getDatasource();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("tvm-admin");
        pool.setJdbcUrl(settings.getUrl());
        pool.setUsername(settings.getUsername());
        pool.setPassword(settings.getPassword());
        pool.setMaximumPoolSize(settings.getMaximumPoolSize());
        pool.setMinimumIdle(0);
        return new TvmAdminDataSource(pool);
    }

    @Bean(destroyMethod = "close")
    HikariDataSourceCloser tvmAdminDataSourceCloser(TvmAdminDataSource admin) {
        return new HikariDataSourceCloser(admin.dataSource());
    }
}

/** Closes the admin pool this configuration created (an application's own TvmAdminDataSource is left alone). */
record HikariDataSourceCloser(DataSource dataSource) implements AutoCloseable {
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
