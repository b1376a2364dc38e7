package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.MissionRepository}: missions round-trip with every field, the whole lifecycle is
 * persisted transition by transition with its events in order (occurredAt, then insertion order), each transition
 * checks the version ({@link StaleVersionException}), vehicles are bound and released with their mission
 * ({@link VehicleBusyException} for a second active mission), references are checked
 * ({@link UnknownReferenceException}), active missions cannot be soft-deleted
 * ({@link ConstraintViolationException} "active_mission_not_deletable"), and the newest-first lists filter correctly.
 *
 * <p>Capabilities: none.
 */
public abstract class MissionContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private FacilityWorld world(Instant now) {
        return FacilityWorld.create(subject(), now);
    }

    private MissionTransition request(FacilityWorld w, Instant at) {
        return TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(at).build();
    }

    private Mission insert(FacilityWorld w, MissionTransition created) {
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    private Mission apply(FacilityWorld w, MissionTransition t) {
        return w.inTransaction((TvmTransaction tx) -> tx.missions().apply(t));
    }

    @Test
    void missionWithEveryFieldRoundTripsWithItsCreatedEvent() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(1), w.userId(RoleName.OPERATOR))
                .priority(MissionPriority.HIGH).pickup(Place.of("Room 12 \"east\"", GeoPoint.of(52.5200001, 13.4049999)))
                .dropoff(Place.of("Garden", null)).scheduledAt(now.plusSeconds(3600)).notes("Bring blanket; \u00fcber careful")
                .at(now).build();

        w.run((TvmTransaction tx) -> tx.missions().insert(created));

        w.run((TvmTransaction tx) -> {
            assertThat(tx.missions().findById(created.mission().id())).contains(created.mission());
            assertThat(tx.missions().events(created.mission().id())).containsExactly(created.event());
        });
    }

    @Test
    void fullLifecycleIsPersistedWithEveryEventInOrder() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        UserId operator = w.userId(RoleName.OPERATOR);
        Mission mission = insert(w, request(w, now));
        List<MissionEvent> expected = new ArrayList<>(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id())));
        List<MissionTransition> steps = new ArrayList<>();
        Mission current = mission;
        Instant t = now;
        MissionTransition next = current.assign(w.vehicleId(0), t = t.plusSeconds(1), operator);
        steps.add(next);
        current = apply(w, next);
        next = current.start(t = t.plusSeconds(1), operator);
        steps.add(next);
        current = apply(w, next);
        for (ProgressStep step : ProgressStep.values()) {
            next = current.recordProgress(step, t = t.plusSeconds(1), null);
            steps.add(next);
            current = apply(w, next);
        }
        next = current.complete(t = t.plusSeconds(1), operator);
        steps.add(next);
        Mission completed = apply(w, next);
        steps.forEach(s -> expected.add(s.event()));

        Mission reread = w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()).orElseThrow());
        assertThat(reread).isEqualTo(completed);
        assertThat(reread.toBuilder().updatedAt(next.mission().updatedAt()).build()).isEqualTo(next.mission());
        assertThat(reread.status()).isEqualTo(MissionStatus.COMPLETED);
        assertThat(reread.version()).isEqualTo(steps.size());
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).containsExactlyElementsOf(expected);
        assertThat(expected).extracting(MissionEvent::type).containsExactly(MissionEventType.CREATED,
                MissionEventType.ASSIGNED, MissionEventType.STARTED, MissionEventType.PICKUP_ARRIVED,
                MissionEventType.PICKUP_COMPLETED, MissionEventType.IN_TRANSIT, MissionEventType.DROPOFF_ARRIVED,
                MissionEventType.DROPOFF_COMPLETED, MissionEventType.COMPLETED);
    }

    @Test
    void eventsWithTheSameOccurredAtKeepInsertionOrder() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        Instant same = now.plusSeconds(5);
        MissionTransition assign = mission.assign(w.vehicleId(0), same, null);

        w.run((TvmTransaction tx) -> {
            Mission assigned = tx.missions().apply(assign);
            Mission started = tx.missions().apply(assigned.start(same, null));
            tx.missions().apply(started.recordProgress(ProgressStep.PICKUP_ARRIVED, same, null));
        });

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).extracting(MissionEvent::type)
                .containsExactly(MissionEventType.CREATED, MissionEventType.ASSIGNED, MissionEventType.STARTED,
                        MissionEventType.PICKUP_ARRIVED);
    }

    @Test
    void eventsAreOrderedByOccurredAtEvenWhenWrittenInAnotherOrder() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now.plusSeconds(100)));
        Mission assigned = apply(w, mission.assign(w.vehicleId(0), now.plusSeconds(50), null));

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).extracting(MissionEvent::type)
                .containsExactly(MissionEventType.ASSIGNED, MissionEventType.CREATED);
        assertThat(assigned.status()).isEqualTo(MissionStatus.ASSIGNED);
    }

    @Test
    void applyingAStaleTransitionIsRejectedAndChangesNothing() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        MissionTransition cancel = mission.cancel("no longer needed", now.plusSeconds(1), null);
        MissionTransition fail = mission.fail("resident unwell", now.plusSeconds(2), null);
        Mission cancelled = apply(w, cancel);

        assertThatThrownBy(() -> apply(w, fail)).isInstanceOfSatisfying(StaleVersionException.class, e -> {
            assertThat(e.entity()).isEqualTo("Mission");
            assertThat(e.id()).isEqualTo(mission.id().value().toString());
            assertThat(e.expectedVersion()).isZero();
        });
        assertThatThrownBy(() -> apply(w, cancel)).isInstanceOf(StaleVersionException.class);

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()))).contains(cancelled);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).extracting(MissionEvent::type)
                .containsExactly(MissionEventType.CREATED, MissionEventType.CANCELLED);
    }

    @Test
    void insertRequiresACreationAndApplyRefusesOne() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        MissionTransition created = request(w, now);
        Mission mission = insert(w, created);
        MissionTransition assign = mission.assign(w.vehicleId(0), now.plusSeconds(1), null);

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().insert(assign))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().apply(request(w, now)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()))).contains(mission);
    }

    @Test
    void duplicateMissionIdIsADuplicateKey() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        MissionTransition created = request(w, now);
        insert(w, created);

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().insert(created)))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Mission"));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(created.mission().id()))).hasSize(1);
    }

    @Test
    void missionForAnUnknownOrDeletedResidentOrUnknownCreatorIsAnUnknownReference() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        w.run((TvmTransaction tx) -> tx.residents().softDelete(w.residentId(2), now));

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().insert(TvmTestData.mission(w.facilityId(), ResidentId.newId(),
                w.userId(RoleName.NURSE)).at(now).build()))).isInstanceOf(UnknownReferenceException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().insert(TvmTestData.mission(w.facilityId(), w.residentId(2),
                w.userId(RoleName.NURSE)).at(now).build()))).isInstanceOf(UnknownReferenceException.class);
        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().insert(TvmTestData.mission(w.facilityId(), w.residentId(0),
                UserId.newId()).at(now).build()))).isInstanceOf(UnknownReferenceException.class);

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().listByStatus(EnumSet.allOf(MissionStatus.class),
                PageRequest.first(10)).items())).isEmpty();
    }

    @Test
    void assignmentBindsTheVehicleAndTerminalTransitionReleasesIt() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        Vehicle before = w.vehicle(0);

        Mission assigned = apply(w, mission.assign(before.id(), now.plusSeconds(1), null));
        Vehicle bound = w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(before.id()).orElseThrow());
        Mission cancelled = apply(w, assigned.cancel(null, now.plusSeconds(2), null));
        Vehicle released = w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(before.id()).orElseThrow());

        assertThat(bound.currentMissionId()).isEqualTo(mission.id());
        assertThat(bound.version()).isEqualTo(before.version() + 1);
        assertThat(released.currentMissionId()).isNull();
        assertThat(released.version()).isEqualTo(before.version() + 2);
        assertThat(cancelled.vehicleId()).isEqualTo(before.id());
        assertThat(cancelled.status()).isEqualTo(MissionStatus.CANCELLED);
    }

    @Test
    void assigningAVehicleThatHasAnActiveMissionIsVehicleBusy() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission first = insert(w, request(w, now));
        Mission second = insert(w, request(w, now.plusSeconds(1)));
        apply(w, first.assign(w.vehicleId(0), now.plusSeconds(2), null));

        assertThatThrownBy(() -> apply(w, second.assign(w.vehicleId(0), now.plusSeconds(3), null)))
                .isInstanceOfSatisfying(VehicleBusyException.class, e -> assertThat(e.vehicleId()).isEqualTo(w.vehicleId(0)));

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(second.id()))).contains(second);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.vehicles().findById(w.vehicleId(0)).orElseThrow().currentMissionId()))
                .isEqualTo(first.id());
    }

    @Test
    void failedMissionKeepsItsReasonAndEventDetails() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        MissionTransition fail = mission.fail("lift out of order", now.plusSeconds(1), w.userId(RoleName.OPERATOR));

        Mission failed = apply(w, fail);

        Mission reread = w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()).orElseThrow());
        assertThat(reread).isEqualTo(failed);
        assertThat(reread.status()).isEqualTo(MissionStatus.FAILED);
        assertThat(reread.failureReason()).isEqualTo("lift out of order");
        assertThat(reread.toBuilder().updatedAt(fail.mission().updatedAt()).build()).isEqualTo(fail.mission());
        List<MissionEvent> events = w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()));
        assertThat(events).last().isEqualTo(fail.event());
        assertThat(events.get(events.size() - 1).details()).isEqualTo(Map.of("reason", "lift out of order"));
        assertThat(events.get(events.size() - 1).triggeredBy()).isEqualTo(w.userId(RoleName.OPERATOR));
    }

    @Test
    void activeMissionCannotBeSoftDeleted() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        Mission assigned = apply(w, mission.assign(w.vehicleId(0), now.plusSeconds(1), null));

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().softDelete(mission.id(), now.plusSeconds(2))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("active_mission_not_deletable"));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(mission.id()))).contains(assigned);
    }

    @Test
    void softDeletedMissionIsHiddenButKeepsItsEvents() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        Mission cancelled = apply(w, mission.cancel("duplicate", now.plusSeconds(1), null));

        w.run((TvmTransaction tx) -> tx.missions().softDelete(mission.id(), now.plusSeconds(2)));
        w.run((TvmTransaction tx) -> tx.missions().softDelete(mission.id(), now.plusSeconds(3)));

        w.run((TvmTransaction tx) -> {
            assertThat(tx.missions().findById(mission.id())).isEmpty();
            Mission deleted = tx.missions().findByIdIncludingDeleted(mission.id()).orElseThrow();
            assertThat(deleted.deletedAt()).isEqualTo(now.plusSeconds(2));
            assertThat(deleted.version()).isEqualTo(cancelled.version());
            assertThat(tx.missions().events(mission.id())).hasSize(2);
            assertThat(tx.missions().listByStatus(Set.of(MissionStatus.CANCELLED), PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.missions().listByResident(mission.residentId(), PageRequest.first(10)).items()).isEmpty();
        });
    }

    @Test
    void transitionOfASoftDeletedMissionIsNotFound() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission mission = insert(w, request(w, now));
        w.run((TvmTransaction tx) -> tx.missions().softDelete(mission.id(), now.plusSeconds(1)));

        assertThatThrownBy(() -> apply(w, mission.cancel("gone", now.plusSeconds(2), null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("Mission"));
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(mission.id()))).hasSize(1);
    }

    @Test
    void softDeleteOfAnUnknownMissionIsNotFound() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        MissionId unknown = MissionId.newId();

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.missions().softDelete(unknown, now)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entity()).isEqualTo("Mission");
                    assertThat(e.id()).isEqualTo(unknown.value().toString());
                });
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().events(unknown))).isEmpty();
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findByIdIncludingDeleted(unknown))).isEmpty();
    }

    @Test
    void listByStatusFiltersAndIsNewestFirst() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission oldest = insert(w, request(w, now));
        Mission middle = insert(w, request(w, now.plusSeconds(1)));
        Mission newest = insert(w, request(w, now.plusSeconds(2)));
        Mission cancelled = apply(w, middle.cancel(null, now.plusSeconds(3), null));

        w.run((TvmTransaction tx) -> {
            assertThat(tx.missions().listByStatus(Set.of(MissionStatus.PENDING), PageRequest.first(10)).items())
                    .containsExactly(newest, oldest);
            assertThat(tx.missions().listByStatus(Set.of(MissionStatus.CANCELLED), PageRequest.first(10)).items())
                    .containsExactly(cancelled);
            assertThat(tx.missions().listByStatus(Set.of(MissionStatus.PENDING, MissionStatus.CANCELLED),
                    PageRequest.first(10)).items()).containsExactly(newest, cancelled, oldest);
            assertThat(tx.missions().listByStatus(Set.of(MissionStatus.COMPLETED), PageRequest.first(10)).items()).isEmpty();
        });
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.missions().listByStatus(Set.of(), PageRequest.first(10))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listByResidentReturnsOnlyThatResidentsMissionsNewestFirst() {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        Mission first = insert(w, request(w, now));
        Mission other = insert(w, TvmTestData.mission(w.facilityId(), w.residentId(1), w.userId(RoleName.NURSE))
                .at(now.plusSeconds(1)).build());
        Mission second = insert(w, request(w, now.plusSeconds(2)));

        w.run((TvmTransaction tx) -> {
            assertThat(tx.missions().listByResident(w.residentId(0), PageRequest.first(10)).items())
                    .containsExactly(second, first);
            assertThat(tx.missions().listByResident(w.residentId(1), PageRequest.first(10)).items()).containsExactly(other);
            assertThat(tx.missions().listByResident(ResidentId.newId(), PageRequest.first(10)).items()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(MissionPriority.class)
    void everyPriorityRoundTrips(MissionPriority priority) {
        Instant now = baseNow();
        FacilityWorld w = world(now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.ADMIN))
                .priority(priority).at(now).build();

        insert(w, created);

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().findById(created.mission().id()))).contains(created.mission());
    }
}
