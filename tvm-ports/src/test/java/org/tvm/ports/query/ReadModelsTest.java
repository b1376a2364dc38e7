package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;

class ReadModelsTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void connectivityUsesStrictFiveMinuteWindow() {
        assertThat(Connectivity.at(null, NOW)).isEqualTo(Connectivity.OFFLINE);
        assertThat(Connectivity.at(NOW.minusSeconds(299), NOW)).isEqualTo(Connectivity.ONLINE);
        assertThat(Connectivity.at(NOW.minusSeconds(300), NOW)).isEqualTo(Connectivity.OFFLINE);
        assertThat(Connectivity.ONLINE.code()).isEqualTo("online");
        assertThat(Connectivity.OFFLINE.code()).isEqualTo("offline");
    }

    @Test
    void activeMissionView() {
        MissionId id = MissionId.of(UUID.randomUUID());
        ActiveMissionView v = new ActiveMissionView(id, MissionStatus.PENDING, MissionPriority.URGENT, "Room 101",
                "Garden", "Ada Lovelace", null, NOW);
        assertThat(v.vehicleName()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new ActiveMissionView(id, MissionStatus.COMPLETED,
                MissionPriority.LOW, "a", "b", "c", "d", NOW)).withMessageContaining("completed");
        assertThatNullPointerException().isThrownBy(() -> new ActiveMissionView(id, MissionStatus.PENDING,
                MissionPriority.LOW, "a", "b", null, null, NOW)).withMessage("residentName");
    }

    @Test
    void fleetStatusView() {
        VehicleId id = VehicleId.of(UUID.randomUUID());
        assertThat(new FleetStatusView(id, "R1", VehicleStatus.IDLE, null, null, null, Connectivity.OFFLINE).zone()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() ->
                new FleetStatusView(id, "R1", VehicleStatus.IDLE, 101, "A", NOW, Connectivity.ONLINE));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new FleetStatusView(id, "R1", VehicleStatus.IDLE, 50, "A", null, Connectivity.ONLINE));
    }

    @Test
    void telemetryPointCopiesErrorCodes() {
        List<String> codes = new ArrayList<>(List.of("VEH-NAV-001"));
        TelemetryPoint p = new TelemetryPoint(NOW, 52.5, 13.4, 1.2, 80, codes);
        codes.add("X");
        assertThat(p.errorCodes()).containsExactly("VEH-NAV-001");
        assertThatThrownBy(() -> p.errorCodes().add("Y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> new TelemetryPoint(NOW, 52.5, null, null, null, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new TelemetryPoint(NOW, null, null, null, null,
                Arrays.asList("a", null)));
    }

    @Test
    void timelineEntryKeepsOrderAndCopies() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("z", "1");
        details.put("a", "2");
        TimelineEntry e = new TimelineEntry(MissionEventType.CREATED, details, NOW, null);
        details.put("b", "3");
        assertThat(e.details()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
        assertThatThrownBy(() -> e.details().put("q", "r")).isInstanceOf(UnsupportedOperationException.class);
    }
}
