package org.tvm.testkit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The snippets of tvm-testkit/README.md, run (ReadmeSnippetsTest in examples checks the README against them). */
class TestkitReadmeTest {

    @Test
    void inMemoryAdapterWithAWorldAndTestData() {
        // tag::in-memory[]
        InMemoryTvmPersistence persistence = InMemoryTvmPersistence.create();   // thread-safe, no dependencies
        TvmAdministration admin = persistence.administration();
        // end::in-memory[]

        // tag::test-data[]
        Instant now = TvmTestData.now();
        FacilityWorld world = FacilityWorld.create(admin, persistence, now);   // a facility, staff, residents, vehicles
        Resident resident = TvmTestData.resident(world.facilityId()).medicalNotes("Allergic to latex").at(now).build();
        MissionTransition ride = TvmTestData.mission(world.facilityId(), world.assignedResidentId(),
                world.userId(RoleName.NURSE)).at(now).build();
        world.run((TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.missions().insert(ride);
            tx.telemetry().append(List.of(TvmTestData.telemetry(world.facilityId(), world.vehicleId(0)).at(now).build()));
        });
        MissionStatus status = world.inTransactionAs(RoleName.NURSE,
                (TvmTransaction tx) -> tx.missions().findById(ride.mission().id()).orElseThrow().status());
        // end::test-data[]

        assertThat(status).isEqualTo(MissionStatus.PENDING);
        assertThat(world.users()).containsOnlyKeys(RoleName.values());
        assertThat(world.residents()).hasSize(3);
        assertThat(world.vehicles()).hasSize(2);
    }
}
