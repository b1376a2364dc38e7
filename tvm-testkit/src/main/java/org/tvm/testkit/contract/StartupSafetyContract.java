package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.UnsafeDatabaseLoginException;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * Contract of a SQL adapter's factory on PostgreSQL: options without a key are refused with a message saying what to
 * do; an application login that bypasses row-level security is refused unless the demo opt-out is chosen, and then
 * {@code capabilities()} omit {@link Capability#ROW_LEVEL_SECURITY}. Extend it once per SQL adapter.
 */
public abstract class StartupSafetyContract {

    /**
     * @param dataSource        the application data source
     * @param throwAwayKey      whether the options choose the tests-and-demos key (else: no key at all)
     * @param allowBypassingRls whether the options choose the demo opt-out for logins that bypass RLS
     * @return a new persistence
     */
    protected abstract TvmPersistence create(DataSource dataSource, boolean throwAwayKey, boolean allowBypassingRls);

    private final PostgresTestDatabase pg = TestDatabases.postgres();

    @Test
    void optionsWithoutAKeyAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> create(pg.appDataSource(), false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No key for the sensitive fields")
                .hasMessageContaining("KeyRing.fromEnvironment")
                .hasMessageContaining("throwAwayKeyForTestsAndDemos()");
    }

    @Test
    void aSuperuserApplicationLoginIsRefused() {
        assertThatThrownBy(() -> create(pg.adminDataSource(), true, false))
                .isInstanceOf(UnsafeDatabaseLoginException.class)
                .hasMessageContaining("is a superuser");
    }

    @Test
    void theDemoOptOutWorksAndCapabilitiesTellTheTruth() {
        try (TvmPersistence demo = create(pg.adminDataSource(), true, true);
             TvmPersistence app = create(pg.appDataSource(), true, false)) {
            assertThat(demo.capabilities()).doesNotContain(Capability.ROW_LEVEL_SECURITY);
            assertThat(app.capabilities()).contains(Capability.ROW_LEVEL_SECURITY, Capability.JOIN_HOST_TRANSACTION);
        }
    }
}
