package org.tvm.testkit.db;

import javax.sql.DataSource;

/**
 * One migrated test database, the same shape on PostgreSQL and H2: an application pool for the persistence under test
 * and an administrative pool for migrations, the administration and the contracts' raw checks. On H2 both are the same
 * pool (H2 has no row-level security).
 */
public interface TestDatabase extends AutoCloseable {

    /** @return the pool the persistence runs on: a non-superuser login granted {@code tvm_app} on PostgreSQL */
    DataSource appDataSource();

    /** @return the administrative pool: a superuser on PostgreSQL (migrations, administration, raw reads) */
    DataSource adminDataSource();

    /** @return the JDBC URL of this database, without credentials */
    String jdbcUrl();

    /**
     * Releases this database: closes the pools, and drops the database unless it is a persistent one. Idempotent.
     */
    @Override
    void close();
}
