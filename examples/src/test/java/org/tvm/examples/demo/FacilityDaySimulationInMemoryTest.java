package org.tvm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The simulation against the in-memory reference adapter: the fast check of its logic and determinism. */
class FacilityDaySimulationInMemoryTest {

    private static final Instant START = Instant.parse("2030-03-12T06:00:00Z");
    private static final FacilityDaySimulation.Config SMALL = new FacilityDaySimulation.Config(4, 12, 30, 2, 7L, START,
            "Test Campus");

    @Test
    void aSmallDayKeepsItsInvariantsAndShowsEveryEnding() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        FacilityDaySimulation.Config other = new FacilityDaySimulation.Config(2, 3, 4, 1, 99L, START, "Other Campus");
        DayReport before = new FacilityDaySimulation(store, store.administration(), other).run();
        Map<Mission, List<MissionEvent>> otherBefore = DayInvariants.history(store, before.facilityId());

        List<FacilityDaySimulation.Progress> progress = new ArrayList<>();
        DayReport report = new FacilityDaySimulation(store, store.administration(), SMALL).run(progress::add);

        Map<Mission, List<MissionEvent>> history = DayInvariants.history(store, report.facilityId());
        assertThat(history).hasSize(30);
        DayInvariants.noVehicleHadTwoActiveMissions(history);
        DayInvariants.completedMissionsHaveTheFullSequence(history);
        assertThat(DayInvariants.history(store, before.facilityId())).isEqualTo(otherBefore);

        assertThat(report.missionsRequested()).isEqualTo(30);
        assertThat(report.missions(MissionStatus.COMPLETED)).isPositive();
        assertThat(report.missions(MissionStatus.CANCELLED)).isPositive();
        assertThat(report.missions(MissionStatus.FAILED)).isPositive();
        assertThat(report.missionEvents()).isEqualTo(history.values().stream().mapToLong(List::size).sum());
        assertThat(report.telemetryRows()).isGreaterThan(4 * 6 * 100);
        assertThat(report.chargingSessions()).isPositive();
        assertThat(report.accessDenied()).isPositive();
        assertThat(report.fleet()).hasSize(4);
        assertThat(report.timeline()).isNotNull();
        assertThat(report.timeline().entries()).hasSize(DayInvariants.FULL_SEQUENCE.size());
        assertThat(progress).hasSize(2 * 60 + 1);
        assertThat(progress.get(progress.size() - 1).simulatedNow()).isEqualTo(SMALL.end());
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        assertThat(outcome(SMALL)).isEqualTo(outcome(SMALL));
        assertThat(outcome(SMALL.withStart(START))).isNotEqualTo(outcome(new FacilityDaySimulation.Config(4, 12, 30, 2,
                8L, START, "Test Campus")));
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> FacilityDaySimulation.Config.of(0, 1, 1, 1, 1)).hasMessageContaining("vehicles");
        assertThatThrownBy(() -> FacilityDaySimulation.Config.of(1, 1, -1, 1, 1)).hasMessageContaining("missions");
        assertThatThrownBy(() -> FacilityDaySimulation.Config.of(1, 1, 1, 19, 1)).hasMessageContaining("hours");
        assertThat(FacilityDaySimulation.Config.of(1, 1, 1, 18, 1).end().toString()).endsWith("T00:00:00Z");
        assertThatThrownBy(() -> FacilityDaySimulation.Config.of(1, 1, 1001, 1, 1)).hasMessageContaining("per simulated hour");
    }

    @Test
    void aDenseDayRequestsEveryMissionWithinTheDay() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        FacilityDaySimulation.Config dense = new FacilityDaySimulation.Config(2, 5,
                FacilityDaySimulation.Config.MAX_MISSIONS_PER_HOUR, 1, 3L, START, "Dense Campus");
        DayReport report = new FacilityDaySimulation(store, store.administration(), dense).run();
        assertThat(report.missionsRequested()).isEqualTo(FacilityDaySimulation.Config.MAX_MISSIONS_PER_HOUR);
    }

    /** What a day did, without ids or wall-clock times: per mission its request time, priority, status and events. */
    private static List<String> outcome(FacilityDaySimulation.Config config) {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        DayReport report = new FacilityDaySimulation(store, store.administration(), config).run();
        List<String> result = new ArrayList<>();
        DayInvariants.history(store, report.facilityId()).forEach((m, events) -> result.add(m.createdAt() + " "
                + m.priority() + " " + m.status() + " " + events.stream().map(e -> e.type() + "@" + e.occurredAt()).toList()));
        result.add("telemetry " + report.telemetryRows() + ", heartbeats " + report.heartbeats());
        return result;
    }
}
