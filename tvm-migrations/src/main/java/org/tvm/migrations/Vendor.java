package org.tvm.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The databases the TVM schema ships migrations for. Each vendor has its own Flyway location
 * (plain Flyway does not expand {@code {vendor}} placeholders, so the location is chosen here).
 */
public enum Vendor {

    /** PostgreSQL 15+ with PostGIS 3: the schema of record (RLS, partitions, roles, geography). */
    POSTGRESQL("db/tvm/postgresql"),

    /**
     * H2 2.x in {@code MODE=PostgreSQL} (recommended URL options:
     * {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}): the embedded demo and
     * fast test tier. Same tables and columns where H2 can express them; never a production target.
     */
    H2("db/tvm/h2");

    private final String location;

    Vendor(String location) {
        this.location = location;
    }

    /** @return the classpath folder holding this vendor's migrations, e.g. {@code db/tvm/postgresql} */
    public String location() {
        return location;
    }

    /**
     * Maps a JDBC {@link java.sql.DatabaseMetaData#getDatabaseProductName() product name} to a vendor.
     *
     * @param productName the product name reported by the driver, not null
     * @return the vendor
     * @throws IllegalArgumentException when the product is not supported
     */
    public static Vendor fromProductName(String productName) {
        Objects.requireNonNull(productName, "productName");
        String name = productName.trim().toLowerCase(Locale.ROOT);
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException(
                "Unsupported database '" + productName + "': TVM migrations exist for PostgreSQL and H2 only");
    }

    /**
     * Detects the vendor of a data source by opening one connection and reading its metadata.
     *
     * @param dataSource the data source, not null
     * @return the vendor
     * @throws IllegalArgumentException when the database product is not supported
     * @throws MigrationException when no connection can be obtained
     */
    public static Vendor detect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new MigrationException("Cannot connect to detect the database vendor: " + e.getMessage(), e);
        }
    }
}
