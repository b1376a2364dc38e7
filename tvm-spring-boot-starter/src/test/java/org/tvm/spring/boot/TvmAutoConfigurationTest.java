package org.tvm.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.spring.boot.TvmAutoConfiguration.TvmStartupMigration;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** TvmAutoConfiguration on a migrated PostgreSQL database, the application pool logging in as a non-superuser. */
class TvmAutoConfigurationTest {

    private static PostgresTestDatabase db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TvmAutoConfiguration.class));

    @BeforeAll
    static void database() {
        db = TestDatabases.postgres();
    }

    /** The shared test pool, behind a wrapper the context does not close. */
    private static DataSource appDataSource() {
        return new DelegatingDataSource(db.appDataSource());
    }

    private ApplicationContextRunner withApp() {
        return runner.withBean(DataSource.class, TvmAutoConfigurationTest::appDataSource)
                .withPropertyValues("tvm.throw-away-key-for-tests-and-demos=true");
    }

    private static String[] admin() {
        HikariDataSource admin = (HikariDataSource) db.adminDataSource();
        return new String[] {"tvm.admin.datasource.url=" + admin.getJdbcUrl(),
                "tvm.admin.datasource.username=" + admin.getUsername(),
                "tvm.admin.datasource.password=" + (admin.getPassword() == null ? "" : admin.getPassword())};
    }

    @Test
    void withoutADataSourceNothingIsConfigured() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(TvmPersistence.class);
            assertThat(ctx).doesNotHaveBean(TvmAdministration.class);
        });
    }

    @Test
    void jpaPersistenceJoiningSpringTransactionsWithoutAdministrationWhenNoAdminUrl() {
        withApp().withPropertyValues("tvm.adapter=jpa").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(TvmPersistence.class);
            assertThat(adapterOf(ctx.getBean(TvmPersistence.class))).isEqualTo("jpa");
            assertThat(ctx).hasSingleBean(SpringHostTransactions.class);
            assertThat(ctx).doesNotHaveBean(TvmAdminDataSource.class);
            assertThat(ctx).doesNotHaveBean(TvmAdministration.class);
            assertThat(ctx).doesNotHaveBean(TvmStartupMigration.class);
        });
    }

    @Test
    void myBatisWhenChosen() {
        withApp().withPropertyValues("tvm.adapter=mybatis").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(adapterOf(ctx.getBean(TvmPersistence.class))).isEqualTo("mybatis");
        });
    }

    @Test
    void bothAdaptersOnTheClasspathAndNoChoiceFailsNamingTheProperty() {
        withApp().run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("set tvm.adapter=jpa or tvm.adapter=mybatis"));
    }

    @Test
    void theOnlyAdapterOnTheClasspathIsChosenAndAMissingOneIsNamed() {
        withApp().withClassLoader(new FilteredClassLoader(TvmAdapters.MYBATIS_CLASS)).run(ctx ->
                assertThat(adapterOf(ctx.getBean(TvmPersistence.class))).isEqualTo("jpa"));
        withApp().withPropertyValues("tvm.adapter=jpa").withClassLoader(new FilteredClassLoader(TvmAdapters.JPA_CLASS))
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("add the dependency org.tvm:tvm-adapter-jpa"));
    }

    @Test
    void withItsOwnPersistenceAnApplicationNeedsNoAdapter() {
        InMemoryTvmPersistence own = InMemoryTvmPersistence.create();
        withApp().withClassLoader(new FilteredClassLoader(TvmAdapters.JPA_CLASS, TvmAdapters.MYBATIS_CLASS))
                .withBean(TvmPersistence.class, () -> own)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(TvmPersistence.class)).isSameAs(own);
                });
    }

    @Test
    void anUnknownAdapterFailsAtStartupNamingTheProperty() {
        withApp().withPropertyValues("tvm.adapter=hibernate").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under 'tvm.adapter'");
        });
    }

    @Test
    void noKeyFailsAtStartupSayingHowToProvideOne() {
        runner.withBean(DataSource.class, TvmAutoConfigurationTest::appDataSource)
                .withPropertyValues("tvm.adapter=jpa")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("tvm.field-keys").hasMessageContaining("TVM_FIELD_KEYS"));
    }

    @Test
    void aKeyRingFromPropertiesIsUsedAndAMalformedOneFailsWithoutQuotingIt() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        runner.withBean(DataSource.class, TvmAutoConfigurationTest::appDataSource)
                .withPropertyValues("tvm.adapter=jpa", "tvm.field-keys=k1:" + key)
                .run(ctx -> assertThat(ctx).hasSingleBean(TvmPersistence.class));
        runner.withBean(DataSource.class, TvmAutoConfigurationTest::appDataSource)
                .withPropertyValues("tvm.adapter=jpa", "tvm.field-keys=k1:not-base64-SECRET")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("tvm.field-keys").hasMessageNotContaining("SECRET"));
    }

    @Test
    void adminUrlGivesAdministrationAndMigrationsRunOnlyWhenEnabled() {
        withApp().withPropertyValues("tvm.adapter=jpa").withPropertyValues(admin()).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(TvmAdminDataSource.class);
            assertThat(ctx).hasSingleBean(TvmAdministration.class);
            assertThat(ctx).doesNotHaveBean(TvmStartupMigration.class);
            // the admin pool is not a second DataSource bean: Boot's JDBC auto-configurations still see one
            assertThat(ctx.getBeansOfType(DataSource.class)).hasSize(1);
        });
        withApp().withPropertyValues("tvm.adapter=mybatis", "tvm.migrations.enabled=true").withPropertyValues(admin())
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).hasSingleBean(TvmStartupMigration.class);
                    assertThat(ctx.getBean(TvmStartupMigration.class).report()).isNotNull();
                    assertThat(ctx.getBean(TvmAdministration.class).getClass().getName()).contains(".mybatis.");
                });
    }

    /**
     * With an admin data source the audit entries the triggers leave waiting are linked in the background (V22); the
     * property turns it off, and without an admin data source there is nothing to link with.
     */
    @Test
    void theAuditLinkerLinksWaitingEntriesInTheBackground() {
        withApp().withPropertyValues("tvm.adapter=mybatis", "tvm.audit.link-interval=100ms").withPropertyValues(admin())
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(TvmAuditLinker.class).isRunning()).isTrue();
                    org.tvm.domain.facility.Facility f = org.tvm.testkit.data.TvmTestData.facility().build();
                    ctx.getBean(TvmAdministration.class).createFacility(f);
                    ctx.getBean(TvmPersistence.class).run(org.tvm.ports.TvmContext.system(f.id()),
                            tx -> tx.vehicles().insert(org.tvm.testkit.data.TvmTestData.vehicle(f.id()).build()));
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                    long waiting;
                    long linked;
                    do {
                        Thread.sleep(50);
                        waiting = count("SELECT count(*) FROM audit_logs_pending WHERE facility_id = ?", f.id().value());
                        linked = count("SELECT count(*) FROM audit_logs WHERE facility_id = ? AND action = 'vehicle.create' "
                                + "AND chain_seq IS NOT NULL", f.id().value());
                    } while ((waiting > 0 || linked == 0) && System.nanoTime() < deadline);
                    assertThat(waiting).as("entries still waiting").isZero();
                    assertThat(linked).as("the vehicle's entry, linked").isEqualTo(1);
                });
        withApp().withPropertyValues("tvm.adapter=mybatis", "tvm.audit.link-enabled=false").withPropertyValues(admin())
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(TvmAuditLinker.class));
        withApp().withPropertyValues("tvm.adapter=jpa").run(ctx -> assertThat(ctx).doesNotHaveBean(TvmAuditLinker.class));
        withApp().withPropertyValues("tvm.adapter=jpa", "tvm.audit.link-interval=0s").withPropertyValues(admin())
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("tvm.audit.link-interval"));
    }

    private static long count(String sql, Object arg) throws java.sql.SQLException {
        try (java.sql.Connection c = db.adminDataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theApplicationsOwnBeansWin() {
        InMemoryTvmPersistence own = InMemoryTvmPersistence.create();
        TvmAdminDataSource ownAdmin = new TvmAdminDataSource(new DelegatingDataSource(db.adminDataSource()));
        withApp().withPropertyValues("tvm.adapter=jpa").withPropertyValues(admin())
                .withBean(TvmPersistence.class, () -> own)
                .withBean(TvmAdminDataSource.class, () -> ownAdmin)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(TvmPersistence.class)).isSameAs(own);
                    assertThat(ctx.getBean(TvmAdminDataSource.class)).isSameAs(ownAdmin);
                    assertThat(ctx).hasSingleBean(TvmAdministration.class);
                });
    }

    /** The adapters' factories return their persistence observed (debug log of each unit); it names the adapter. */
    private static String adapterOf(TvmPersistence persistence) {
        assertThat(persistence).isInstanceOf(ObservedTvmPersistence.class);
        return ((ObservedTvmPersistence) persistence).adapter();
    }
}
