package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The snippet of tvm-migrations/README.md, run (ReadmeSnippetsTest in examples checks the README against it). */
class TvmMigrationsReadmeTest {

    @Test
    void theReadmeSnippetMigratesValidatesAndReports() {
        // tag::using-it[]
        JdbcDataSource dataSource = new JdbcDataSource();   // any DataSource: embedded H2 here, PostgreSQL in production
        dataSource.setURL("jdbc:h2:mem:readme;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        MigrationReport report = TvmMigrations.migrate(dataSource);   // picks the set from the JDBC product name
        TvmMigrations.validate(dataSource);                           // MigrationException if anything is off
        SchemaInfo info = TvmMigrations.info(dataSource);             // applied versions, pending count
        // end::using-it[]

        assertThat(report.migrationsExecuted()).isPositive();
        assertThat(info.pendingCount()).isZero();
        assertThat(info.currentVersion()).isEqualTo(report.targetVersion());
    }
}
