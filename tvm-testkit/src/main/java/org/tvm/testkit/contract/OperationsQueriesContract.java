package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.Connectivity;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.TelemetryPoint;
import org.tvm.ports.query.TimelineEntry;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.OperationsQueries}, the spec's dashboard queries 1–4: active missions by priority
 * then age with resident and vehicle names (limit honoured, terminal and deleted missions excluded); fleet status by
 * name with connectivity evaluated strictly (a heartbeat exactly 5 minutes old is OFFLINE); recent telemetry strictly
 * younger than one hour, newest first, at most 1000 points; mission timelines oldest first with the triggering user's
 * e-mail. All queries run in read-only transactions.
 *
 * <p>Capabilities: none.
 */
public abstract class OperationsQueriesContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private <T> T readOnly(FacilityWorld w, TransactionWork<T> work) {
        return subject().persistence().inReadOnlyTransaction(w.systemContext(), work);
    }

    /** The dashboard of query 1 shows resident names, so it records data accesses and needs a writable transaction. */
    private <T> T dashboard(FacilityWorld w, TransactionWork<T> work) {
        return subject().persistence().inTransaction(w.systemContext(), work);
    }

    private Mission pending(FacilityWorld w, int resident, MissionPriority priority, Instant createdAt, String pickup) {
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(resident), w.userId(RoleName.NURSE))
                .priority(priority).pickup(Place.of(pickup)).dropoff(Place.of("Dining hall")).at(createdAt).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    @Test
    void activeMissionsAreOrderedByPriorityThenAgeWithNames() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission normal = pending(w, 0, MissionPriority.NORMAL, now.minusSeconds(50), "Room 1");
        Mission urgent = pending(w, 1, MissionPriority.URGENT, now.minusSeconds(10), "Room 2");
        Mission low = pending(w, 2, MissionPriority.LOW, now.minusSeconds(60), "Room 3");
        Mission highOld = pending(w, 0, MissionPriority.HIGH, now.minusSeconds(40), "Room 4");
        Mission highNew = pending(w, 1, MissionPriority.HIGH, now.minusSeconds(30), "Room 5");
        w.run((TvmTransaction tx) -> tx.dispatch().assign(highNew.id(), w.vehicleId(1), now));

        List<ActiveMissionView> rows = dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(50));

        assertThat(rows).extracting(ActiveMissionView::id)
                .containsExactly(urgent.id(), highOld.id(), highNew.id(), normal.id(), low.id());
        ActiveMissionView assigned = rows.get(2);
        assertThat(assigned.status()).isEqualTo(MissionStatus.ASSIGNED);
        assertThat(assigned.priority()).isEqualTo(MissionPriority.HIGH);
        assertThat(assigned.pickupLocation()).isEqualTo("Room 5");
        assertThat(assigned.dropoffLocation()).isEqualTo("Dining hall");
        assertThat(assigned.residentName()).isEqualTo(w.resident(1).firstName() + " " + w.resident(1).lastName());
        assertThat(assigned.vehicleName()).isEqualTo(w.vehicle(1).name());
        assertThat(assigned.createdAt()).isEqualTo(now.minusSeconds(30));
        assertThat(rows.get(0).vehicleName()).isNull();
    }

    @Test
    void activeMissionsExcludeTerminalAndDeletedMissionsAndHonourTheLimit() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission cancelled = pending(w, 0, MissionPriority.URGENT, now.minusSeconds(50), "A");
        Mission deleted = pending(w, 0, MissionPriority.URGENT, now.minusSeconds(40), "B");
        Mission first = pending(w, 0, MissionPriority.NORMAL, now.minusSeconds(30), "C");
        Mission second = pending(w, 0, MissionPriority.NORMAL, now.minusSeconds(20), "D");
        Mission inProgress = pending(w, 0, MissionPriority.LOW, now.minusSeconds(10), "E");
        w.run((TvmTransaction tx) -> {
            tx.missions().apply(cancelled.cancel(null, now, null));
            tx.missions().softDelete(deleted.id(), now);
            Mission assigned = tx.dispatch().assign(inProgress.id(), w.vehicleId(0), now);
            tx.missions().apply(assigned.start(now.plusSeconds(1), null));
        });

        assertThat(dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(50))).extracting(ActiveMissionView::id)
                .containsExactly(first.id(), second.id(), inProgress.id());
        assertThat(dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(2))).extracting(ActiveMissionView::id)
                .containsExactly(first.id(), second.id());
        assertThatThrownBy(() -> dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void activeMissionsReturnTheFirstFiftyForTheDashboardLimitWithTiesBrokenById() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Instant same = now.minusSeconds(30);
        List<MissionTransition> created = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            created.add(TvmTestData.mission(w.facilityId(), w.residentId(i % 3), w.userId(RoleName.NURSE))
                    .priority(MissionPriority.NORMAL).at(same).build());
        }
        Mission urgent = pending(w, 0, MissionPriority.URGENT, now.minusSeconds(1), "Room U");
        w.run((TvmTransaction tx) -> created.forEach(tx.missions()::insert));
        List<MissionId> byId = created.stream().map(t -> t.mission().id())
                .sorted(java.util.Comparator.comparing((MissionId id) -> id.value().toString())).toList();

        List<ActiveMissionView> dashboard = dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(50));
        List<ActiveMissionView> all = dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(1000));

        assertThat(dashboard).hasSize(50);
        assertThat(dashboard.get(0).id()).isEqualTo(urgent.id());
        assertThat(dashboard.subList(1, 50)).extracting(ActiveMissionView::id).containsExactlyElementsOf(byId.subList(0, 49));
        assertThat(all).hasSize(56);
        assertThat(all.subList(1, 56)).extracting(ActiveMissionView::id).containsExactlyElementsOf(byId);
        assertThatThrownBy(() -> dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(1001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fleetStatusOrdersNamesByCodePoint() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Vehicle lower = TvmTestData.vehicle(w.facilityId()).name("alpha " + TvmTestData.unique()).at(now).build();
        Vehicle upper = TvmTestData.vehicle(w.facilityId()).name("Zulu " + TvmTestData.unique()).at(now).build();
        Vehicle umlaut = TvmTestData.vehicle(w.facilityId()).name("\u00c4rger " + TvmTestData.unique()).at(now).build();
        w.run((TvmTransaction tx) -> List.of(umlaut, lower, upper).forEach(tx.vehicles()::insert));

        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().fleetStatus(now))).extracting(FleetStatusView::id)
                .containsExactly(w.vehicleId(0), w.vehicleId(1), upper.id(), lower.id(), umlaut.id());
    }

    @Test
    void fleetStatusIsOnlineOnlyWhileTheHeartbeatIsStrictlyYoungerThanFiveMinutes() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Vehicle exactlyFive = TvmTestData.vehicle(w.facilityId()).name("C exactly five").at(now)
                .onlineAt(now.minus(Duration.ofMinutes(5)), 40, TvmTestData.BASE_POINT).build();
        Vehicle justUnder = TvmTestData.vehicle(w.facilityId()).name("D just under").at(now)
                .onlineAt(now.minus(Duration.ofMinutes(5)).plus(1, ChronoUnit.MICROS), 41, TvmTestData.BASE_POINT).build();
        Vehicle never = TvmTestData.vehicle(w.facilityId()).name("E never").at(now).build();
        w.run((TvmTransaction tx) -> List.of(exactlyFive, justUnder, never).forEach(tx.vehicles()::insert));

        List<FleetStatusView> rows = readOnly(w, (TvmTransaction tx) -> tx.operations().fleetStatus(now));

        assertThat(rows).filteredOn(r -> r.id().equals(exactlyFive.id())).singleElement()
                .satisfies(r -> assertThat(r.connectivity()).isEqualTo(Connectivity.OFFLINE));
        assertThat(rows).filteredOn(r -> r.id().equals(justUnder.id())).singleElement()
                .satisfies(r -> assertThat(r.connectivity()).isEqualTo(Connectivity.ONLINE));
        assertThat(rows).filteredOn(r -> r.id().equals(never.id())).singleElement().satisfies(r -> {
            assertThat(r.connectivity()).isEqualTo(Connectivity.OFFLINE);
            assertThat(r.lastHeartbeat()).isNull();
            assertThat(r.batteryLevel()).isNull();
            assertThat(r.zone()).isNull();
        });
        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().fleetStatus(now.plus(1, ChronoUnit.MICROS))))
                .filteredOn(r -> r.id().equals(justUnder.id())).singleElement()
                .satisfies(r -> assertThat(r.connectivity()).isEqualTo(Connectivity.OFFLINE));
    }

    @Test
    void fleetStatusListsNonDeletedVehiclesByNameWithTheirState() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Vehicle deleted = TvmTestData.vehicle(w.facilityId()).name("Aardvark").at(now).deletedAt(now).build();
        Vehicle charging = TvmTestData.vehicle(w.facilityId()).name("Charlie " + TvmTestData.unique()).at(now)
                .onlineAt(now.minusSeconds(30), 12, TvmTestData.BASE_POINT).status(VehicleStatus.CHARGING)
                .location(TvmTestData.BASE_POINT, "dock 3").build();
        w.run((TvmTransaction tx) -> List.of(deleted, charging).forEach(tx.vehicles()::insert));

        List<FleetStatusView> rows = readOnly(w, (TvmTransaction tx) -> tx.operations().fleetStatus(now));

        assertThat(rows).extracting(FleetStatusView::id).containsExactly(w.vehicleId(0), w.vehicleId(1), charging.id());
        assertThat(rows.get(2)).isEqualTo(new FleetStatusView(charging.id(), charging.name(), VehicleStatus.CHARGING, 12,
                "dock 3", now.minusSeconds(30), Connectivity.ONLINE));
        assertThat(rows.get(0).batteryLevel()).isEqualTo(90);
        assertThat(rows.get(0).zone()).isEqualTo("north");
    }

    @Test
    void recentTelemetryIsStrictlyWithinTheLastHourNewestFirst() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        VehicleId v = w.vehicleId(0);
        TelemetrySample exactlyHour = TvmTestData.telemetry(w.facilityId(), v).at(now.minus(Duration.ofHours(1))).build();
        TelemetrySample justInside = TvmTestData.telemetry(w.facilityId(), v).allFields()
                .at(now.minus(Duration.ofHours(1)).plus(1, ChronoUnit.MICROS)).build();
        TelemetrySample recent = TvmTestData.telemetry(w.facilityId(), v).at(now.minusSeconds(5)).battery(77).build();
        TelemetrySample future = TvmTestData.telemetry(w.facilityId(), v).at(now.plusSeconds(5))
                .with(b -> b.position(null)).build();
        w.run((TvmTransaction tx) -> tx.telemetry().append(List.of(recent, exactlyHour, future, justInside)));

        List<TelemetryPoint> points = readOnly(w, (TvmTransaction tx) -> tx.operations().recentTelemetry(v, now));

        assertThat(points).extracting(TelemetryPoint::timestamp)
                .containsExactly(future.timestamp(), recent.timestamp(), justInside.timestamp());
        assertThat(points.get(2)).isEqualTo(new TelemetryPoint(justInside.timestamp(), justInside.position().latitude(),
                justInside.position().longitude(), justInside.speedMps(), justInside.batteryLevel(), justInside.errorCodes()));
        assertThat(points.get(0).latitude()).isNull();
        assertThat(points.get(0).longitude()).isNull();
        assertThat(points.get(1).batteryLevel()).isEqualTo(77);
        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().recentTelemetry(VehicleId.newId(), now))).isEmpty();
    }

    @Test
    void recentTelemetryReturnsAtMostTheNewestThousandPoints() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        VehicleId v = w.vehicleId(1);
        List<TelemetrySample> samples = new ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            samples.add(TvmTestData.telemetry(w.facilityId(), v).at(now.minusMillis(3000L * i + 1)).build());
        }
        w.run((TvmTransaction tx) -> tx.telemetry().append(samples));

        List<TelemetryPoint> points = readOnly(w, (TvmTransaction tx) -> tx.operations().recentTelemetry(v, now));

        assertThat(points).hasSize(1000);
        assertThat(points).extracting(TelemetryPoint::timestamp)
                .containsExactlyElementsOf(samples.subList(0, 1000).stream().map(TelemetrySample::timestamp).toList());
    }

    @Test
    void recentTelemetryWithEqualTimestampsIsInReverseInsertionOrder() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        VehicleId v = w.vehicleId(0);
        Instant at = now.minusSeconds(10);
        TelemetrySample first = TvmTestData.telemetry(w.facilityId(), v).at(at).battery(1).build();
        TelemetrySample second = TvmTestData.telemetry(w.facilityId(), v).at(at).battery(2).build();
        TelemetrySample third = TvmTestData.telemetry(w.facilityId(), v).at(at).battery(3).build();
        w.run((TvmTransaction tx) -> tx.telemetry().append(List.of(first, second)));
        w.run((TvmTransaction tx) -> tx.telemetry().append(List.of(third)));

        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().recentTelemetry(v, now)))
                .extracting(TelemetryPoint::batteryLevel).containsExactly(3, 2, 1);
    }

    @Test
    void missionTimelineOfASoftDeletedMissionIsStillAvailable() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, 0, MissionPriority.NORMAL, now, "Room 7");
        w.run((TvmTransaction tx) -> {
            tx.missions().apply(mission.cancel("resident asleep", now.plusSeconds(1), w.userId(RoleName.OPERATOR)));
            tx.missions().softDelete(mission.id(), now.plusSeconds(2));
        });

        List<TimelineEntry> timeline = readOnly(w, (TvmTransaction tx) -> tx.operations().missionTimeline(mission.id()));

        assertThat(timeline).extracting(TimelineEntry::type).containsExactly(MissionEventType.CREATED, MissionEventType.CANCELLED);
        assertThat(timeline).extracting(TimelineEntry::at).containsExactly(now, now.plusSeconds(1));
        assertThat(timeline.get(1).triggeredByEmail()).isEqualTo(w.user(RoleName.OPERATOR).email().value());
    }

    @Test
    void missionTimelineIsOldestFirstWithTheTriggeringUsersEmail() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Mission mission = pending(w, 0, MissionPriority.NORMAL, now, "Room 9");
        String operatorEmail = w.user(RoleName.OPERATOR).email().value();
        Mission assigned = w.inTransactionAs(RoleName.OPERATOR,
                (TvmTransaction tx) -> tx.dispatch().assign(mission.id(), w.vehicleId(0), now.plusSeconds(1)));
        w.run((TvmTransaction tx) -> {
            Mission started = tx.missions().apply(assigned.start(now.plusSeconds(2), null));
            tx.missions().apply(started.recordProgress(ProgressStep.PICKUP_ARRIVED, now.plusSeconds(3), w.userId(RoleName.ADMIN)));
        });
        w.run((TvmTransaction tx) -> tx.users().softDelete(w.userId(RoleName.ADMIN), now.plusSeconds(4)));

        List<TimelineEntry> timeline = readOnly(w, (TvmTransaction tx) -> tx.operations().missionTimeline(mission.id()));

        assertThat(timeline).extracting(TimelineEntry::type).containsExactly(MissionEventType.CREATED,
                MissionEventType.ASSIGNED, MissionEventType.STARTED, MissionEventType.PICKUP_ARRIVED);
        assertThat(timeline).extracting(TimelineEntry::at)
                .containsExactly(now, now.plusSeconds(1), now.plusSeconds(2), now.plusSeconds(3));
        assertThat(timeline.get(0).triggeredByEmail()).isEqualTo(w.user(RoleName.NURSE).email().value());
        assertThat(timeline.get(1).triggeredByEmail()).isEqualTo(operatorEmail);
        assertThat(timeline.get(1).details()).isEqualTo(Map.of("vehicle_id", w.vehicleId(0).toString()));
        assertThat(timeline.get(2).triggeredByEmail()).isNull();
        assertThat(timeline.get(3).triggeredByEmail()).isEqualTo(w.user(RoleName.ADMIN).email().value());
        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().missionTimeline(MissionId.newId()))).isEmpty();
    }

    @Test
    void queriesOfAnEmptyFacilityAreEmpty() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        w.run((TvmTransaction tx) -> {
            tx.vehicles().softDelete(w.vehicleId(0), now);
            tx.vehicles().softDelete(w.vehicleId(1), now);
        });

        assertThat(dashboard(w, (TvmTransaction tx) -> tx.operations().activeMissions(1000))).isEmpty();
        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().fleetStatus(now))).isEmpty();
        assertThat(readOnly(w, (TvmTransaction tx) -> tx.operations().recentTelemetry(w.vehicleId(0), now))).isEmpty();
    }

    @Test
    void theActiveMissionsDashboardRecordsOneReadPerResidentShownAndIsRefusedReadOnly() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        pending(w, 0, MissionPriority.NORMAL, now.minusSeconds(30), "Room 1");
        pending(w, 0, MissionPriority.HIGH, now.minusSeconds(20), "Room 2");
        pending(w, 1, MissionPriority.NORMAL, now.minusSeconds(10), "Room 3");

        List<ActiveMissionView> shown = subject().persistence().inTransaction(w.contextOf(RoleName.OPERATOR),
                (TvmTransaction tx) -> tx.operations().activeMissions(50));
        assertThat(shown).hasSize(3);
        w.run((TvmTransaction tx) -> {
            for (int i = 0; i < 2; i++) {
                assertThat(tx.audit().dataAccessFor(w.residentId(i), ContractSupport.WINDOW_START, ContractSupport.WINDOW_END))
                        .as("resident %d shown once", i).singleElement().satisfies(e -> {
                            assertThat(e.userId()).isEqualTo(w.userId(RoleName.OPERATOR));
                            assertThat(e.accessType()).isEqualTo(org.tvm.domain.audit.DataAccessType.READ);
                        });
            }
        });
        assertThatThrownBy(() -> readOnly(w, (TvmTransaction tx) -> tx.operations().activeMissions(50)))
                .isInstanceOf(IllegalStateException.class);
    }
}
