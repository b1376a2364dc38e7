package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.VehicleKpis;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.query.KpiQueries}: per UTC request day, missions by status and priority, mean and
 * p95 wait from request to pickup arrival, mean trip duration, completion rate, cancellations and failures by reason;
 * per vehicle over a window, completed missions, busy time and utilisation, charging time (BATTERY_LOW to CHARGED log
 * lines) and error log lines. The summary is refreshed first ({@code refreshMissionSummary}), as the job does.
 *
 * <p>Capabilities: none.
 */
public abstract class KpiContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void missionDaysAndFleetKpisFollowFromTheMissionsAndLogs() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        Instant d = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        FacilityWorld w = FacilityWorld.create(subject(), d.minus(Duration.ofDays(1)));
        UserId operator = w.userId(RoleName.OPERATOR);
        VehicleId vehicle = w.vehicleId(0);

        // completed: waited 300 s for pickup, trip 780 s, vehicle busy 840 s
        Mission m1 = insert(w, TvmTestData.mission(w.facilityId(), w.residentId(1), operator).priority(MissionPriority.HIGH)
                .at(d.plusSeconds(8 * 3600)).build());
        m1 = apply(w, m1.assign(vehicle, d.plusSeconds(8 * 3600 + 60), operator));
        m1 = apply(w, m1.start(d.plusSeconds(8 * 3600 + 120), operator));
        int second = 300;
        for (ProgressStep step : ProgressStep.values()) {  // pickup arrived at +300 s, then the rest of the trip
            m1 = apply(w, m1.recordProgress(step, d.plusSeconds(8 * 3600 + second), null));
            second += 100;
        }
        apply(w, m1.complete(d.plusSeconds(8 * 3600 + 900), operator));
        // cancelled with a reason
        Mission m2 = insert(w, TvmTestData.mission(w.facilityId(), w.residentId(1), operator).at(d.plusSeconds(9 * 3600)).build());
        apply(w, m2.cancel("no longer needed", d.plusSeconds(9 * 3600 + 30), operator));
        // failed: vehicle busy 1 h
        Mission m3 = insert(w, TvmTestData.mission(w.facilityId(), w.residentId(2), operator).at(d.plusSeconds(10 * 3600)).build());
        m3 = apply(w, m3.assign(vehicle, d.plusSeconds(10 * 3600), operator));
        m3 = apply(w, m3.start(d.plusSeconds(10 * 3600 + 60), operator));
        apply(w, m3.fail("lift out of order", d.plusSeconds(11 * 3600), operator));
        // next day, still pending
        insert(w, TvmTestData.mission(w.facilityId(), w.residentId(1), operator).at(d.plusSeconds(30 * 3600)).build());
        w.run((TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(
                TvmTestData.vehicleLog(w.facilityId(), vehicle).at(d.plusSeconds(12 * 3600)).with(b -> b.code("BATTERY_LOW")).build(),
                TvmTestData.vehicleLog(w.facilityId(), vehicle).at(d.plusSeconds(13 * 3600)).with(b -> b.code("CHARGED")).build(),
                TvmTestData.vehicleLog(w.facilityId(), vehicle).at(d.plusSeconds(14 * 3600)).level(LogLevel.ERROR).build())));
        subject().administration().refreshMissionSummary();

        List<MissionDayKpis> days = w.inTransaction((TvmTransaction tx) -> tx.kpis().missionDays(day, day.plusDays(2)));
        assertThat(days).extracting(MissionDayKpis::day).containsExactly(day, day.plusDays(1));
        MissionDayKpis k = days.get(0);
        assertThat(k.requested()).isEqualTo(3);
        assertThat(k.byStatus()).containsEntry(MissionStatus.COMPLETED, 1L).containsEntry(MissionStatus.CANCELLED, 1L)
                .containsEntry(MissionStatus.FAILED, 1L).containsEntry(MissionStatus.PENDING, 0L);
        assertThat(k.byPriority()).containsEntry(MissionPriority.HIGH, 1L);
        assertThat(k.meanWaitSeconds().orElseThrow()).isCloseTo(300.0, within(0.001));
        assertThat(k.p95WaitSeconds().orElseThrow()).isCloseTo(300.0, within(0.001));
        assertThat(k.meanTripSeconds().orElseThrow()).isCloseTo(780.0, within(0.001));
        assertThat(k.completionRate().orElseThrow()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(k.cancellationsByReason()).isEqualTo(Map.of("no longer needed", 1L));
        assertThat(k.failuresByReason()).isEqualTo(Map.of("lift out of order", 1L));
        assertThat(days.get(1).byStatus()).containsEntry(MissionStatus.PENDING, 1L);
        assertThat(days.get(1).completionRate()).isEmpty();

        List<VehicleKpis> fleet = w.inTransaction((TvmTransaction tx) -> tx.kpis().fleet(d, d.plus(Duration.ofDays(1))));
        assertThat(fleet).extracting(VehicleKpis::vehicleId).contains(vehicle);
        VehicleKpis v = fleet.stream().filter(f -> f.vehicleId().equals(vehicle)).findFirst().orElseThrow();
        assertThat(v.missionsCompleted()).isEqualTo(1);
        assertThat(v.busy()).isEqualTo(Duration.ofSeconds(840 + 3600));
        assertThat(v.utilisation()).isCloseTo((840 + 3600) / 86_400.0, within(1e-9));
        assertThat(v.charging()).isEqualTo(Duration.ofHours(1));
        assertThat(v.errors()).isEqualTo(1);
        VehicleKpis idle = fleet.stream().filter(f -> f.vehicleId().equals(w.vehicleId(1))).findFirst().orElseThrow();
        assertThat(idle.busy()).isZero();
        assertThat(idle.utilisation()).isZero();
    }

    @Test
    void rangesAreValidated() {
        FacilityWorld w = FacilityWorld.create(subject(), ContractSupport.baseNow());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.kpis().missionDays(today, today)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.kpis().missionDays(today, today.plusDays(400))))
                .isInstanceOf(IllegalArgumentException.class);
        Instant now = Instant.now();
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.kpis().fleet(now, now)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.kpis().missionDays(today, today.plusDays(1)))).isEmpty();
    }

    private static Mission insert(FacilityWorld w, MissionTransition created) {
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    private static Mission apply(FacilityWorld w, MissionTransition t) {
        return w.inTransaction((TvmTransaction tx) -> tx.missions().apply(t));
    }
}
