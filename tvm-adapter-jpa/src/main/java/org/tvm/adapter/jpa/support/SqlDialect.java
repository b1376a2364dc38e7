package org.tvm.adapter.jpa.support;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.locationtech.jts.geom.Geometry;
import org.tvm.adapter.sql.GeometryCodec;
import org.tvm.ports.Capability;
import org.tvm.adapter.sql.SqlDatabase;

/**
 * Everything that differs between PostgreSQL (+PostGIS) and H2, in one place (the Quartz
 * {@code StdJDBCDelegate}/{@code PostgreSQLDelegate} habit): collation, row locking, column types
 * that H2 spells differently (geography, inet) and partition handling.
 */
public abstract class SqlDialect {

    public static SqlDialect detect(DataSource dataSource) {
        return SqlDatabase.detect(dataSource) == SqlDatabase.POSTGRESQL ? new Postgres() : new H2();
    }

    /** @return the database this dialect speaks to (capabilities, context publication and the admin role live there, shared) */
    public abstract SqlDatabase database();

    /** Binary (code point) collation suffix for ORDER BY / keyset comparisons of text columns. */
    public abstract String collateC();

    /** A JDBC parameter placeholder that accepts JSON text for a json/jsonb column. */
    public abstract String jsonParameter();

    /** A JDBC parameter placeholder that accepts an IP literal for an inet (PostgreSQL) / varchar (H2) column. */
    public abstract String inetParameter();

    /** A point column's value from the named parameter {@code :name}, bound as EWKT text ({@code GeometryCodec.ewkt}). */
    public abstract String pointParameter(String name);

    /**
     * {@code update} (an UPDATE of one table) returning the stored value of {@code column} as its one result column, in
     * the same statement.
     */
    public abstract String returning(String update, String column);

    /** Native SQL (parameter :f) selecting the latest telemetry row of every non-deleted vehicle of the facility. */
    public abstract String latestTelemetryPerVehicleSql();

    /**
     * @return whether the database itself refuses a mission for a soft-deleted resident in the INSERT (PostgreSQL,
     *         migration V15, same error as the foreign key); otherwise the adapter checks first
     */
    public abstract boolean missionInsertChecksResident();

    /** @return whether {@code LIMIT n FOR UPDATE SKIP LOCKED} returns n unlocked rows (PostgreSQL) or not (H2) */
    public abstract boolean skipLockedHonoursLimit();

    /** Row-lock clause of claimNextPending. */
    public abstract String lockSkipLocked();

    /** Type contributions needed to map the entity model onto this database's columns. */
    abstract TypeContributor typeContributor();

    public abstract void ensureTelemetryPartitions(Connection connection, YearMonth from, YearMonth to) throws SQLException;

    public abstract List<String> dropTelemetryPartitionsBefore(Connection connection, YearMonth month) throws SQLException;

    public abstract void refreshMissionSummary(Connection connection) throws SQLException;

    /** @return whether nearestAvailable computes distances in SQL (PostGIS) rather than in Java (haversine) */
    public boolean spatialInDatabase() {
        return database().capabilities().contains(Capability.SPATIAL_DISTANCE);
    }

    static Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    // ================================================================== PostgreSQL + PostGIS

    public static final class Postgres extends SqlDialect {


        @Override
        public SqlDatabase database() {
            return SqlDatabase.POSTGRESQL;
        }

        @Override
        public String collateC() {
            return " COLLATE \"C\"";
        }

        @Override
        public String lockSkipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        public boolean skipLockedHonoursLimit() {
            return true;
        }

        @Override
        public String jsonParameter() {
            return "CAST(? AS jsonb)";
        }

        /** One index probe per vehicle (idx_telemetry_vehicle_timestamp) instead of scanning the facility's history. */
        @Override
        public String latestTelemetryPerVehicleSql() {
            return "SELECT t.* FROM vehicles v CROSS JOIN LATERAL (SELECT * FROM telemetry x WHERE x.vehicle_id = v.id "
                    + "AND x.facility_id = v.facility_id ORDER BY x.timestamp DESC, x.id DESC LIMIT 1) t "
                    + "WHERE v.facility_id = :f AND v.deleted_at IS NULL";
        }

        @Override
        public String inetParameter() {
            return "CAST(? AS inet)";
        }

        @Override
        public String pointParameter(String name) {
            return "CAST(:" + name + " AS geography)";
        }

        @Override
        public String returning(String update, String column) {
            return update + " RETURNING " + column;
        }

        @Override
        public boolean missionInsertChecksResident() {
            return true;
        }

        @Override
        TypeContributor typeContributor() {
            return (contributions, registry) -> { };
        }

        @Override
        public void ensureTelemetryPartitions(Connection connection, YearMonth from, YearMonth to) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT tvm_ensure_telemetry_partitions(?, ?)")) {
                ps.setObject(1, from.atDay(1));
                ps.setObject(2, to.atDay(1));
                ps.execute();
            }
        }

        @Override
        public List<String> dropTelemetryPartitionsBefore(Connection connection, YearMonth month) throws SQLException {
            List<String> dropped = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM tvm_drop_telemetry_partitions_before(?)")) {
                ps.setObject(1, month.atDay(1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(rs.getString(1));
                    }
                }
            }
            return List.copyOf(dropped);
        }

        @Override
        public void refreshMissionSummary(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY mission_summary");
            }
        }
    }

    // ================================================================== H2 (MODE=PostgreSQL)

    public static final class H2 extends SqlDialect {

        @Override
        public SqlDatabase database() {
            return SqlDatabase.H2;
        }

        /** H2 compares VARCHAR by Java String order (UTF-16 code units; equal to code point order within the BMP). */
        @Override
        public String collateC() {
            return "";
        }

        @Override
        public String lockSkipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        public boolean skipLockedHonoursLimit() {
            return false;
        }

        @Override
        public String jsonParameter() {
            return "? FORMAT JSON";
        }

        @Override
        public String latestTelemetryPerVehicleSql() {
            return "SELECT x.* FROM telemetry x JOIN vehicles v ON v.id = x.vehicle_id AND v.facility_id = x.facility_id "
                    + "WHERE x.facility_id = :f AND v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM telemetry y "
                    + "WHERE y.vehicle_id = x.vehicle_id AND y.facility_id = x.facility_id AND (y.timestamp > x.timestamp "
                    + "OR (y.timestamp = x.timestamp AND y.id > x.id)))";
        }

        @Override
        public String inetParameter() {
            return "?";
        }

        @Override
        public String pointParameter(String name) {
            return ":" + name;
        }

        @Override
        public String returning(String update, String column) {
            return "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
        }

        @Override
        public boolean missionInsertChecksResident() {
            return false;
        }

        /** H2 has no JSON field operator: the document comes back as text and is parsed. */
        @Override
        TypeContributor typeContributor() {
            return (contributions, registry) -> {
                var dialect = registry.requireService(org.hibernate.engine.jdbc.env.spi.JdbcEnvironment.class).getDialect();
                contributions.contributeJdbcType(H2GeometryAsGeography.INSTANCE);
                contributions.contributeJdbcType(H2InetAsVarchar.INSTANCE);
                contributions.getTypeConfiguration().getDdlTypeRegistry()
                        .addDescriptor(new DdlTypeImpl(SqlTypes.GEOGRAPHY, "geometry", dialect));
            };
        }

        @Override
        public void ensureTelemetryPartitions(Connection connection, YearMonth from, YearMonth to) {
            // documented no-op without PARTITIONED_TELEMETRY
        }

        @Override
        public List<String> dropTelemetryPartitionsBefore(Connection connection, YearMonth month) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM telemetry WHERE timestamp < ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(monthStart(month), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return List.of();
        }

        @Override
        public void refreshMissionSummary(Connection connection) {
            // mission_summary is a plain view on H2: always current
        }
    }

    /**
     * The entity model says {@code GEOGRAPHY} (PostGIS); H2's column is {@code GEOMETRY(POINT, 4326)}. Binds EWKT text
     * (H2 converts it) and reads the JTS geometry H2 returns (or its EWKT text).
     */
    static final class H2GeometryAsGeography implements JdbcType {
        private static final long serialVersionUID = 1L;
        static final H2GeometryAsGeography INSTANCE = new H2GeometryAsGeography();

        @Override
        public int getJdbcTypeCode() {
            return Types.OTHER;
        }

        @Override
        public int getDefaultSqlTypeCode() {
            return SqlTypes.GEOGRAPHY;
        }

        @Override
        public boolean isSpatial() {
            return true;
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new BasicBinder<>(javaType, this) {
                private static final long serialVersionUID = 1L;

                @Override
                protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                    st.setString(index, ewkt(getJavaType().unwrap(value, Geometry.class, options)));
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                    st.setString(name, ewkt(getJavaType().unwrap(value, Geometry.class, options)));
                }
            };
        }

        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return new BasicExtractor<>(javaType, this) {
                private static final long serialVersionUID = 1L;

                @Override
                protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                    return getJavaType().wrap(geometry(rs.getObject(index)), options);
                }

                @Override
                protected X doExtract(CallableStatement st, int index, WrapperOptions options) throws SQLException {
                    return getJavaType().wrap(geometry(st.getObject(index)), options);
                }

                @Override
                protected X doExtract(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                    return getJavaType().wrap(geometry(st.getObject(name)), options);
                }
            };
        }

        static String ewkt(Geometry g) {
            return GeometryCodec.ewkt(g);
        }

        static Geometry geometry(Object value) throws SQLException {
            try {
                return GeometryCodec.read(value);
            } catch (IllegalArgumentException e) {
                throw new SQLException("unreadable geometry", e);
            }
        }
    }

    /** The entity model says {@code INET} (PostgreSQL); H2's column is {@code VARCHAR(45)}. */
    static final class H2InetAsVarchar extends VarcharJdbcType {
        private static final long serialVersionUID = 1L;
        static final H2InetAsVarchar INSTANCE = new H2InetAsVarchar();

        @Override
        public int getDefaultSqlTypeCode() {
            return SqlTypes.INET;
        }

        @Override
        public int getDdlTypeCode() {
            return Types.VARCHAR;
        }
    }
}
