package org.tvm.domain.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.TestData;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.VehicleId;

/**
 * The full state machine: every reachable state (each status, and in_progress at each progress
 * position) × every transition (assign, start, each progress step, complete, cancel, fail).
 * Legal pairs are listed explicitly below; everything else must throw.
 */
class MissionTransitionMatrixTest {

    static final UserId ACTOR = UserId.parse("0190a6f4-0000-7000-8000-0000000000d1");
    static final VehicleId VEHICLE = TestData.VEHICLE;
    static final Instant T0 = TestData.NOW;

    /** A starting state of the matrix. */
    enum State {
        PENDING(MissionStatus.PENDING, null),
        ASSIGNED(MissionStatus.ASSIGNED, null),
        IN_PROGRESS_NO_PROGRESS(MissionStatus.IN_PROGRESS, null),
        IN_PROGRESS_PICKUP_ARRIVED(MissionStatus.IN_PROGRESS, ProgressStep.PICKUP_ARRIVED),
        IN_PROGRESS_PICKUP_COMPLETED(MissionStatus.IN_PROGRESS, ProgressStep.PICKUP_COMPLETED),
        IN_PROGRESS_IN_TRANSIT(MissionStatus.IN_PROGRESS, ProgressStep.IN_TRANSIT),
        IN_PROGRESS_DROPOFF_ARRIVED(MissionStatus.IN_PROGRESS, ProgressStep.DROPOFF_ARRIVED),
        IN_PROGRESS_DROPOFF_COMPLETED(MissionStatus.IN_PROGRESS, ProgressStep.DROPOFF_COMPLETED),
        COMPLETED(MissionStatus.COMPLETED, ProgressStep.DROPOFF_COMPLETED),
        CANCELLED(MissionStatus.CANCELLED, null),
        FAILED(MissionStatus.FAILED, null);

        final MissionStatus status;
        final ProgressStep lastProgress;

        State(MissionStatus status, ProgressStep lastProgress) {
            this.status = status;
            this.lastProgress = lastProgress;
        }
    }

    /** A transition of the matrix. */
    enum Move {
        ASSIGN, START, PICKUP_ARRIVED, PICKUP_COMPLETED, IN_TRANSIT, DROPOFF_ARRIVED, DROPOFF_COMPLETED, COMPLETE, CANCEL, FAIL;

        MissionEventType eventType() {
            return switch (this) {
                case ASSIGN -> MissionEventType.ASSIGNED;
                case START -> MissionEventType.STARTED;
                case COMPLETE -> MissionEventType.COMPLETED;
                case CANCEL -> MissionEventType.CANCELLED;
                case FAIL -> MissionEventType.FAILED;
                default -> MissionEventType.valueOf(name());
            };
        }

        ProgressStep step() {
            return switch (this) {
                case PICKUP_ARRIVED, PICKUP_COMPLETED, IN_TRANSIT, DROPOFF_ARRIVED, DROPOFF_COMPLETED -> ProgressStep.valueOf(name());
                default -> null;
            };
        }

        MissionTransition apply(Mission m, Instant now) {
            return switch (this) {
                case ASSIGN -> m.assign(VEHICLE, now, ACTOR);
                case START -> m.start(now, ACTOR);
                case COMPLETE -> m.complete(now, ACTOR);
                case CANCEL -> m.cancel("resident not ready", now, ACTOR);
                case FAIL -> m.fail("lidar blocked", now, ACTOR);
                default -> m.recordProgress(step(), now, ACTOR);
            };
        }
    }

    /** The specification: legal (state, move) pairs and the resulting status. Nothing else is legal. */
    static final Map<State, Map<Move, MissionStatus>> LEGAL = new EnumMap<>(State.class);

    static {
        legal(State.PENDING, Move.ASSIGN, MissionStatus.ASSIGNED);
        legal(State.PENDING, Move.CANCEL, MissionStatus.CANCELLED);
        legal(State.PENDING, Move.FAIL, MissionStatus.FAILED);
        legal(State.ASSIGNED, Move.START, MissionStatus.IN_PROGRESS);
        legal(State.ASSIGNED, Move.CANCEL, MissionStatus.CANCELLED);
        legal(State.ASSIGNED, Move.FAIL, MissionStatus.FAILED);
        legal(State.IN_PROGRESS_NO_PROGRESS, Move.PICKUP_ARRIVED, MissionStatus.IN_PROGRESS);
        legal(State.IN_PROGRESS_PICKUP_ARRIVED, Move.PICKUP_COMPLETED, MissionStatus.IN_PROGRESS);
        legal(State.IN_PROGRESS_PICKUP_COMPLETED, Move.IN_TRANSIT, MissionStatus.IN_PROGRESS);
        legal(State.IN_PROGRESS_IN_TRANSIT, Move.DROPOFF_ARRIVED, MissionStatus.IN_PROGRESS);
        legal(State.IN_PROGRESS_DROPOFF_ARRIVED, Move.DROPOFF_COMPLETED, MissionStatus.IN_PROGRESS);
        legal(State.IN_PROGRESS_DROPOFF_COMPLETED, Move.COMPLETE, MissionStatus.COMPLETED);
        for (State s : List.of(State.IN_PROGRESS_NO_PROGRESS, State.IN_PROGRESS_PICKUP_ARRIVED,
                State.IN_PROGRESS_PICKUP_COMPLETED, State.IN_PROGRESS_IN_TRANSIT, State.IN_PROGRESS_DROPOFF_ARRIVED,
                State.IN_PROGRESS_DROPOFF_COMPLETED)) {
            legal(s, Move.FAIL, MissionStatus.FAILED);
        }
    }

    private static void legal(State s, Move m, MissionStatus result) {
        LEGAL.computeIfAbsent(s, k -> new EnumMap<>(Move.class)).put(m, result);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (State s : State.values()) {
            for (Move m : Move.values()) {
                cases.add(Arguments.of(s, m));
            }
        }
        return cases.stream();
    }

    @Test
    void matrixSizeIsExplicit() {
        assertThat(matrix()).hasSize(11 * 10);
        assertThat(LEGAL.values().stream().mapToInt(Map::size).sum()).isEqualTo(18);
    }

    /** Reaches {@code state} through real transitions, one minute apart, starting at T0. */
    static Mission reach(State state) {
        Instant t = T0;
        Mission m = Mission.request(TestData.request().build(), t).mission();
        if (state == State.PENDING) {
            return m;
        }
        if (state == State.CANCELLED) {
            return m.cancel(null, t = t.plusSeconds(60), ACTOR).mission();
        }
        if (state == State.FAILED) {
            return m.assign(VEHICLE, t = t.plusSeconds(60), ACTOR).mission().fail("battery", t.plusSeconds(60), null).mission();
        }
        m = m.assign(VEHICLE, t = t.plusSeconds(60), ACTOR).mission();
        if (state == State.ASSIGNED) {
            return m;
        }
        m = m.start(t = t.plusSeconds(60), ACTOR).mission();
        for (ProgressStep step : ProgressStep.values()) {
            if (m.lastProgress() == state.lastProgress) {
                break;
            }
            m = m.recordProgress(step, t = t.plusSeconds(60), ACTOR).mission();
        }
        if (state == State.COMPLETED) {
            m = m.complete(t.plusSeconds(60), ACTOR).mission();
        }
        return m;
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("matrix")
    void transition(State state, Move move) {
        Mission before = reach(state);
        assertThat(before.status()).isEqualTo(state.status);
        assertThat(before.lastProgress()).isEqualTo(state.lastProgress);
        // a far-later instant with nanoseconds: must be truncated to micros
        Instant now = T0.plus(Duration.ofHours(3)).plusNanos(789);
        Instant nowMicros = T0.plus(Duration.ofHours(3));

        MissionStatus expected = LEGAL.getOrDefault(state, Map.of()).get(move);
        if (expected == null) {
            assertThatThrownBy(() -> move.apply(before, now))
                    .isInstanceOf(IllegalMissionTransitionException.class)
                    .satisfies(e -> {
                        IllegalMissionTransitionException ex = (IllegalMissionTransitionException) e;
                        assertThat(ex.from()).isEqualTo(state.status);
                        assertThat(ex.attempted()).isEqualTo(move.eventType());
                        assertThat(ex.getMessage()).contains(state.status.code()).contains(move.eventType().code());
                    });
            return;
        }

        MissionTransition t = move.apply(before, now);
        Mission after = t.mission();
        MissionEvent event = t.event();

        assertThat(after.status()).isEqualTo(expected);
        assertThat(t.expectedVersion()).isEqualTo(before.version());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(t.isCreation()).isFalse();
        assertThat(after.updatedAt()).isEqualTo(nowMicros);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.id()).isEqualTo(before.id());

        assertThat(event.type()).isEqualTo(move.eventType());
        assertThat(event.missionId()).isEqualTo(before.id());
        assertThat(event.facilityId()).isEqualTo(before.facilityId());
        assertThat(event.occurredAt()).isEqualTo(nowMicros);
        assertThat(event.triggeredBy()).isEqualTo(ACTOR);
        assertThat(event.vehicleId()).isEqualTo(after.vehicleId());

        switch (move) {
            case ASSIGN -> {
                assertThat(after.vehicleId()).isEqualTo(VEHICLE);
                assertThat(after.assignedAt()).isEqualTo(nowMicros);
                assertThat(event.details()).containsExactly(Map.entry("vehicle_id", VEHICLE.toString()));
            }
            case START -> {
                assertThat(after.startedAt()).isEqualTo(nowMicros);
                assertThat(after.assignedAt()).isEqualTo(before.assignedAt());
                assertThat(event.details()).isEmpty();
            }
            case COMPLETE -> {
                assertThat(after.completedAt()).isEqualTo(nowMicros);
                assertThat(after.startedAt()).isEqualTo(before.startedAt());
                assertThat(after.status().isTerminal()).isTrue();
                assertThat(after.vehicleId()).isEqualTo(VEHICLE); // kept for history
            }
            case CANCEL -> {
                assertThat(after.completedAt()).isNull();
                assertThat(after.vehicleId()).isEqualTo(before.vehicleId());
                assertThat(event.details()).containsExactly(Map.entry("reason", "resident not ready"));
            }
            case FAIL -> {
                assertThat(after.failureReason()).isEqualTo("lidar blocked");
                assertThat(after.completedAt()).isNull();
                assertThat(after.startedAt()).isEqualTo(before.startedAt());
                assertThat(after.lastProgress()).isEqualTo(before.lastProgress());
                assertThat(event.details()).containsExactly(Map.entry("reason", "lidar blocked"));
            }
            default -> {
                assertThat(after.lastProgress()).isEqualTo(move.step());
                assertThat(after.startedAt()).isEqualTo(before.startedAt());
                assertThat(event.details()).isEmpty();
            }
        }
        // every other lifecycle timestamp is untouched
        if (move != Move.ASSIGN) {
            assertThat(after.assignedAt()).isEqualTo(before.assignedAt());
        }
        if (move != Move.COMPLETE) {
            assertThat(after.completedAt()).isNull();
        }
        assertThat(before.status()).as("the original is immutable").isEqualTo(state.status);
    }
}
