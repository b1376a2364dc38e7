package org.tvm.adapter.mybatis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmPersistenceException;

/**
 * The only place in Java that knows which database is on the other side. SQL differences live in the mapper XML as
 * {@code databaseId="postgresql"} / {@code databaseId="h2"} variants (chosen by MyBatis' VendorDatabaseIdProvider);
 * this enum covers what is not SQL: binding of UUID/JSON/inet/geography values, publishing the context, the telemetry
 * bulk path, where distances are computed, and the declared capabilities.
 */
enum Dialect {

    POSTGRESQL("postgresql", EnumSet.allOf(Capability.class)),

    /** H2 (MODE=PostgreSQL): no RLS, partitions or geography; SKIP LOCKED works row by row (see MissionMapper.xml). */
    H2("h2", EnumSet.of(Capability.AT_REST_FIELD_ENCRYPTION, Capability.SKIP_LOCKED));

    private final String databaseId;
    private final Set<Capability> capabilities;

    Dialect(String databaseId, Set<Capability> capabilities) {
        this.databaseId = databaseId;
        this.capabilities = Set.copyOf(capabilities);
    }

    /** The MyBatis databaseId of the statements for this database. */
    String databaseId() {
        return databaseId;
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * Both publish the facility/actor context: PostgreSQL with set_config (RLS, audit triggers), H2 in session
     * variables for its audit triggers (see ContextMapper.xml).
     */
    boolean publishesContext() {
        return true;
    }

    /**
     * PostgreSQL refuses a mission for a soft-deleted resident inside the INSERT (migration V15, the foreign key's
     * error); on H2 the adapter checks first.
     */
    boolean missionInsertChecksResident() {
        return this == POSTGRESQL;
    }

    /** PostgreSQL applies SKIP LOCKED before LIMIT; H2 does not, so H2 claims row by row. */
    boolean skipLockedHonoursLimit() {
        return this == POSTGRESQL;
    }

    /** PostgreSQL computes spheroid distances with PostGIS; H2 gets haversine in Java. */
    boolean computesDistanceInDatabase() {
        return this == POSTGRESQL;
    }

    /** Values of jsonb/uuid/inet/geography columns are bound untyped ({@code Types.OTHER}) on PostgreSQL. */
    boolean bindsOtherTypes() {
        return this == POSTGRESQL;
    }

    static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new TvmPersistenceException("Cannot connect to detect the database product (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    static Dialect of(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("Unsupported database product '" + productName
                + "': the MyBatis adapter supports PostgreSQL (with PostGIS) and H2");
    }
}
