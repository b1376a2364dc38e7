package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.facility.LocationKind;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.domain.telemetry.SensorStatus;

class EnumCodesTest {

    static Stream<Class<? extends Enum<?>>> enums() {
        return Stream.of(LocationKind.class, Gender.class, WheelchairType.class, VehicleStatus.class, LogLevel.class,
                MissionPriority.class, MissionStatus.class, ProgressStep.class, MissionEventType.class,
                SensorStatus.class, UserStatus.class, RoleName.class, DataAccessType.class);
    }

    @ParameterizedTest
    @MethodSource("enums")
    void everyConstantRoundTripsThroughItsLowerCaseCode(Class<? extends Enum<?>> type) throws Exception {
        Method code = type.getMethod("code");
        Method fromCode = type.getMethod("fromCode", String.class);
        for (Enum<?> constant : type.getEnumConstants()) {
            String c = (String) code.invoke(constant);
            assertThat(c).isEqualTo(c.toLowerCase());
            assertThat(fromCode.invoke(null, c)).isSameAs(constant);
        }
    }

    @ParameterizedTest
    @MethodSource("enums")
    void unknownCodesAreDomainErrors(Class<? extends Enum<?>> type) throws Exception {
        Method fromCode = type.getMethod("fromCode", String.class);
        for (String bad : Arrays.asList("nope", "", null, "PENDING")) {
            assertInvalid(() -> {
                try {
                    fromCode.invoke(null, bad);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }, type.getSimpleName(), "code");
        }
    }

    @Test
    void codesMatchTheSpec() {
        assertThat(Arrays.stream(Gender.values()).map(Gender::code))
                .containsExactly("male", "female", "non-binary", "prefer-not-to-say");
        assertThat(Arrays.stream(WheelchairType.values()).map(WheelchairType::code))
                .containsExactly("manual", "powered", "transport_chair");
        assertThat(Arrays.stream(VehicleStatus.values()).map(VehicleStatus::code))
                .containsExactly("idle", "navigating", "docking", "charging", "maintenance", "error");
        assertThat(Arrays.stream(MissionStatus.values()).map(MissionStatus::code))
                .containsExactly("pending", "assigned", "in_progress", "completed", "cancelled", "failed");
        assertThat(Arrays.stream(MissionPriority.values()).map(MissionPriority::code))
                .containsExactly("low", "normal", "high", "urgent");
        assertThat(Arrays.stream(MissionEventType.values()).map(MissionEventType::code)).containsExactly(
                "created", "assigned", "started", "pickup_arrived", "pickup_completed", "in_transit", "dropoff_arrived",
                "dropoff_completed", "completed", "cancelled", "failed");
        assertThat(Arrays.stream(UserStatus.values()).map(UserStatus::code))
                .containsExactly("active", "inactive", "locked", "pending_verification");
        assertThat(Arrays.stream(RoleName.values()).map(RoleName::code))
                .containsExactly("admin", "operator", "nurse", "caregiver", "maintenance", "guest");
        assertThat(Arrays.stream(SensorStatus.values()).map(SensorStatus::code)).containsExactly("ok", "degraded", "error");
        assertThat(Arrays.stream(DataAccessType.values()).map(DataAccessType::code)).containsExactly("read", "update", "export");
        assertThat(Arrays.stream(LogLevel.values()).map(LogLevel::code)).containsExactly("debug", "info", "warn", "error");
        assertThat(Arrays.stream(LocationKind.values()).map(LocationKind::code))
                .containsExactly("room", "entrance", "charging_station", "building", "outdoor", "other");
    }

    @Test
    void priorityRankOrdersUrgentFirst() {
        assertThat(MissionPriority.URGENT.rank()).isEqualTo(1);
        assertThat(MissionPriority.HIGH.rank()).isEqualTo(2);
        assertThat(MissionPriority.NORMAL.rank()).isEqualTo(3);
        assertThat(MissionPriority.LOW.rank()).isEqualTo(4);
    }

    @Test
    void statusActiveAndTerminal() {
        assertThat(Arrays.stream(MissionStatus.values()).filter(MissionStatus::isActive))
                .containsExactly(MissionStatus.ASSIGNED, MissionStatus.IN_PROGRESS);
        assertThat(Arrays.stream(MissionStatus.values()).filter(MissionStatus::isTerminal))
                .containsExactly(MissionStatus.COMPLETED, MissionStatus.CANCELLED, MissionStatus.FAILED);
    }

    @Test
    void progressStepsAreOrderedAndMapToEvents() {
        List<ProgressStep> order = List.of(ProgressStep.PICKUP_ARRIVED, ProgressStep.PICKUP_COMPLETED,
                ProgressStep.IN_TRANSIT, ProgressStep.DROPOFF_ARRIVED, ProgressStep.DROPOFF_COMPLETED);
        assertThat(ProgressStep.values()).containsExactlyElementsOf(order);
        assertThat(ProgressStep.next(null)).isEqualTo(ProgressStep.PICKUP_ARRIVED);
        for (int i = 0; i + 1 < order.size(); i++) {
            assertThat(ProgressStep.next(order.get(i))).isEqualTo(order.get(i + 1));
            assertThat(order.get(i).isLast()).isFalse();
        }
        assertThat(ProgressStep.next(ProgressStep.DROPOFF_COMPLETED)).isNull();
        assertThat(ProgressStep.DROPOFF_COMPLETED.isLast()).isTrue();
        for (ProgressStep s : order) {
            assertThat(s.eventType().name()).isEqualTo(s.name());
            assertThat(s.code()).isEqualTo(s.eventType().code());
        }
    }
}
