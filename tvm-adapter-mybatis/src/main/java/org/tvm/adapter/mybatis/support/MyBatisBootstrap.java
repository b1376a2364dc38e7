package org.tvm.adapter.mybatis.support;

import javax.sql.DataSource;
import org.apache.ibatis.io.ResolverUtil;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.AutoMappingUnknownColumnBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.JdbcType;
import org.tvm.adapter.mybatis.type.TypeHandlers;

/**
 * Builds the MyBatis {@link Configuration} in Java: a JDBC-transaction environment over the caller's DataSource, the
 * vendor databaseId provider (PostgreSQL -> postgresql, H2 -> h2), our type handlers, every row class of the
 * {@code row} package as a type alias of its simple name, and every mapper interface of the {@code mapper} package
 * (registered by class, so the XML at the same resource path is loaded). Registering by package, with MyBatis' own
 * lookup, spares a hand-kept list: a new table's row and mapper only have to sit in their packages
 * ({@code MapperTablesTest} checks that every mapper XML is registered and every table used). No second-level cache,
 * local cache scope STATEMENT (a transaction never serves a row it read earlier from a session cache), lazy loading off.
 */
public final class MyBatisBootstrap {

    /** The package of the mapper interfaces (their XML at the same resource path). */
    static final String MAPPER_PACKAGE = "org.tvm.adapter.mybatis.mapper";

    /** The package of the row classes, each the type alias of its simple name in the mapper XML. */
    static final String ROW_PACKAGE = "org.tvm.adapter.mybatis.row";

    private MyBatisBootstrap() {
    }

    public static SqlSessionFactory sessionFactory(DataSource dataSource, SqlDialect dialect, String environmentId) {
        Configuration c = new Configuration(new Environment(environmentId, new JdbcTransactionFactory(), dataSource));
        c.setDatabaseId(dialect.databaseId());   // detected once (SqlDatabase), not again by a vendor provider
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
        TypeHandlers.registerAll(c.getTypeHandlerRegistry(), dialect);
        // MyBatis lists a package's classes through the thread's context class loader. An application may build the
        // adapter on a thread whose context loader cannot see this jar (a common-pool worker inside a Spring Boot fat
        // jar, whose libraries only the launcher's loader sees): the lookup would then find nothing. So it looks with
        // the loader that loaded the adapter, and the thread gets its own loader back.
        Thread thread = Thread.currentThread();
        ClassLoader threadLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(MyBatisBootstrap.class.getClassLoader());
        try {
            c.getTypeAliasRegistry().registerAliases(ROW_PACKAGE);
            // Configuration.addMappers(package) would take package-info for a mapper too (it is an interface): MyBatis'
            // own lookup with that one excluded. A statement including another mapper's fragment (CommonMapper's) waits
            // as incomplete until that mapper is parsed, so the order does not matter; one left unresolved fails here.
            ResolverUtil<Class<?>> mappers = new ResolverUtil<>();
            mappers.setClassLoader(MyBatisBootstrap.class.getClassLoader());
            mappers.find(type -> type.isInterface() && !type.getName().endsWith(".package-info"), MAPPER_PACKAGE);
            mappers.getClasses().forEach(c::addMapper);
        } finally {
            thread.setContextClassLoader(threadLoader);
        }
        if (c.getMapperRegistry().getMappers().isEmpty()) {
            // fail at start, not with "not known to the MapperRegistry" on the first unit of work
            throw new IllegalStateException("no mapper interface of " + MAPPER_PACKAGE + " was found on the class path"
                    + " of " + MyBatisBootstrap.class.getClassLoader());
        }
        if (!c.getIncompleteStatements().isEmpty() || !c.getIncompleteResultMaps().isEmpty()) {
            throw new IllegalStateException("mapper XML refers to a fragment or result map no mapper of "
                    + MAPPER_PACKAGE + " defines");
        }
        return new SqlSessionFactoryBuilder().build(c);
    }
}
