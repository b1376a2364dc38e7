package org.tvm.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The README's plain-JDBC joining snippet, on PostgreSQL as the application login. */
class JoiningAJdbcTransactionTest {

    private static final String OWN_INSERT = "INSERT INTO example_ride_requests (mission_id) VALUES (?)";

    private static PostgresTestDatabase db;
    private static TvmPersistence persistence;
    private static TvmAdministration administration;

    @BeforeAll
    static void start() throws SQLException {
        db = TestDatabases.postgres();
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS example_ride_requests (mission_id uuid PRIMARY KEY)");
            s.execute("GRANT SELECT, INSERT ON example_ride_requests TO tvm_app");
        }
        persistence = JpaTvmPersistence.create(db.appDataSource(),
                JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
        administration = JpaTvmPersistence.administration(db.adminDataSource());
    }

    @AfterAll
    static void stop() {
        persistence.close();
        administration.close();
    }

    private static MissionTransition request(FacilityWorld w) {
        return TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(w.now()).build();
    }

    @Test
    void theApplicationsWriteAndTheMissionCommitTogether() throws SQLException {
        FacilityWorld w = FacilityWorld.create(administration, persistence, Instant.now().truncatedTo(ChronoUnit.MICROS));
        MissionTransition request = request(w);

        MissionId id = JoiningAJdbcTransaction.requestRide(db.appDataSource(), persistence, w.systemContext(), request,
                OWN_INSERT);

        assertThat(ownRowExists(id.value())).isTrue();
        assertThat(mission(w, id)).isPresent();
    }

    @Test
    void aFailingOwnStatementStopsBeforeTheMission() {
        FacilityWorld w = FacilityWorld.create(administration, persistence, Instant.now().truncatedTo(ChronoUnit.MICROS));
        MissionTransition request = request(w);

        assertThatThrownBy(() -> JoiningAJdbcTransaction.requestRide(db.appDataSource(), persistence, w.systemContext(),
                request, "INSERT INTO example_ride_requests (mission_id) VALUES (?::text::int)"))
                .isInstanceOf(SQLException.class);

        assertThat(mission(w, request.mission().id())).isEmpty();
    }

    @Test
    void aFailingMissionInsertRollsBackTheApplicationsOwnWrite() {
        FacilityWorld w = FacilityWorld.create(administration, persistence, Instant.now().truncatedTo(ChronoUnit.MICROS));
        MissionTransition request = request(w);
        w.inTransaction((TvmTransaction tx) -> {
            tx.missions().insert(request);
            return null;
        });

        assertThatThrownBy(() -> JoiningAJdbcTransaction.requestRide(db.appDataSource(), persistence, w.systemContext(),
                request, OWN_INSERT)).isInstanceOf(org.tvm.ports.DuplicateKeyException.class);

        assertThat(ownRowExists(request.mission().id().value())).isFalse();
    }

    private static Optional<Mission> mission(FacilityWorld w, MissionId id) {
        return w.inTransaction((TvmTransaction tx) -> tx.missions().findById(id));
    }

    private static boolean ownRowExists(UUID missionId) {
        try (Connection c = db.adminDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM example_ride_requests WHERE mission_id = ?")) {
            ps.setObject(1, missionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
