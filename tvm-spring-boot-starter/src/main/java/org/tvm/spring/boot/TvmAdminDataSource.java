package org.tvm.spring.boot;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The administrative data source (migrations, {@link org.tvm.ports.TvmAdministration}), held in its own type so it is
 * never a second {@code DataSource} bean: Boot's JDBC, transaction and Flyway auto-configurations keep finding exactly
 * one, the application's. Declare a bean of this type to supply your own pool.
 *
 * @param dataSource non-null data source of a login that may migrate and administer (member of {@code tvm_admin})
 */
public record TvmAdminDataSource(DataSource dataSource) {

    public TvmAdminDataSource {
        Objects.requireNonNull(dataSource, "dataSource");
    }
}
