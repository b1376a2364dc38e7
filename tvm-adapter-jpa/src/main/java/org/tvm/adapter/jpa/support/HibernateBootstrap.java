package org.tvm.adapter.jpa.support;

import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.tvm.adapter.jpa.entity.AuditLogEntity;
import org.tvm.adapter.jpa.entity.CaregiverAssignmentEntity;
import org.tvm.adapter.jpa.entity.DataAccessLogEntity;
import org.tvm.adapter.jpa.entity.FacilityEntity;
import org.tvm.adapter.jpa.entity.LocationEntity;
import org.tvm.adapter.jpa.entity.MapEntity;
import org.tvm.adapter.jpa.entity.MissionEntity;
import org.tvm.adapter.jpa.entity.MissionEventEntity;
import org.tvm.adapter.jpa.entity.PermissionEntity;
import org.tvm.adapter.jpa.entity.ResidentEntity;
import org.tvm.adapter.jpa.entity.RoleEntity;
import org.tvm.adapter.jpa.entity.RolePermissionEntity;
import org.tvm.adapter.jpa.entity.TelemetryEntity;
import org.tvm.adapter.jpa.entity.UserEntity;
import org.tvm.adapter.jpa.entity.UserRoleEntity;
import org.tvm.adapter.jpa.entity.VehicleEntity;
import org.tvm.adapter.jpa.entity.VehicleLogEntity;
import org.tvm.ports.TvmPersistenceException;

/**
 * Builds the Hibernate {@link SessionFactory} programmatically over a caller-supplied {@link DataSource}: no
 * persistence.xml, schema validated against the tvm-migrations schema (never generated), no second-level cache, no
 * statement logging, JDBC batching with ordered inserts/updates.
 */
public final class HibernateBootstrap {

    static final List<Class<?>> ENTITIES = List.of(FacilityEntity.class, LocationEntity.class, ResidentEntity.class,
            VehicleEntity.class, MissionEntity.class, MissionEventEntity.class, UserEntity.class, RoleEntity.class,
            PermissionEntity.class, RolePermissionEntity.class, UserRoleEntity.class, CaregiverAssignmentEntity.class,
            TelemetryEntity.class, VehicleLogEntity.class, AuditLogEntity.class, DataAccessLogEntity.class,
            MapEntity.class);

    private HibernateBootstrap() {
    }

    /**
     * @throws TvmPersistenceException if Hibernate cannot start, e.g. the schema does not match the entity model (the
     *                                 Hibernate exception, naming the table/column, is the cause)
     */
    public static SessionFactory build(DataSource dataSource, SqlDialect dialect, int batchSize) {
        return build(dataSource, dialect, batchSize, new StandardServiceRegistryBuilder());
    }

    /**
     * As {@link #build(DataSource, SqlDialect, int)} without Hibernate's "Database info" banner: the administration's
     * factory is the second one over the same database, and one banner is enough.
     */
    public static SessionFactory buildWithoutBanner(DataSource dataSource, SqlDialect dialect, int batchSize) {
        return build(dataSource, dialect, batchSize, new StandardServiceRegistryBuilder().addInitiator(new JdbcEnvironmentInitiator() {
            @Override
            protected void logConnectionInfo(DatabaseConnectionInfo info) {
                // deliberately silent (see above)
            }
        }));
    }

    private static SessionFactory build(DataSource dataSource, SqlDialect dialect, int batchSize,
                                        StandardServiceRegistryBuilder registryBuilder) {
        StandardServiceRegistry registry = registryBuilder
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, Integer.toString(batchSize))
                .applySetting(AvailableSettings.ORDER_INSERTS, "true")
                .applySetting(AvailableSettings.ORDER_UPDATES, "true")
                .applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false")
                .applySetting(AvailableSettings.USE_QUERY_CACHE, "false")
                .applySetting(AvailableSettings.SHOW_SQL, "false")
                .applySetting(AvailableSettings.FORMAT_SQL, "false")
                .applySetting(AvailableSettings.GENERATE_STATISTICS, "false")
                .applySetting(AvailableSettings.JSON_FORMAT_MAPPER, "jackson")
                .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, "64")
                .applySetting(AvailableSettings.CONNECTION_HANDLING, "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION")
                .applySetting("hibernate.jdbc.time_zone", "UTC")
                // Instants as timestamptz read with getObject(OffsetDateTime): the default (UTC timestamp) builds a
                // Calendar for every timestamp it reads, a tenth of a point read's client time
                .applySetting(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP_WITH_TIMEZONE")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            MetadataBuilder builder = sources.getMetadataBuilder();
            builder.applyTypes(dialect.typeContributor());
            Metadata metadata = builder.build();
            return metadata.buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new TvmPersistenceException("Hibernate could not start over this data source (schema validation "
                    + "against the tvm-migrations schema or configuration failed)", e);
        }
    }
}
