package org.tvm.adapter.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.adapter.jpa.repository.TransactionConnections;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * Adapter-specific checks the contracts cannot see: Hibernate's schema validation against both migration sets, the
 * transaction-local context on PostgreSQL, and the bulk telemetry path (multi-row INSERT / JDBC batch) being
 * all-or-nothing on the transaction's own connection.
 */
class JpaAdapterIntegrationTest {

    private static PostgresTestDatabase pg;
    private static H2TestDatabase h2;
    private static TvmPersistence pgPersistence;
    private static TvmAdministration pgAdmin;
    private static TvmPersistence h2Persistence;
    private static TvmAdministration h2Admin;

    @BeforeAll
    static void start() {
        pg = TestDatabases.postgres();
        h2 = TestDatabases.h2();
        pgPersistence = JpaTvmPersistence.create(pg.appDataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
        pgAdmin = JpaTvmPersistence.administration(pg.adminDataSource());
        h2Persistence = JpaTvmPersistence.create(h2.dataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
        h2Admin = JpaTvmPersistence.administration(h2.dataSource());
    }

    @AfterAll
    static void stop() {
        pgPersistence.close();
        pgAdmin.close();
        h2Persistence.close();
        h2Admin.close();
        h2.close();
    }

    // ------------------------------------------------------------------ schema validation (hbm2ddl=validate)

    @Test
    void hibernateValidatesTheEntityModelAgainstBothMigrationSets() {
        // start() built all four session factories with hbm2ddl=validate; a fresh build must succeed as well
        try (TvmPersistence again = JpaTvmPersistence.create(TestDatabases.h2().dataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos())) {
            assertThat(again.capabilities()).isNotEmpty();
        }
        assertThat(pgPersistence.capabilities()).containsExactlyInAnyOrder(org.tvm.ports.Capability.values());
    }

    @Test
    void validationRejectsASchemaThatDriftedFromTheEntities() throws SQLException {
        H2TestDatabase drifted = TestDatabases.h2();
        try (Connection c = drifted.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE missions DROP COLUMN last_progress");
        }
        assertThatThrownBy(() -> JpaTvmPersistence.create(drifted.dataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()))
                .hasStackTraceContaining("last_progress");
        drifted.close();
    }

    // ------------------------------------------------------------------ context publication (PostgreSQL)

    @Test
    void everyTransactionPublishesFacilityAndActorTransactionLocally() throws SQLException {
        FacilityId facility = newFacility(pgAdmin);
        UserId actor = UserId.newId();
        AtomicReference<String> seenFacility = new AtomicReference<>();
        AtomicReference<String> seenActor = new AtomicReference<>();
        pgPersistence.run(TvmContext.of(facility, actor), tx -> TransactionConnections.onConnection(tx, c -> {
            seenFacility.set(setting(c, "app.current_facility_id"));
            seenActor.set(setting(c, "app.current_actor_id"));
        }));
        assertThat(seenFacility.get()).isEqualTo(facility.value().toString());
        assertThat(seenActor.get()).isEqualTo(actor.value().toString());

        pgPersistence.run(TvmContext.system(facility), tx -> TransactionConnections.onConnection(tx,
                c -> seenActor.set(setting(c, "app.current_actor_id"))));
        assertThat(seenActor.get()).isEmpty();

        AtomicReference<String> seenReadOnly = new AtomicReference<>();
        pgPersistence.inReadOnlyTransaction(TvmContext.system(facility), tx -> {
            TransactionConnections.onConnection(tx, c -> {
                seenFacility.set(setting(c, "app.current_facility_id"));
                seenReadOnly.set(setting(c, "transaction_read_only"));
            });
            return null;
        });
        assertThat(seenFacility.get()).isEqualTo(facility.value().toString());
        assertThat(seenReadOnly.get()).isEqualTo("on");
        pgPersistence.run(TvmContext.system(facility), tx -> TransactionConnections.onConnection(tx,
                c -> seenReadOnly.set(setting(c, "transaction_read_only"))));
        assertThat(seenReadOnly.get()).isEqualTo("off");

        // transaction-local: a pooled connection used outside a unit of work carries no facility
        for (int i = 0; i < 5; i++) {
            try (Connection c = pg.appDataSource().getConnection()) {
                assertThat(setting(c, "app.current_facility_id")).isNullOrEmpty();
            }
        }
    }

    @Test
    void theApplicationRoleSeesNothingWithoutAContext() throws SQLException {
        FacilityId facility = newFacility(pgAdmin);
        Vehicle vehicle = TvmTestData.vehicle(facility).build();
        pgPersistence.run(TvmContext.system(facility), tx -> tx.vehicles().insert(vehicle));
        try (Connection c = pg.appDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM vehicles WHERE id = ?")) {
            ps.setObject(1, vehicle.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    // ------------------------------------------------------------------ bulk telemetry

    @Test
    void bulkTelemetryAppendSpansSeveralStatementsOnPostgres() {
        bulkAppend(pgPersistence, pgAdmin, 2_345);
    }

    @Test
    void bulkTelemetryAppendUsesJdbcBatchesOnH2() {
        bulkAppend(h2Persistence, h2Admin, 1_234);
    }

    @Test
    void bulkTelemetryAppendIsAllOrNothing() {
        for (TvmPersistence persistence : List.of(pgPersistence, h2Persistence)) {
            TvmAdministration admin = persistence == pgPersistence ? pgAdmin : h2Admin;
            FacilityId facility = newFacility(admin);
            Vehicle vehicle = TvmTestData.vehicle(facility).build();
            persistence.run(TvmContext.system(facility), tx -> tx.vehicles().insert(vehicle));
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<TelemetrySample> samples = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                samples.add(TvmTestData.telemetry(facility, vehicle.id()).at(t0.plusMillis(i)).build());
            }
            samples.add(TvmTestData.telemetry(facility, VehicleId.newId()).at(t0).build()); // unknown vehicle, last
            assertThatThrownBy(() -> persistence.run(TvmContext.system(facility), tx -> tx.telemetry().append(samples)))
                    .isInstanceOf(UnknownReferenceException.class);
            java.util.Optional<TelemetrySample> latest = persistence.inReadOnlyTransaction(TvmContext.system(facility),
                    tx -> tx.telemetry().latest(vehicle.id()));
            assertThat(latest).isEmpty();
        }
    }

    private static void bulkAppend(TvmPersistence persistence, TvmAdministration admin, int count) {
        FacilityId facility = newFacility(admin);
        Vehicle vehicle = TvmTestData.vehicle(facility).build();
        persistence.run(TvmContext.system(facility), tx -> tx.vehicles().insert(vehicle));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        List<TelemetrySample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(TvmTestData.telemetry(facility, vehicle.id()).allFields().at(t0.plusMillis(i * 10L)).build());
        }
        persistence.run(TvmContext.system(facility), tx -> tx.telemetry().append(samples));
        List<TelemetrySample> stored = persistence.inReadOnlyTransaction(TvmContext.system(facility),
                tx -> tx.telemetry().range(vehicle.id(), t0, t0.plusSeconds(3600), 1000));
        assertThat(stored).hasSize(1000);
        assertThat(stored.get(0)).isEqualTo(samples.get(count - 1));
        assertThat(stored.get(999)).isEqualTo(samples.get(count - 1000));
    }

    private static FacilityId newFacility(TvmAdministration admin) {
        var facility = TvmTestData.facility().build();
        admin.createFacility(facility);
        return facility.id();
    }

    private static String setting(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
