package org.tvm.examples.rides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.spring.boot.TvmAdminDataSource;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * The example app, started by Spring Boot with its application.properties (the README's configuration) on a
 * PostgreSQL database, the application pool logging in as a non-superuser: Boot's own Flyway runs the app's
 * migration next to TVM's, and the app's JDBC writes and TVM writes share each @Transactional transaction.
 */
class RideRequestsApplicationTest {

    private static ConfigurableApplicationContext app;
    private static RideRequestService rides;
    private static TvmPersistence tvm;
    private static TvmAdministration administration;

    @BeforeAll
    static void start() {
        PostgresTestDatabase db = TestDatabases.postgres();
        HikariDataSource appPool = (HikariDataSource) db.appDataSource();
        HikariDataSource adminPool = (HikariDataSource) db.adminDataSource();
        String key = Base64.getEncoder().encodeToString(randomKey());
        app = new SpringApplicationBuilder(RideRequestsApplication.class)
                .properties(Map.of(
                        "RIDES_DB_URL", db.jdbcUrl(),
                        "RIDES_DB_USER", appPool.getUsername(),
                        "RIDES_DB_PASSWORD", nullToEmpty(appPool.getPassword()),
                        "TVM_ADMIN_USER", adminPool.getUsername(),
                        "TVM_ADMIN_PASSWORD", nullToEmpty(adminPool.getPassword()),
                        "TVM_FIELD_KEYS", "k1:" + key))
                .run();
        rides = app.getBean(RideRequestService.class);
        tvm = app.getBean(TvmPersistence.class);
        administration = app.getBean(TvmAdministration.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static FacilityWorld world() {
        return FacilityWorld.create(administration, tvm, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static MissionTransition request(FacilityWorld w) {
        return TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(w.now()).build();
    }

    @Test
    void bootsOwnFlywayMigratedTheAppsSchemaNextToTvms() {
        // the history tables belong to the admin login; the application login cannot read them
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(TvmAdminDataSource.class).dataSource());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ride_app.flyway_schema_history WHERE success AND version = '1'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.flyway_schema_history WHERE version = '1'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void successCommitsTheJdbcRowAndTheMission() {
        FacilityWorld w = world();
        MissionId id = rides.request(w.systemContext(), request(w), "to the dentist");

        assertThat(rides.ownRows(id)).isEqualTo(1);
        assertThat(rides.mission(w.systemContext(), id)).isPresent();
    }

    @Test
    void anExceptionAfterBothWritesRollsBackBoth() {
        FacilityWorld w = world();
        MissionTransition request = request(w);

        assertThatThrownBy(() -> rides.requestThenFail(w.systemContext(), request, "cancelled"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rides.ownRows(request.mission().id())).isZero();
        assertThat(rides.mission(w.systemContext(), request.mission().id())).isEmpty();
    }

    @Test
    void aTvmFailureRollsBackTheJdbcWriteAndReachesTheCaller() {
        FacilityWorld w = world();
        MissionTransition request = request(w);
        MissionId id = rides.request(w.systemContext(), request, "first");

        assertThatThrownBy(() -> rides.request(w.systemContext(), request, "again"))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(rides.ownRows(id)).isEqualTo(1);
    }

    @Test
    void aSwallowedTvmFailureIsNeverASilentCommit() {
        FacilityWorld w = world();
        MissionTransition request = request(w);
        MissionId id = rides.request(w.systemContext(), request, "first");

        assertThatThrownBy(() -> rides.requestIgnoringDuplicates(w.systemContext(), request, "again"))
                .isInstanceOf(UnexpectedRollbackException.class);

        assertThat(rides.ownRows(id)).isEqualTo(1);
    }

    @Test
    void twoFacilitiesInTwoRequestsNeverSeeEachOthersMissions() {
        FacilityWorld a = world();
        FacilityWorld b = world();
        MissionId ofA = rides.request(a.systemContext(), request(a), "a");
        MissionId ofB = rides.request(b.systemContext(), request(b), "b");

        assertThat(rides.mission(b.systemContext(), ofA)).isEmpty();
        assertThat(rides.mission(a.systemContext(), ofB)).isEmpty();
        assertThat(rides.mission(a.systemContext(), ofA)).isPresent();
        assertThat(rides.mission(b.systemContext(), ofB)).isPresent();
    }

}
