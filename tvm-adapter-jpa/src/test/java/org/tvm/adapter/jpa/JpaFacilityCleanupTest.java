package org.tvm.adapter.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The testkit removes what a suite created, audit rows and telemetry included, and nothing else. */
class JpaFacilityCleanupTest {

    @Test
    void removeCreatedFacilitiesLeavesNoRowOfThemBehind() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        JdbcPersistenceUnderTest subject = new JdbcPersistenceUnderTest("jpa/postgresql",
                JpaTvmPersistence.create(db.appDataSource(), JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos()), JpaTvmPersistence.administration(db.adminDataSource()), db);
        FacilityWorld created = FacilityWorld.create(subject, TvmTestData.now());
        FacilityWorld other;
        try (TvmAdministration untracked = JpaTvmPersistence.administration(db.adminDataSource())) {
            other = FacilityWorld.create(untracked, subject.persistence(), TvmTestData.now());
        }
        for (FacilityWorld w : List.of(created, other)) {
            w.inTransaction((TvmTransaction tx) -> {
                tx.missions().insert(TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).build());
                tx.telemetry().append(List.of(TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).build()));
                tx.audit().append(TvmTestData.auditEntry(w.facilityId()).build());
                return null;
            });
        }
        UUID removed = created.facilityId().value();
        UUID kept = other.facilityId().value();
        assertThat(rows(db, "telemetry", removed)).isEqualTo(1);

        assertThat(subject.removeCreatedFacilities()).isEqualTo(1);

        for (String table : List.of("facilities", "users", "residents", "vehicles", "missions", "mission_events",
                "telemetry", "audit_logs")) {
            assertThat(rows(db, table, removed)).as(table).isZero();
        }
        assertThat(rows(db, "facilities", kept)).as("a facility created elsewhere stays").isEqualTo(1);
        assertThat(rows(db, "telemetry", kept)).isEqualTo(1);
        assertThat(subject.removeCreatedFacilities()).as("nothing left to remove").isZero();
    }

    private static long rows(PostgresTestDatabase db, String table, UUID facility) throws SQLException {
        String column = table.equals("facilities") ? "id" : "facility_id";
        try (Connection c = db.adminDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            ps.setObject(1, facility);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
