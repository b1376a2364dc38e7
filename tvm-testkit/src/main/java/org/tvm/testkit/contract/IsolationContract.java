package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.assumeCapability;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.Capability;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Facility isolation across every port: with a context for facility A, no repository method reads, updates or deletes
 * rows of facility B. B's rows behave exactly as absent rows (finders empty, lists without them, mutations
 * {@link NotFoundException}), and writing an aggregate that names facility B throws {@link AccessDeniedException}
 * (nothing written). After every rejected attempt B's rows are unchanged. Both facilities are fully populated
 * ({@link FacilityWorld} plus a location, a mission, telemetry, a vehicle log, an audit entry and a data-access entry
 * each), so a missing facility filter anywhere surfaces.
 *
 * <p>Capabilities: {@link Capability#ROW_LEVEL_SECURITY} for the database-level checks through
 * {@link PersistenceUnderTest#countRowsVisibleToApplication} (skipped without it).
 */
public abstract class IsolationContract {

    /** @return the persistence under test (shared; every test creates its own facilities) */
    protected abstract PersistenceUnderTest subject();

    /** The extra rows written into a world: one of each facility-owned kind not covered by FacilityWorld. */
    private record Extras(Location location, Mission mission, TelemetrySample sample, VehicleLogEntry log,
            AuditEntry audit, User user, Resident resident, Vehicle vehicle) {
    }

    private record Sides(Instant now, FacilityWorld a, FacilityWorld b, Extras ea, Extras eb) {
    }

    private Sides twoFacilities() {
        Instant now = baseNow();
        FacilityWorld a = FacilityWorld.create(subject(), now);
        FacilityWorld b = FacilityWorld.create(subject(), now);
        return new Sides(now, a, b, populate(a, now), populate(b, now));
    }

    private Extras populate(FacilityWorld w, Instant now) {
        FacilityId f = w.facilityId();
        Location location = TvmTestData.location(f).at(now).build();
        MissionTransition created = TvmTestData.mission(f, w.residentId(0), w.userId(RoleName.NURSE)).at(now).build();
        TelemetrySample sample = TvmTestData.telemetry(f, w.vehicleId(0)).at(now.minusSeconds(10)).build();
        VehicleLogEntry log = TvmTestData.vehicleLog(f, w.vehicleId(0)).at(now.minusSeconds(5)).build();
        AuditEntry audit = TvmTestData.auditEntry(f).user(w.userId(RoleName.ADMIN), w.user(RoleName.ADMIN).email().value())
                .resource("mission", created.mission().id().value()).at(now).build();
        User user = TvmTestData.user(f).at(now).build();
        Resident resident = TvmTestData.resident(f).at(now).build();
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).onlineAt(now, 75, TvmTestData.pointNearBase(50, 50)).build();
        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.facilities().insertLocation(location);
            tx.missions().insert(created);
            tx.telemetry().append(List.of(sample));
            tx.vehicles().appendLogs(List.of(log));
            tx.audit().append(audit);
            tx.users().insert(user);
            tx.accessControl().grantRole(user.id(), RoleName.GUEST);
            tx.residents().insert(resident);
            tx.accessControl().assignCaregiver(w.userId(RoleName.CAREGIVER), resident.id());
            tx.vehicles().insert(vehicle);
            tx.residents().findById(w.residentId(0));
            return null;
        });
        return new Extras(location, created.mission(), sample, log, audit, user, resident, vehicle);
    }

    private void inA(Sides s, Consumer<TvmTransaction> work) {
        subject().persistence().run(s.a().systemContext(), work);
    }

    private void inB(Sides s, Consumer<TvmTransaction> work) {
        subject().persistence().run(s.b().systemContext(), work);
    }

    private void assertRejectedInA(Sides s, Class<? extends Throwable> type, Consumer<TvmTransaction> work) {
        assertThatThrownBy(() -> inA(s, work)).isInstanceOf(type);
    }

    private static <T> List<T> allPages(java.util.function.Function<PageRequest, Page<T>> query) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(1000);
        while (true) {
            Page<T> page = query.apply(request);
            all.addAll(page.items());
            Optional<PageRequest> next = page.nextRequest(1000);
            if (next.isEmpty()) {
                return all;
            }
            request = next.get();
        }
    }

    @Test
    void facilityRepositorySeesOnlyTheContextFacilityAndItsLocations() {
        Sides s = twoFacilities();

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.facilities().current()).contains(s.a().facility());
            assertThat(tx.facilities().locations()).containsExactly(s.ea().location());
        });
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.facilities().update(s.b().facility().toBuilder().name("Renamed by A").build()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.facilities().insertLocation(TvmTestData.location(s.b().facilityId()).at(s.now()).build()));
        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.facilities().current()).contains(s.b().facility());
            assertThat(tx.facilities().locations()).containsExactly(s.eb().location());
        });
    }

    @Test
    void residentsOfAnotherFacilityAreInvisible() {
        Sides s = twoFacilities();
        ResidentId foreign = s.b().residentId(0);

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.residents().findById(foreign)).isEmpty();
            assertThat(tx.residents().findByIdIncludingDeleted(foreign)).isEmpty();
            List<Resident> listed = allPages(tx.residents()::list);
            assertThat(listed).extracting(Resident::facilityId).containsOnly(s.a().facilityId());
            assertThat(listed).hasSize(s.a().residents().size() + 1);
        });
    }

    @Test
    void residentsOfAnotherFacilityCannotBeChangedOrDeleted() {
        Sides s = twoFacilities();
        Resident foreign = s.b().resident(0);

        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.residents().update(foreign.toBuilder().facilityId(s.a().facilityId()).firstName("Hijacked").build()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.residents().update(foreign.toBuilder().firstName("Hijacked").build()));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.residents().softDelete(foreign.id(), s.now()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.residents().insert(TvmTestData.resident(s.b().facilityId()).at(s.now()).build()));

        inB(s, (TvmTransaction tx) -> assertThat(tx.residents().findById(foreign.id())).contains(foreign));
    }

    @Test
    void vehiclesOfAnotherFacilityAreInvisible() {
        Sides s = twoFacilities();
        Vehicle foreign = s.b().vehicle(0);

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(foreign.id())).isEmpty();
            assertThat(tx.vehicles().findByIdIncludingDeleted(foreign.id())).isEmpty();
            assertThat(tx.vehicles().findByName(foreign.name())).isEmpty();
            assertThat(tx.vehicles().list()).extracting(Vehicle::facilityId).containsOnly(s.a().facilityId());
            assertThat(tx.vehicles().list()).hasSize(3);
            assertThat(tx.vehicles().logs(foreign.id(), WINDOW_START, WINDOW_END, 1000)).isEmpty();
        });
    }

    @Test
    void vehiclesOfAnotherFacilityCannotBeChangedOrDeleted() {
        Sides s = twoFacilities();
        Vehicle foreign = s.b().vehicle(0);

        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.vehicles().update(foreign.toBuilder().facilityId(s.a().facilityId()).name("Hijacked").build()));
        assertRejectedInA(s, AccessDeniedException.class, (TvmTransaction tx) -> tx.vehicles().update(foreign));
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(foreign.id(), s.now().plusSeconds(60), 1, null));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.vehicles().softDelete(foreign.id(), s.now()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.vehicles().insert(TvmTestData.vehicle(s.b().facilityId()).at(s.now()).build()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(TvmTestData.vehicleLog(s.b().facilityId(), foreign.id()).build())));

        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(foreign.id())).contains(foreign);
            assertThat(tx.vehicles().logs(foreign.id(), WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().log());
        });
    }

    @Test
    void missionsOfAnotherFacilityAreInvisible() {
        Sides s = twoFacilities();
        Mission foreign = s.eb().mission();

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).isEmpty();
            assertThat(tx.missions().findByIdIncludingDeleted(foreign.id())).isEmpty();
            assertThat(tx.missions().events(foreign.id())).isEmpty();
            assertThat(allPages(p -> tx.missions().listByStatus(EnumSet.allOf(MissionStatus.class), p)))
                    .containsExactly(s.ea().mission());
            assertThat(allPages(p -> tx.missions().listByResident(foreign.residentId(), p))).isEmpty();
        });
    }

    @Test
    void missionsOfAnotherFacilityCannotBeChangedOrDeleted() {
        Sides s = twoFacilities();
        Mission foreign = s.eb().mission();
        Mission disguised = foreign.toBuilder().facilityId(s.a().facilityId()).build();

        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.missions().apply(disguised.cancel("taken over", s.now().plusSeconds(1), null)));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.missions().apply(foreign.cancel("taken over", s.now().plusSeconds(1), null)));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.missions().softDelete(foreign.id(), s.now()));
        assertRejectedInA(s, AccessDeniedException.class, (TvmTransaction tx) -> tx.missions().insert(TvmTestData
                .mission(s.b().facilityId(), s.b().residentId(1), s.b().userId(RoleName.NURSE)).at(s.now()).build()));

        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).contains(foreign);
            assertThat(tx.missions().events(foreign.id())).hasSize(1);
        });
    }

    @Test
    void referencesToAnotherFacilitysRowsAreUnknownReferencesAndWriteNothing() {
        Sides s = twoFacilities();
        MissionTransition foreignResident = TvmTestData.mission(s.a().facilityId(), s.b().residentId(1), s.a().userId(RoleName.NURSE))
                .at(s.now()).build();
        MissionTransition foreignCreator = TvmTestData.mission(s.a().facilityId(), s.a().residentId(1), s.b().userId(RoleName.NURSE))
                .at(s.now()).build();
        Vehicle boundToForeignMission = TvmTestData.vehicle(s.a().facilityId()).status(VehicleStatus.NAVIGATING)
                .currentMission(s.eb().mission().id()).at(s.now()).build();
        Mission own = s.ea().mission();

        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().insert(foreignResident));
        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().insert(foreignCreator));
        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.vehicles().insert(boundToForeignMission));
        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.vehicles().appendLogs(
                List.of(TvmTestData.vehicleLog(s.a().facilityId(), s.b().vehicleId(0)).at(s.now()).build())));
        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().apply(
                own.assign(s.b().vehicleId(1), s.now().plusSeconds(1), null)));

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.missions().findByIdIncludingDeleted(foreignResident.mission().id())).isEmpty();
            assertThat(tx.missions().findByIdIncludingDeleted(foreignCreator.mission().id())).isEmpty();
            assertThat(tx.vehicles().findByIdIncludingDeleted(boundToForeignMission.id())).isEmpty();
            assertThat(tx.missions().findById(own.id())).contains(own);
            assertThat(tx.missions().events(own.id())).hasSize(1);
        });
        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(s.b().vehicleId(1))).contains(s.b().vehicle(1));
            assertThat(tx.vehicles().logs(s.b().vehicleId(0), WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().log());
            assertThat(allPages(p -> tx.missions().listByResident(s.b().residentId(1), p))).isEmpty();
        });
    }

    @Test
    void dispatchNeverClaimsAssignsOrOffersAnotherFacilitysRows() {
        Sides s = twoFacilities();
        Mission own = s.ea().mission();
        Mission foreign = s.eb().mission();

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.dispatch().claimNextPending(1000, s.now())).extracting(Mission::id).containsExactly(own.id());
            assertThat(tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, s.now(), 1000))
                    .extracting(c -> c.vehicle().facilityId()).containsOnly(s.a().facilityId()).hasSize(3);
        });
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.dispatch().assign(foreign.id(), s.a().vehicleId(0), s.now().plusSeconds(1)));
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.dispatch().assign(own.id(), s.b().vehicleId(0), s.now().plusSeconds(1)));

        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).contains(foreign);
            assertThat(tx.vehicles().findById(s.b().vehicleId(0))).contains(s.b().vehicle(0));
        });
        inA(s, (TvmTransaction tx) -> assertThat(tx.missions().findById(own.id())).contains(own));
    }

    @Test
    void telemetryOfAnotherFacilityIsInvisibleAndCannotBeWritten() {
        Sides s = twoFacilities();
        VehicleId foreign = s.b().vehicleId(0);

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.telemetry().range(foreign, WINDOW_START, WINDOW_END, 1000)).isEmpty();
            assertThat(tx.telemetry().latest(foreign)).isEmpty();
            assertThat(tx.telemetry().latestPerVehicle()).containsOnlyKeys(s.a().vehicleId(0));
        });
        assertRejectedInA(s, AccessDeniedException.class, (TvmTransaction tx) -> tx.telemetry()
                .append(List.of(TvmTestData.telemetry(s.b().facilityId(), foreign).at(s.now()).build())));
        assertRejectedInA(s, UnknownReferenceException.class, (TvmTransaction tx) -> tx.telemetry()
                .append(List.of(TvmTestData.telemetry(s.a().facilityId(), foreign).at(s.now()).build())));

        inB(s, (TvmTransaction tx) -> assertThat(tx.telemetry().range(foreign, WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().sample()));
    }

    @Test
    void usersOfAnotherFacilityAreInvisibleAndCannotBeChanged() {
        Sides s = twoFacilities();
        User foreign = s.b().user(RoleName.NURSE);

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.users().findById(foreign.id())).isEmpty();
            assertThat(tx.users().findByIdIncludingDeleted(foreign.id())).isEmpty();
            assertThat(tx.users().findByEmail(foreign.email())).isEmpty();
            assertThat(allPages(tx.users()::list)).extracting(User::facilityId).containsOnly(s.a().facilityId())
                    .hasSize(RoleName.values().length + 1);
        });
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.users().update(foreign.toBuilder().facilityId(s.a().facilityId()).lastName("Hijacked").build()));
        assertRejectedInA(s, AccessDeniedException.class, (TvmTransaction tx) -> tx.users().update(foreign));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.users().softDelete(foreign.id(), s.now()));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.users().recordLogin(foreign.id(), s.now(), "10.0.0.1"));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.users().insert(TvmTestData.user(s.b().facilityId()).at(s.now()).build()));

        inB(s, (TvmTransaction tx) -> assertThat(tx.users().findById(foreign.id())).contains(foreign));
    }

    @Test
    void accessControlNeverReachesAnotherFacilitysUsersOrResidents() {
        Sides s = twoFacilities();
        User foreignAdmin = s.b().user(RoleName.ADMIN);
        User foreignCaregiver = s.b().user(RoleName.CAREGIVER);

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(foreignAdmin.id())).isEmpty();
            assertThat(tx.accessControl().hasPermission(foreignAdmin.id(), Permission.parse("mission:read"))).isFalse();
            assertThat(tx.accessControl().residentsAssignedTo(foreignCaregiver.id())).isEmpty();
            tx.accessControl().unassignCaregiver(foreignCaregiver.id(), s.b().residentId(0));
        });
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().principal(foreignAdmin.id()));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().grantRole(foreignCaregiver.id(), RoleName.ADMIN));
        assertRejectedInA(s, NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().revokeRole(foreignAdmin.id(), RoleName.ADMIN));
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().assignCaregiver(s.a().userId(RoleName.CAREGIVER), s.b().residentId(1)));
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().assignCaregiver(foreignCaregiver.id(), s.a().residentId(1)));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(s.b().userId(RoleName.NURSE), s.a().residentId(0)));
        assertRejectedInA(s, NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(s.a().userId(RoleName.NURSE), s.b().residentId(0)));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanCancel(s.a().userId(RoleName.ADMIN), s.eb().mission()));

        inB(s, (TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(foreignAdmin.id())).containsExactly(RoleName.ADMIN);
            assertThat(tx.accessControl().rolesOf(foreignCaregiver.id())).containsExactly(RoleName.CAREGIVER);
            assertThat(tx.accessControl().residentsAssignedTo(foreignCaregiver.id()))
                    .containsExactlyInAnyOrder(s.b().residentId(0), s.eb().resident().id());
        });
    }

    @Test
    void auditLogsOfAnotherFacilityAreInvisibleAndCannotBeWritten() {
        Sides s = twoFacilities();
        AuditEntry foreign = s.eb().audit();

        inA(s, (TvmTransaction tx) -> {
            assertThat(tx.audit().byResource("mission", foreign.resourceId(), PageRequest.first(1000)).items()).isEmpty();
            assertThat(tx.audit().byUser(foreign.userId(), WINDOW_START, WINDOW_END, PageRequest.first(1000)).items()).isEmpty();
            assertThat(tx.audit().dataAccessFor(s.b().residentId(0), WINDOW_START, WINDOW_END)).isEmpty();
        });
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.audit().append(TvmTestData.auditEntry(s.b().facilityId()).at(s.now()).build()));
        assertRejectedInA(s, AccessDeniedException.class,
                (TvmTransaction tx) -> tx.audit().recordDataAccess(TvmTestData.dataAccess(s.b().facilityId(), s.b().residentId(0)).build()));
        assertRejectedInA(s, UnknownReferenceException.class,
                (TvmTransaction tx) -> tx.audit().recordDataAccess(TvmTestData.dataAccess(s.a().facilityId(), s.b().residentId(0)).build()));

        inB(s, (TvmTransaction tx) -> {
            // the mission's own automatic entries (mission.create, ...) are there too
            assertThat(tx.audit().byResource("mission", foreign.resourceId(), PageRequest.first(1000)).items())
                    .filteredOn(e -> e.action().equals(foreign.action())).containsExactly(foreign);
            assertThat(tx.audit().dataAccessFor(s.b().residentId(0), WINDOW_START, WINDOW_END)).hasSize(1);
        });
    }

    @Test
    void operationsQueriesShowOnlyTheContextFacility() {
        Sides s = twoFacilities();

        subject().persistence().inTransaction(s.a().systemContext(), (TvmTransaction tx) -> {
            assertThat(tx.operations().activeMissions(1000)).extracting(ActiveMissionView::id)
                    .containsExactly(s.ea().mission().id());
            assertThat(tx.operations().fleetStatus(s.now())).extracting(FleetStatusView::id)
                    .containsExactlyInAnyOrder(s.a().vehicleId(0), s.a().vehicleId(1), s.ea().vehicle().id());
            assertThat(tx.operations().recentTelemetry(s.b().vehicleId(0), s.now())).isEmpty();
            assertThat(tx.operations().missionTimeline(s.eb().mission().id())).isEmpty();
            return null;
        });
    }

    @Test
    void pageTokenOfAnotherFacilityNeverReachesItsRows() {
        Sides s = twoFacilities();
        Page<Resident> foreignFirst = subject().persistence().inTransaction(s.b().systemContext(),
                (TvmTransaction tx) -> tx.residents().list(PageRequest.first(1)));
        String foreignToken = foreignFirst.nextToken().orElseThrow();

        List<Resident> seen = new ArrayList<>();
        try {
            inA(s, (TvmTransaction tx) -> seen.addAll(tx.residents().list(PageRequest.after(foreignToken, 1000)).items()));
        } catch (IllegalArgumentException rejected) {
            // rejecting a token of another facility is allowed; revealing rows is not
        }
        assertThat(seen).extracting(Resident::facilityId).containsOnly(s.a().facilityId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"locations", "users", "user_roles", "residents", "caregiver_assignments", "vehicles",
            "missions", "mission_events", "telemetry", "vehicle_logs", "audit_logs", "data_access_logs"})
    void rowLevelSecurityShowsOnlyTheContextFacilitysRows(String table) {
        assumeCapability(subject(), Capability.ROW_LEVEL_SECURITY, "the database itself must hide other facilities' rows");
        Sides s = twoFacilities();
        FacilityId empty = newFacility(subject(), s.now());
        long visibleToA = subject().countRowsVisibleToApplication(table, s.a().facilityId().value());
        long visibleToB = subject().countRowsVisibleToApplication(table, s.b().facilityId().value());

        populate(s.b(), s.now().plusSeconds(1));

        assertThat(visibleToA).as("rows of %s visible to facility A", table).isPositive();
        assertThat(subject().countRowsVisibleToApplication(table, empty.value()))
                .as("rows of %s visible to a facility without rows", table).isZero();
        assertThat(subject().countRowsVisibleToApplication(table, s.a().facilityId().value()))
                .as("rows of %s visible to A after B wrote more", table).isEqualTo(visibleToA);
        assertThat(subject().countRowsVisibleToApplication(table, s.b().facilityId().value()))
                .as("rows of %s visible to B after B wrote more", table).isGreaterThan(visibleToB);
        assertThat(subject().countRowsVisibleToApplication(table, UUID.randomUUID()))
                .as("rows of %s visible to an unknown facility", table).isZero();
    }

    @Test
    void rowLevelSecurityShowsOnlyTheContextFacilityRow() {
        assumeCapability(subject(), Capability.ROW_LEVEL_SECURITY, "the database itself must hide other facilities");
        Sides s = twoFacilities();

        assertThat(subject().countRowsVisibleToApplication("facilities", s.a().facilityId().value())).isEqualTo(1);
        assertThat(subject().countRowsVisibleToApplication("facilities", s.b().facilityId().value())).isEqualTo(1);
        assertThat(subject().countRowsVisibleToApplication("facilities", UUID.randomUUID())).isZero();
    }

    /**
     * An audit entry of facility A may only name a user of A. Naming a user of B is refused exactly like naming a user
     * that does not exist (same exception, same constraint), so a facility cannot probe which user ids exist elsewhere.
     */
    @Test
    void anAuditEntryNamesOnlyUsersOfItsFacilityAndAnotherFacilitysUserLooksUnknown() {
        Instant now = baseNow();
        FacilityWorld a = FacilityWorld.create(subject(), now);
        FacilityWorld b = FacilityWorld.create(subject(), now);
        User other = b.user(RoleName.ADMIN);

        Throwable otherFacility = org.assertj.core.api.Assertions.catchThrowable(() -> a.inTransaction(tx -> {
            tx.audit().append(TvmTestData.auditEntry(a.facilityId()).user(other.id(), null).at(now).build());
            return null;
        }));
        Throwable nobody = org.assertj.core.api.Assertions.catchThrowable(() -> a.inTransaction(tx -> {
            tx.audit().append(TvmTestData.auditEntry(a.facilityId()).user(org.tvm.domain.access.UserId.newId(), null)
                    .at(now).build());
            return null;
        }));

        assertThat(otherFacility).isInstanceOf(UnknownReferenceException.class);
        assertThat(nobody).isInstanceOf(UnknownReferenceException.class);
        assertThat(((UnknownReferenceException) otherFacility).constraint())
                .isEqualTo(((UnknownReferenceException) nobody).constraint());
        assertThat(otherFacility.getMessage()).isEqualTo(nobody.getMessage());
        a.inTransaction(tx -> {
            tx.audit().append(TvmTestData.auditEntry(a.facilityId()).user(a.userId(RoleName.ADMIN), null).at(now).build());
            return null;
        });
    }
}
