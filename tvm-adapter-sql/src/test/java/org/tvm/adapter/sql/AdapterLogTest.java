package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.ports.observe.ObservedTvmPersistence;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** What the startup line says: key ids without key material, the database, and the unsafe setups it warns about. */
class AdapterLogTest {

    @Test
    void keysAreNamedByIdWithThePrimaryMarkedNeverByMaterial() {
        byte[] first = new byte[KeyRing.KEY_LENGTH_BYTES];
        byte[] second = new byte[KeyRing.KEY_LENGTH_BYTES];
        second[0] = 7;
        KeyRing ring = KeyRing.of(Map.of("k1", first, "k2", second), "k2");

        String described = AdapterLog.describeKeys(new AesGcmFieldCipher(ring));

        assertThat(described).isEqualTo("[k1, k2*]")
                .doesNotContain(Base64.getEncoder().encodeToString(second))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(second));
        assertThat(AdapterLog.describeKeys(null)).isEqualTo("[generated for this instance]");
    }

    @Test
    void describesH2WithItsSchemaVersion() {
        try (H2TestDatabase db = TestDatabases.h2()) {
            AdapterLog.Database database = AdapterLog.Database.describe(db.appDataSource());
            assertThat(database.product()).startsWith("H2 ");
            assertThat(database.schemaVersion()).matches("\\d+(\\.\\d+)*");
            assertThat(database.bypassesRowLevelSecurity()).isFalse();
        }
    }

    @Test
    void onPostgresTheSuperuserIsFlaggedAndTheApplicationRoleIsNot() {
        PostgresTestDatabase db = TestDatabases.postgres();
        AdapterLog.Database admin = AdapterLog.Database.describe(db.adminDataSource());
        AdapterLog.Database app = AdapterLog.Database.describe(db.appDataSource());

        assertThat(admin.product()).startsWith("PostgreSQL ");
        assertThat(admin.bypassesRowLevelSecurity()).as("superuser: RLS does not apply").isTrue();
        assertThat(admin.schemaVersion()).matches("\\d+(\\.\\d+)*");
        assertThat(app.bypassesRowLevelSecurity()).isFalse();
        assertThat(app.login()).isEqualTo(db.appRole());
        assertThat(app.schemaVersion()).isEqualTo("not readable by this login");
    }

    @Test
    void startedReturnsTheSamePersistenceObserved() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        try (H2TestDatabase db = TestDatabases.h2()) {
            ObservedTvmPersistence observed = AdapterLog.started("in-memory", store, db.appDataSource(), null);
            assertThat(observed.adapter()).isEqualTo("in-memory");
            assertThat(observed.capabilities()).isEqualTo(store.capabilities());
        }
    }
}
