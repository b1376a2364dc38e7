package org.tvm.adapter.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.UnsafeDatabaseLoginException;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** Creating the application persistence refuses a missing key and a login that bypasses row-level security. */
class JpaStartupSafetyTest {

    private final PostgresTestDatabase pg = TestDatabases.postgres();

    @Test
    void optionsWithoutAKeyAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> JpaTvmPersistence.create(pg.appDataSource(), JpaTvmPersistence.Options.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No key for the sensitive fields")
                .hasMessageContaining("KeyRing.fromEnvironment")
                .hasMessageContaining("throwAwayKeyForTestsAndDemos()");
    }

    @Test
    void aSuperuserApplicationLoginIsRefused() {
        assertThatThrownBy(() -> JpaTvmPersistence.create(pg.adminDataSource(),
                JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()))
                .isInstanceOf(UnsafeDatabaseLoginException.class)
                .hasMessageContaining("is a superuser");
    }

    @Test
    void theDemoOptOutWorksAndCapabilitiesTellTheTruth() {
        try (TvmPersistence demo = JpaTvmPersistence.create(pg.adminDataSource(), JpaTvmPersistence.Options.defaults()
                .throwAwayKeyForTestsAndDemos().allowLoginBypassingRowLevelSecurity());
             TvmPersistence app = JpaTvmPersistence.create(pg.appDataSource(),
                     JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos())) {
            assertThat(demo.capabilities()).doesNotContain(Capability.ROW_LEVEL_SECURITY);
            assertThat(app.capabilities()).contains(Capability.ROW_LEVEL_SECURITY);
        }
    }
}
