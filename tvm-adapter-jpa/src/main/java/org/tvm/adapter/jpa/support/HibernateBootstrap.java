package org.tvm.adapter.jpa.support;

import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.archive.scan.spi.ClassDescriptor;
import org.hibernate.boot.archive.scan.spi.ScanEnvironment;
import org.hibernate.boot.archive.scan.spi.ScanOptions;
import org.hibernate.boot.archive.scan.spi.ScanParameters;
import org.hibernate.boot.archive.scan.spi.ScannerFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.tvm.ports.TvmPersistenceException;

/**
 * Builds the Hibernate {@link SessionFactory} programmatically over a caller-supplied {@link DataSource}: no
 * persistence.xml, schema validated against the tvm-migrations schema (never generated), no second-level cache, no
 * statement logging, JDBC batching with ordered inserts/updates.
 */
public final class HibernateBootstrap {

    /** The package of the entities: only its classes are mapped (the architecture rules keep every entity there). */
    static final String ENTITY_PACKAGE = "org.tvm.adapter.jpa.entity";

    /** Scanned on first use only: the classes cannot change while the class loader lives. */
    private static volatile List<String> scannedEntities;

    private HibernateBootstrap() {
    }

    /**
     * @throws TvmPersistenceException if Hibernate cannot start, e.g. the schema does not match the entity model (the
     *                                 Hibernate exception, naming the table/column, is the cause), or the entities
     *                                 cannot be scanned ({@link #entities()})
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
        List<String> entities = entities();
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
            entities.forEach(sources::addAnnotatedClassName);
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

    /**
     * The mapped classes of {@link #ENTITY_PACKAGE} ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}),
     * sorted by name: found once, by Hibernate's own scanner (hibernate-scan-jandex), in the jar or classes directory
     * this adapter was loaded from. Hibernate's native bootstrap does not scan, and a list kept by hand is one more
     * file for every table.
     *
     * @throws TvmPersistenceException if no scanner is on the classpath or the archive holds no entity (an archive
     *                                 layout Hibernate cannot read would otherwise start a factory without entities)
     */
    static List<String> entities() {
        List<String> names = scannedEntities;
        if (names == null) {
            names = scanEntities(); // two first callers may both scan, to the same result
            scannedEntities = names;
        }
        return names;
    }

    private static List<String> scanEntities() {
        CodeSource source = HibernateBootstrap.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new TvmPersistenceException("the JPA adapter's entities cannot be scanned: its class loader names no "
                    + "archive it was loaded from");
        }
        ScannerFactory scanners = ServiceLoader.load(ScannerFactory.class, HibernateBootstrap.class.getClassLoader())
                .findFirst().orElseThrow(() -> new TvmPersistenceException("no Hibernate scanner on the classpath "
                        + "(org.hibernate.orm:hibernate-scan-jandex finds the JPA adapter's entities)"));
        List<String> names = scanners.getScanner(null)
                .scan(new AdapterArchive(source.getLocation()), AdapterArchive.OPTIONS, new ScanParameters() { })
                .getLocatedClasses().stream()
                .filter(c -> c.getCategorization() == ClassDescriptor.Categorization.MODEL)
                .map(ClassDescriptor::getName)
                .filter(name -> name.lastIndexOf('.') == ENTITY_PACKAGE.length() && name.startsWith(ENTITY_PACKAGE))
                .sorted()
                .toList();
        if (names.isEmpty()) {
            throw new TvmPersistenceException("Hibernate's scanner found no entity of " + ENTITY_PACKAGE + " in "
                    + source.getLocation() + " (the archive the JPA adapter was loaded from)");
        }
        return names;
    }

    /** The adapter's own jar or classes directory as the root Hibernate scans; nothing listed besides. */
    private static final class AdapterArchive implements ScanEnvironment {
        static final ScanOptions OPTIONS = new ScanOptions() {
            @Override
            public boolean canDetectUnlistedClassesInRoot() {
                return true;
            }

            @Override
            public boolean canDetectUnlistedClassesInNonRoot() {
                return false;
            }

            @Override
            @Deprecated
            public boolean canDetectHibernateMappingFiles() {
                return false;
            }
        };

        private final URL root;

        AdapterArchive(URL root) {
            this.root = root;
        }

        @Override
        public URL getRootUrl() {
            return root;
        }

        @Override
        public List<URL> getNonRootUrls() {
            return List.of();
        }

        @Override
        public List<String> getExplicitlyListedClassNames() {
            return List.of();
        }

        @Override
        public List<String> getExplicitlyListedMappingFiles() {
            return List.of();
        }
    }
}
