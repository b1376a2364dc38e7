package org.tvm.domain.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.USER;
import static org.tvm.domain.TestData.VEHICLE;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.TestData;

class MissionTest {

    @Test
    void requestToStringShowsIdsButNoFreeText() {
        MissionRequest r = TestData.request().notes("oxygen bottle, dementia: speak slowly").build();
        assertThat(r.toString()).contains(TestData.RESIDENT.toString(), "high")
                .doesNotContain("oxygen", "dementia", "Room 101", "Garden");
        Mission m = Mission.request(r, NOW).mission();
        assertThat(m.toString()).doesNotContain("oxygen", "Room 101");
    }

    @Test
    void eventToStringShowsDetailKeysButNotFreeTextReasons() {
        Mission m = Mission.request(TestData.request().build(), NOW).mission();
        MissionEvent cancelled = m.cancel("resident has a fever and is vomiting", NOW.plusSeconds(60), null).event();
        assertThat(cancelled.details()).containsValue("resident has a fever and is vomiting");
        assertThat(cancelled.toString()).contains("cancelled", "reason").doesNotContain("fever", "vomiting");
    }

    @Test
    void residentTextErasedRemovesNotesAndReasonsButKeepsStatusAndTimes() {
        Mission pending = Mission.request(TestData.request().notes("dementia: speak slowly").build(), NOW).mission();
        MissionTransition failed = pending.fail("felt dizzy", NOW.plusSeconds(60), TestData.USER);
        Mission m = failed.mission();
        assertThat(m.holdsResidentText()).isTrue();

        Mission erased = m.residentTextErased(NOW.plusSeconds(120));
        assertThat(erased.notes()).isNull();
        assertThat(erased.failureReason()).isEqualTo(Mission.ERASED_TEXT);
        assertThat(erased.version()).isEqualTo(m.version() + 1);
        assertThat(erased.updatedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(erased.holdsResidentText()).isFalse();
        assertThat(erased.toBuilder().notes(m.notes()).failureReason(m.failureReason()).version(m.version())
                .updatedAt(m.updatedAt()).build()).isEqualTo(m);
        Mission cancelled = pending.cancel(null, NOW.plusSeconds(60), null).mission().residentTextErased(NOW.plusSeconds(61));
        assertThat(cancelled.failureReason()).isNull();

        MissionEvent event = failed.event().residentTextErased();
        assertThat(event.details()).containsExactly(Map.entry("reason", Mission.ERASED_TEXT));
        assertThat(event.holdsResidentText()).isFalse();
        assertThat(event.residentTextErased()).isSameAs(event);
        assertThat(new MissionEvent(event.missionId(), event.facilityId(), event.type(), event.vehicleId(),
                failed.event().detailsJson(), event.occurredAt(), event.triggeredBy()).residentTextErased()).isEqualTo(event);
        MissionEvent created = Mission.request(TestData.request().build(), NOW).event();
        assertThat(created.holdsResidentText()).isFalse();
        assertThat(created.residentTextErased()).isSameAs(created);
    }

    @Test
    void requestCreatesPendingMissionWithCreatedEvent() {
        MissionId id = MissionId.newId();
        Instant scheduled = Instant.parse("2025-03-01T12:00:00.123456789Z");
        MissionTransition t = Mission.request(TestData.request().id(id).scheduledAt(scheduled).notes("Bring oxygen tank").build(),
                NOW.plusNanos(999));
        Mission m = t.mission();
        assertThat(t.expectedVersion()).isEqualTo(-1);
        assertThat(t.isCreation()).isTrue();
        assertThat(m.id()).isEqualTo(id);
        assertThat(m.status()).isEqualTo(MissionStatus.PENDING);
        assertThat(m.version()).isZero();
        assertThat(m.priority()).isEqualTo(MissionPriority.HIGH);
        assertThat(m.createdAt()).isEqualTo(NOW).isEqualTo(m.updatedAt());
        assertThat(m.scheduledAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
        assertThat(m.notes()).isEqualTo("Bring oxygen tank");
        assertThat(m.vehicleId()).isNull();
        assertThat(m.assignedAt()).isNull();
        assertThat(m.deletedAt()).isNull();
        assertThat(m.createdBy()).isEqualTo(USER);
        assertThat(t.event().type()).isEqualTo(MissionEventType.CREATED);
        assertThat(t.event().occurredAt()).isEqualTo(NOW);
        assertThat(t.event().triggeredBy()).isEqualTo(USER);
        assertThat(t.event().vehicleId()).isNull();
        assertThat(t.event().details()).isEmpty();
    }

    @Test
    void requestGeneratesIdAndDefaultsPriority() {
        Mission m = Mission.request(TestData.request().priority(null).build(), NOW).mission();
        assertThat(m.id()).isNotNull();
        assertThat(m.priority()).isEqualTo(MissionPriority.NORMAL);
        assertInvalid(() -> Mission.request(TestData.request().build(), null), "Mission", "createdAt");
    }

    @Test
    void requestValidatesEveryRequiredField() {
        assertInvalid(() -> TestData.request().facilityId(null).build(), "MissionRequest", "facilityId");
        assertInvalid(() -> TestData.request().residentId(null).build(), "MissionRequest", "residentId");
        assertInvalid(() -> TestData.request().createdBy(null).build(), "MissionRequest", "createdBy");
        assertInvalid(() -> TestData.request().pickup(null).build(), "MissionRequest", "pickup");
        assertInvalid(() -> TestData.request().dropoff(null).build(), "MissionRequest", "dropoff");
        assertInvalid(() -> TestData.request().notes(" ").build(), "MissionRequest", "notes");
    }

    @Test
    void placeValidatesLabel() {
        assertThat(Place.of("Room 101").coordinates()).isNull();
        assertThat(Place.of("x".repeat(200), GeoPoint.of(1, 2)).label()).hasSize(200);
        assertInvalid(() -> Place.of(null), "Place", "label");
        assertInvalid(() -> Place.of(""), "Place", "label");
        assertInvalid(() -> Place.of("x".repeat(201)), "Place", "label");
    }

    @Test
    void assignNeedsAVehicle() {
        assertInvalid(() -> TestData.pendingMission().assign(null, NOW, USER), "Mission", "vehicleId");
    }

    @Test
    void failNeedsAReason() {
        Mission m = TestData.pendingMission();
        assertInvalid(() -> m.fail(null, NOW, USER), "Mission", "failureReason");
        assertInvalid(() -> m.fail("  ", NOW, USER), "Mission", "failureReason");
    }

    @Test
    void cancelWithoutReasonHasEmptyDetailsAndSystemActor() {
        MissionTransition t = TestData.pendingMission().cancel(null, NOW, null);
        assertThat(t.event().details()).isEmpty();
        assertThat(t.event().triggeredBy()).isNull();
        assertThat(TestData.pendingMission().cancel(" ", NOW, null).event().details()).isEmpty();
    }

    @Test
    void transitionsMayNotGoBackInTime() {
        Mission assigned = TestData.pendingMission().assign(VEHICLE, NOW.plusSeconds(60), USER).mission();
        assertInvalid(() -> assigned.start(NOW, USER), "Mission", "startedAt");
        Mission done = assigned.start(NOW.plusSeconds(120), USER).mission();
        for (ProgressStep s : ProgressStep.values()) {
            done = done.recordProgress(s, NOW.plusSeconds(180), USER).mission();
        }
        Mission finished = done;
        assertInvalid(() -> finished.complete(NOW.plusSeconds(100), USER), "Mission", "completedAt");
    }

    @Test
    void outOfOrderProgressNamesTheExpectedStep() {
        Mission started = TestData.pendingMission().assign(VEHICLE, NOW, USER).mission().start(NOW, USER).mission();
        assertThatThrownBy(() -> started.recordProgress(ProgressStep.IN_TRANSIT, NOW, USER))
                .isInstanceOf(IllegalMissionTransitionException.class)
                .hasMessageContaining("pickup_arrived");
        assertInvalid(() -> started.recordProgress(null, NOW, USER), "Mission", "lastProgress");
        Mission repeated = started.recordProgress(ProgressStep.PICKUP_ARRIVED, NOW, USER).mission();
        assertThatThrownBy(() -> repeated.recordProgress(ProgressStep.PICKUP_ARRIVED, NOW, USER))
                .isInstanceOf(IllegalMissionTransitionException.class);
    }

    @Test
    void deletedMissionsCannotTransition() {
        Mission deleted = TestData.pendingMission().softDeleted(NOW.plusSeconds(5));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.deletedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(deleted.version()).isZero();
        assertThat(deleted.softDeleted(NOW.plusSeconds(99))).isSameAs(deleted);
        assertThatThrownBy(() -> deleted.assign(VEHICLE, NOW, USER))
                .isInstanceOf(IllegalMissionTransitionException.class).hasMessageContaining("deleted");
        assertInvalid(() -> TestData.pendingMission().softDeleted(null), "Mission", "deletedAt");
    }

    @Test
    void versionIsCarriedThroughAChainOfTransitions() {
        Mission m = TestData.pendingMission();
        MissionTransition a = m.assign(VEHICLE, NOW, USER);
        MissionTransition s = a.mission().start(NOW, USER);
        assertThat(a.expectedVersion()).isZero();
        assertThat(s.expectedVersion()).isEqualTo(1);
        assertThat(s.mission().version()).isEqualTo(2);
    }

    @Test
    void toBuilderRoundTripsAndEqualityIsByValue() {
        Mission m = TestData.pendingMission();
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(m.toBuilder().notes("other").build()).isNotEqualTo(m);
        assertThat(m.toString()).contains(m.id().toString()).contains("pending");
    }

    static Mission.Builder valid(MissionStatus status) {
        Mission.Builder b = TestData.pendingMission().toBuilder().status(status);
        Instant t = NOW;
        switch (status) {
            case ASSIGNED -> b.vehicleId(VEHICLE).assignedAt(t);
            case IN_PROGRESS -> b.vehicleId(VEHICLE).assignedAt(t).startedAt(t);
            case COMPLETED -> b.vehicleId(VEHICLE).assignedAt(t).startedAt(t).completedAt(t)
                    .lastProgress(ProgressStep.DROPOFF_COMPLETED);
            case FAILED -> b.failureReason("x");
            default -> {
            }
        }
        return b;
    }

    @Test
    void everyStatusHasAValidShape() {
        for (MissionStatus s : MissionStatus.values()) {
            assertThat(valid(s).build().status()).isEqualTo(s);
        }
    }

    static Stream<Arguments> invalidShapes() {
        return Stream.of(
                bad(MissionStatus.PENDING, b -> b.vehicleId(VEHICLE), "vehicleId"),
                bad(MissionStatus.PENDING, b -> b.assignedAt(NOW), "assignedAt"),
                bad(MissionStatus.PENDING, b -> b.failureReason("x"), "failureReason"),
                bad(MissionStatus.PENDING, b -> b.lastProgress(ProgressStep.PICKUP_ARRIVED), "lastProgress"),
                bad(MissionStatus.ASSIGNED, b -> b.vehicleId(null), "vehicleId"),
                bad(MissionStatus.ASSIGNED, b -> b.assignedAt(null), "assignedAt"),
                bad(MissionStatus.ASSIGNED, b -> b.startedAt(NOW), "startedAt"),
                bad(MissionStatus.ASSIGNED, b -> b.completedAt(NOW), "completedAt"),
                bad(MissionStatus.IN_PROGRESS, b -> b.startedAt(null), "startedAt"),
                bad(MissionStatus.IN_PROGRESS, b -> b.startedAt(NOW.minusSeconds(1)), "startedAt"),
                bad(MissionStatus.IN_PROGRESS, b -> b.completedAt(NOW), "completedAt"),
                bad(MissionStatus.COMPLETED, b -> b.completedAt(null), "completedAt"),
                bad(MissionStatus.COMPLETED, b -> b.completedAt(NOW.minusSeconds(1)), "completedAt"),
                bad(MissionStatus.COMPLETED, b -> b.lastProgress(ProgressStep.IN_TRANSIT), "lastProgress"),
                bad(MissionStatus.CANCELLED, b -> b.startedAt(NOW).assignedAt(NOW).vehicleId(VEHICLE), "startedAt"),
                bad(MissionStatus.CANCELLED, b -> b.assignedAt(NOW), "vehicleId"),
                bad(MissionStatus.CANCELLED, b -> b.completedAt(NOW), "completedAt"),
                bad(MissionStatus.CANCELLED, b -> b.failureReason("x"), "failureReason"),
                bad(MissionStatus.FAILED, b -> b.failureReason(null), "failureReason"),
                bad(MissionStatus.FAILED, b -> b.failureReason(" "), "failureReason"),
                bad(MissionStatus.FAILED, b -> b.startedAt(NOW), "assignedAt"),
                bad(MissionStatus.FAILED, b -> b.completedAt(NOW), "completedAt"),
                bad(MissionStatus.PENDING, b -> b.id(null), "id"),
                bad(MissionStatus.PENDING, b -> b.facilityId(null), "facilityId"),
                bad(MissionStatus.PENDING, b -> b.residentId(null), "residentId"),
                bad(MissionStatus.PENDING, b -> b.createdBy(null), "createdBy"),
                bad(MissionStatus.PENDING, b -> b.pickup(null), "pickup"),
                bad(MissionStatus.PENDING, b -> b.dropoff(null), "dropoff"),
                bad(MissionStatus.PENDING, b -> b.priority(null), "priority"),
                bad(MissionStatus.PENDING, b -> b.status(null), "status"),
                bad(MissionStatus.PENDING, b -> b.version(-1), "version"),
                bad(MissionStatus.PENDING, b -> b.createdAt(null), "createdAt"),
                bad(MissionStatus.PENDING, b -> b.updatedAt(null), "updatedAt"),
                bad(MissionStatus.PENDING, b -> b.notes(""), "notes"));
    }

    private static Arguments bad(MissionStatus status, UnaryOperator<Mission.Builder> change, String field) {
        return Arguments.of(status, change, field);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidShapes")
    void inconsistentStatesAreRejected(MissionStatus status, UnaryOperator<Mission.Builder> change, String field) {
        assertInvalid(() -> change.apply(valid(status)).build(), "Mission", field);
    }

    @Test
    void buildTruncatesInstants() {
        Mission m = valid(MissionStatus.PENDING).createdAt(NOW.plusNanos(1)).deletedAt(NOW.plusNanos(5)).build();
        assertThat(m.createdAt()).isEqualTo(NOW);
        assertThat(m.deletedAt()).isEqualTo(NOW);
    }

    @Test
    void missionEventCopiesDetailsAndValidates() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("b", "1");
        details.put("a", "2");
        MissionEvent e = new MissionEvent(MissionId.newId(), TestData.FACILITY, MissionEventType.STARTED, null, details,
                NOW.plusNanos(3), null);
        details.clear();
        assertThat(e.details()).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
        assertThat(e.occurredAt()).isEqualTo(NOW);
        assertThat(new MissionEvent(MissionId.newId(), TestData.FACILITY, MissionEventType.STARTED, null, (java.util.Map<String, String>) null, NOW, null)
                .details()).isEmpty();
        assertInvalid(() -> new MissionEvent(null, TestData.FACILITY, MissionEventType.STARTED, null, (java.util.Map<String, String>) null, NOW, null), "MissionEvent", "missionId");
        assertInvalid(() -> new MissionEvent(MissionId.newId(), null, MissionEventType.STARTED, null, (java.util.Map<String, String>) null, NOW, null), "MissionEvent", "facilityId");
        assertInvalid(() -> new MissionEvent(MissionId.newId(), TestData.FACILITY, null, null, (java.util.Map<String, String>) null, NOW, null), "MissionEvent", "type");
        assertInvalid(() -> new MissionEvent(MissionId.newId(), TestData.FACILITY, MissionEventType.STARTED, null, (java.util.Map<String, String>) null, null, null), "MissionEvent", "occurredAt");
    }

    @Test
    void missionTransitionChecksItsParts() {
        MissionTransition created = Mission.request(TestData.request().build(), NOW);
        Mission m = created.mission();
        MissionEvent e = created.event();
        assertInvalid(() -> new MissionTransition(null, e, -1), "MissionTransition", "mission");
        assertInvalid(() -> new MissionTransition(m, null, -1), "MissionTransition", "event");
        assertInvalid(() -> new MissionTransition(m, e, -2), "MissionTransition", "expectedVersion");
        assertInvalid(() -> new MissionTransition(m, e, 0), "MissionTransition", "expectedVersion");
        MissionEvent foreign = new MissionEvent(MissionId.newId(), TestData.FACILITY, MissionEventType.CREATED, null, (java.util.Map<String, String>) null, NOW, null);
        assertInvalid(() -> new MissionTransition(m, foreign, -1), "MissionTransition", "event");
    }

    @Test
    void illegalTransitionExceptionIsADomainException() {
        IllegalMissionTransitionException e = new IllegalMissionTransitionException(MissionStatus.IN_PROGRESS, MissionEventType.CANCELLED);
        assertThat(e).isInstanceOf(org.tvm.domain.DomainException.class);
        assertThat(e.getMessage()).isEqualTo("Mission: transition 'cancelled' is not allowed from status 'in_progress'");
    }
}
