package org.example.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;
import org.tvm.testkit.db.TestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The README's quick start, run on PostgreSQL as the application role. */
class RideRequestsTest {

    @Test
    void aNurseRequestsARideOnPostgres() {
        TestDatabase db = TestDatabases.postgres();
        try (TvmPersistence persistence = RideRequests.wire(db.adminDataSource(), db.appDataSource(), KeyRing.generate("it"));
             TvmAdministration administration = JpaTvmPersistence.administration(db.adminDataSource())) {
            JdbcPersistenceUnderTest subject = new JdbcPersistenceUnderTest("consumer", persistence, administration, db);
            FacilityWorld world = FacilityWorld.create(subject, TvmTestData.now());
            try {
                MissionId id = RideRequests.requestRide(persistence, world.facilityId(), world.userId(RoleName.NURSE),
                        world.assignedResidentId());

                MissionStatus status = world.inTransaction((TvmTransaction tx) -> tx.missions().findById(id).orElseThrow().status());
                assertThat(status).isEqualTo(MissionStatus.PENDING);
            } finally {
                assertThat(subject.removeCreatedFacilities()).isEqualTo(1);
            }
        }
    }

    @Test
    void theCopyablePoolIsHikari() {
        TestDatabase db = TestDatabases.h2();
        try (var pool = RideRequests.pool(db.jdbcUrl(), "sa", "")) {
            assertThat(pool.getJdbcUrl()).isEqualTo(db.jdbcUrl());
        } finally {
            db.close();
        }
    }
}
