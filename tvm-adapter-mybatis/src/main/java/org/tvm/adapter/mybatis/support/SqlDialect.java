package org.tvm.adapter.mybatis.support;

import javax.sql.DataSource;
import org.tvm.adapter.mybatis.mapper.MissionMapper;
import org.tvm.adapter.sql.SqlDatabase;

/**
 * The only place in Java that knows which database is on the other side. SQL differences live in the mapper XML as
 * {@code databaseId="postgresql"} / {@code databaseId="h2"} variants (MyBatisBootstrap sets the databaseId from this enum);
 * this enum covers what is not SQL: binding of UUID/JSON/inet/geography values, the telemetry bulk path and where
 * distances are computed. Detection, capabilities and context publication are shared ({@link SqlDatabase}).
 */
public enum SqlDialect {

    POSTGRESQL("postgresql", SqlDatabase.POSTGRESQL),

    /** H2 (MODE=PostgreSQL): no RLS, partitions or geography; SKIP LOCKED works row by row (see MissionMapper.xml). */
    H2("h2", SqlDatabase.H2);

    private final String databaseId;
    private final SqlDatabase database;

    SqlDialect(String databaseId, SqlDatabase database) {
        this.databaseId = databaseId;
        this.database = database;
    }

    /** The MyBatis databaseId of the statements for this database. */
    public String databaseId() {
        return databaseId;
    }

    /** The database (capabilities and context publication are shared with the JPA adapter there). */
    public SqlDatabase database() {
        return database;
    }

    /**
     * PostgreSQL refuses a mission for a soft-deleted resident inside the INSERT (migration V15, the foreign key's
     * error); on H2 the adapter checks first.
     */
    public boolean missionInsertChecksResident() {
        return this == POSTGRESQL;
    }

    /** PostgreSQL applies SKIP LOCKED before LIMIT; H2 does not, so H2 claims row by row. */
    public boolean skipLockedHonoursLimit() {
        return this == POSTGRESQL;
    }

    /** PostgreSQL computes spheroid distances with PostGIS; H2 gets haversine in Java. */
    public boolean computesDistanceInDatabase() {
        return this == POSTGRESQL;
    }

    /** Values of jsonb/uuid/inet/geography columns are bound untyped ({@code Types.OTHER}) on PostgreSQL. */
    public boolean bindsOtherTypes() {
        return this == POSTGRESQL;
    }

    public static SqlDialect of(DataSource dataSource) {
        return SqlDatabase.detect(dataSource) == SqlDatabase.POSTGRESQL ? POSTGRESQL : H2;
    }
}
