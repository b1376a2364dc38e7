package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.maintenance.ArchivedMission;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * The data of one facility for {@link MaintenanceContract}, placed around a simulated {@code now}: each kind once past
 * retention and once inside it, and the assertion that a run removed exactly the first of each.
 */
final class AgedFacility {

    final FacilityWorld w;
    final VehicleId vehicle;
    final TelemetrySample oldSample;
    final TelemetrySample freshSample;
    final VehicleLogEntry oldLog;
    final VehicleLogEntry freshLog;
    final List<MissionId> oldMissions = new ArrayList<>();
    final MissionId freshMission;
    final Resident longDeleted;
    final Resident recentlyDeleted;

    AgedFacility(PersistenceUnderTest subject, Instant now, int oldMissionCount) {
        w = FacilityWorld.create(subject, now.minus(5 * 366, ChronoUnit.DAYS));
        vehicle = w.vehicleId(0);
        oldSample = TvmTestData.telemetry(w.facilityId(), vehicle).at(now.minus(Duration.ofDays(120))).build();
        freshSample = TvmTestData.telemetry(w.facilityId(), vehicle).at(now.minus(Duration.ofDays(10))).build();
        oldLog = TvmTestData.vehicleLog(w.facilityId(), vehicle).at(now.minus(Duration.ofDays(91))).build();
        freshLog = TvmTestData.vehicleLog(w.facilityId(), vehicle).at(now.minus(Duration.ofDays(89))).build();
        w.run((TvmTransaction tx) -> {
            tx.telemetry().append(List.of(oldSample, freshSample));
            tx.vehicles().appendLogs(List.of(oldLog, freshLog));
        });
        for (int i = 0; i < oldMissionCount; i++) {
            oldMissions.add(cancelled(now.minus(4 * 366, ChronoUnit.DAYS).plusSeconds(i)));
        }
        freshMission = cancelled(now.minus(2 * 366, ChronoUnit.DAYS));
        longDeleted = w.resident(0);
        recentlyDeleted = w.resident(1);
        w.run((TvmTransaction tx) -> {
            tx.residents().softDelete(longDeleted.id(), now.minus(4 * 366, ChronoUnit.DAYS));
            tx.residents().softDelete(recentlyDeleted.id(), now.minus(366, ChronoUnit.DAYS));
        });
    }

    MissionId cancelled(Instant at) {
        UserId nurse = w.userId(RoleName.NURSE);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(2), nurse).at(at).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        Mission m = created.mission();
        MissionTransition cancel = m.cancel("no longer needed", at.plusSeconds(60), nurse);
        w.run((TvmTransaction tx) -> tx.missions().apply(cancel));
        return m.id();
    }

    List<TelemetrySample> telemetry() {
        return w.inTransaction((TvmTransaction tx) -> tx.telemetry().range(vehicle, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100));
    }

    List<VehicleLogEntry> logs() {
        return w.inTransaction((TvmTransaction tx) -> tx.vehicles().logs(vehicle, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100));
    }

    boolean missionExists(MissionId id) {
        return w.inTransaction((TvmTransaction tx) -> tx.missions().findByIdIncludingDeleted(id)).isPresent();
    }

    Resident resident(Resident r) {
        return w.inTransaction((TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(r.id()).orElseThrow());
    }

    void assertRetentionApplied(TvmMaintenance m) {
        assertThat(telemetry()).containsExactly(freshSample);
        assertThat(logs()).containsExactly(freshLog);
        for (MissionId id : oldMissions) {
            assertThat(missionExists(id)).as("old mission still live").isFalse();
            ArchivedMission archived = m.archivedMission(id).orElseThrow();
            assertThat(archived.facilityId()).isEqualTo(w.facilityId());
            assertThat(archived.eventCount()).isEqualTo(2);
            JsonValue mission = archived.document().members().get("mission");
            assertThat(mission).isInstanceOfSatisfying(org.tvm.domain.json.JsonObject.class, o -> {
                assertThat(o.get("id")).contains(new JsonValue.Text(id.toString()));
                assertThat(o.get("status")).contains(new JsonValue.Text("cancelled"));
            });
            assertThat(archived.document().members().get("events")).isInstanceOfSatisfying(JsonValue.Array.class,
                    a -> assertThat(a.items()).hasSize(2));
        }
        assertThat(missionExists(freshMission)).isTrue();
        assertThat(m.archivedMission(freshMission)).isEmpty();
        assertThat(resident(longDeleted).firstName()).isEqualTo("Deleted");
        Resident kept = resident(recentlyDeleted);
        assertThat(kept.firstName()).isEqualTo(recentlyDeleted.firstName());
        assertThat(kept.lastName()).isEqualTo(recentlyDeleted.lastName());
        assertThat(kept.medicalNotes()).isEqualTo(recentlyDeleted.medicalNotes());
    }
}
