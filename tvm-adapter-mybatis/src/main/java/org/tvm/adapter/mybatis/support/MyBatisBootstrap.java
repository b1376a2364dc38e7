package org.tvm.adapter.mybatis.support;

import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.AutoMappingUnknownColumnBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.JdbcType;
import org.tvm.adapter.mybatis.mapper.AccessMapper;
import org.tvm.adapter.mybatis.mapper.AdminMapper;
import org.tvm.adapter.mybatis.mapper.AuditMapper;
import org.tvm.adapter.mybatis.mapper.CommonMapper;
import org.tvm.adapter.mybatis.mapper.ContextMapper;
import org.tvm.adapter.mybatis.mapper.FacilityMapper;
import org.tvm.adapter.mybatis.mapper.MapMapper;
import org.tvm.adapter.mybatis.mapper.MissionMapper;
import org.tvm.adapter.mybatis.mapper.OperationsMapper;
import org.tvm.adapter.mybatis.mapper.ResidentMapper;
import org.tvm.adapter.mybatis.mapper.TelemetryMapper;
import org.tvm.adapter.mybatis.mapper.UserMapper;
import org.tvm.adapter.mybatis.mapper.VehicleMapper;
import org.tvm.adapter.mybatis.row.ActiveMissionRow;
import org.tvm.adapter.mybatis.row.AuditRow;
import org.tvm.adapter.mybatis.row.DataAccessRow;
import org.tvm.adapter.mybatis.row.FacilityRow;
import org.tvm.adapter.mybatis.row.FleetStatusRow;
import org.tvm.adapter.mybatis.row.LocationRow;
import org.tvm.adapter.mybatis.row.MapRow;
import org.tvm.adapter.mybatis.row.MissionEventRow;
import org.tvm.adapter.mybatis.row.MissionRow;
import org.tvm.adapter.mybatis.row.PermissionRow;
import org.tvm.adapter.mybatis.row.ResidentRow;
import org.tvm.adapter.mybatis.row.RoleRow;
import org.tvm.adapter.mybatis.row.TelemetryRow;
import org.tvm.adapter.mybatis.row.UserAccessRow;
import org.tvm.adapter.mybatis.row.UserRow;
import org.tvm.adapter.mybatis.row.VehicleLogRow;
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.adapter.mybatis.type.TypeHandlers;

/**
 * Builds the MyBatis {@link Configuration} in Java: a JDBC-transaction environment over the caller's DataSource, the
 * vendor databaseId provider (PostgreSQL -> postgresql, H2 -> h2), our type handlers and the mappers (registered by
 * class, so the XML at the same resource path is loaded). No second-level cache, local cache scope STATEMENT (a
 * transaction never serves a row it read earlier from a session cache), lazy loading off.
 */
public final class MyBatisBootstrap {

    /** Mapper interfaces; CommonMapper first because the others include its fragments. */
    static final List<Class<?>> MAPPERS = List.of(CommonMapper.class, ContextMapper.class, FacilityMapper.class,
            ResidentMapper.class, VehicleMapper.class, MissionMapper.class, TelemetryMapper.class, UserMapper.class,
            AccessMapper.class, AuditMapper.class, OperationsMapper.class, AdminMapper.class, MapMapper.class);

    private static final List<Class<?>> ROWS = List.of(FacilityRow.class, LocationRow.class, ResidentRow.class,
            VehicleRow.class, MissionRow.class, MissionEventRow.class, TelemetryRow.class, VehicleLogRow.class,
            UserRow.class, AuditRow.class, DataAccessRow.class, ActiveMissionRow.class, FleetStatusRow.class, RoleRow.class,
            PermissionRow.class, UserAccessRow.class, MapRow.class);

    private MyBatisBootstrap() {
    }

    public static SqlSessionFactory sessionFactory(DataSource dataSource, SqlDialect dialect, String environmentId) {
        Configuration c = new Configuration(new Environment(environmentId, new JdbcTransactionFactory(), dataSource));
        c.setDatabaseId(databaseIdProvider().getDatabaseId(dataSource));
        if (!dialect.databaseId().equals(c.getDatabaseId())) {
            throw new IllegalStateException("databaseId " + c.getDatabaseId() + " does not match dialect " + dialect);
        }
        c.setLazyLoadingEnabled(false);
        c.setAggressiveLazyLoading(false);
        c.setCacheEnabled(false);
        c.setLocalCacheScope(LocalCacheScope.STATEMENT);
        c.setMapUnderscoreToCamelCase(true);
        c.setAutoMappingBehavior(AutoMappingBehavior.FULL);
        c.setAutoMappingUnknownColumnBehavior(AutoMappingUnknownColumnBehavior.FAILING);
        c.setJdbcTypeForNull(JdbcType.NULL);
        c.setCallSettersOnNulls(false);
        c.setUseGeneratedKeys(false);
        c.setDefaultStatementTimeout(null);
        for (Class<?> row : ROWS) {
            c.getTypeAliasRegistry().registerAlias(row.getSimpleName(), row);
        }
        TypeHandlers.registerAll(c.getTypeHandlerRegistry(), dialect);
        for (Class<?> mapper : MAPPERS) {
            c.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(c);
    }

    static VendorDatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("PostgreSQL", "postgresql");
        vendors.setProperty("H2", "h2");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
