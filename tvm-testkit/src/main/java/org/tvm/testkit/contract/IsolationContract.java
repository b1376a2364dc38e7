package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.AccessDeniedException;
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
 * each), so a missing facility filter anywhere surfaces. The database's own hiding of other facilities' rows is
 * {@link RowLevelSecurityContract}'s (same two facilities, {@code TwoFacilities}).
 *
 * <p>Capabilities: none.
 */
public abstract class IsolationContract {

    /** @return the persistence under test (shared; every test creates its own facilities) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void facilityRepositorySeesOnlyTheContextFacilityAndItsLocations() {
        TwoFacilities s = TwoFacilities.create(subject());

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.facilities().current()).contains(s.a().facility());
            assertThat(tx.facilities().locations()).containsExactly(s.ea().location());
        });
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.facilities().update(s.b().facility().toBuilder().name("Renamed by A").build()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.facilities().insertLocation(TvmTestData.location(s.b().facilityId()).at(s.now()).build()));
        s.inB((TvmTransaction tx) -> {
            assertThat(tx.facilities().current()).contains(s.b().facility());
            assertThat(tx.facilities().locations()).containsExactly(s.eb().location());
        });
    }

    @Test
    void residentsOfAnotherFacilityAreInvisible() {
        TwoFacilities s = TwoFacilities.create(subject());
        ResidentId foreign = s.b().residentId(0);

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.residents().findById(foreign)).isEmpty();
            assertThat(tx.residents().findByIdIncludingDeleted(foreign)).isEmpty();
            List<Resident> listed = TwoFacilities.allPages(tx.residents()::list);
            assertThat(listed).extracting(Resident::facilityId).containsOnly(s.a().facilityId());
            assertThat(listed).hasSize(s.a().residents().size() + 1);
        });
    }

    @Test
    void residentsOfAnotherFacilityCannotBeChangedOrDeleted() {
        TwoFacilities s = TwoFacilities.create(subject());
        Resident foreign = s.b().resident(0);

        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.residents().update(foreign.toBuilder().facilityId(s.a().facilityId()).firstName("Hijacked").build()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.residents().update(foreign.toBuilder().firstName("Hijacked").build()));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.residents().softDelete(foreign.id(), s.now()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.residents().insert(TvmTestData.resident(s.b().facilityId()).at(s.now()).build()));

        s.inB((TvmTransaction tx) -> assertThat(tx.residents().findById(foreign.id())).contains(foreign));
    }

    @Test
    void vehiclesOfAnotherFacilityAreInvisible() {
        TwoFacilities s = TwoFacilities.create(subject());
        Vehicle foreign = s.b().vehicle(0);

        s.inA((TvmTransaction tx) -> {
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
        TwoFacilities s = TwoFacilities.create(subject());
        Vehicle foreign = s.b().vehicle(0);

        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.vehicles().update(foreign.toBuilder().facilityId(s.a().facilityId()).name("Hijacked").build()));
        s.assertRejectedInA(AccessDeniedException.class, (TvmTransaction tx) -> tx.vehicles().update(foreign));
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(foreign.id(), s.now().plusSeconds(60), 1, null));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.vehicles().softDelete(foreign.id(), s.now()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.vehicles().insert(TvmTestData.vehicle(s.b().facilityId()).at(s.now()).build()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(TvmTestData.vehicleLog(s.b().facilityId(), foreign.id()).build())));

        s.inB((TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(foreign.id())).contains(foreign);
            assertThat(tx.vehicles().logs(foreign.id(), WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().log());
        });
    }

    @Test
    void missionsOfAnotherFacilityAreInvisible() {
        TwoFacilities s = TwoFacilities.create(subject());
        Mission foreign = s.eb().mission();

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).isEmpty();
            assertThat(tx.missions().findByIdIncludingDeleted(foreign.id())).isEmpty();
            assertThat(tx.missions().events(foreign.id())).isEmpty();
            assertThat(TwoFacilities.allPages(p -> tx.missions().listByStatus(EnumSet.allOf(MissionStatus.class), p)))
                    .containsExactly(s.ea().mission());
            assertThat(TwoFacilities.allPages(p -> tx.missions().listByResident(foreign.residentId(), p))).isEmpty();
        });
    }

    @Test
    void missionsOfAnotherFacilityCannotBeChangedOrDeleted() {
        TwoFacilities s = TwoFacilities.create(subject());
        Mission foreign = s.eb().mission();
        Mission disguised = foreign.toBuilder().facilityId(s.a().facilityId()).build();

        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.missions().apply(disguised.cancel("taken over", s.now().plusSeconds(1), null)));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.missions().apply(foreign.cancel("taken over", s.now().plusSeconds(1), null)));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.missions().softDelete(foreign.id(), s.now()));
        s.assertRejectedInA(AccessDeniedException.class, (TvmTransaction tx) -> tx.missions().insert(TvmTestData
                .mission(s.b().facilityId(), s.b().residentId(1), s.b().userId(RoleName.NURSE)).at(s.now()).build()));

        s.inB((TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).contains(foreign);
            assertThat(tx.missions().events(foreign.id())).hasSize(1);
        });
    }

    @Test
    void referencesToAnotherFacilitysRowsAreUnknownReferencesAndWriteNothing() {
        TwoFacilities s = TwoFacilities.create(subject());
        MissionTransition foreignResident = TvmTestData.mission(s.a().facilityId(), s.b().residentId(1), s.a().userId(RoleName.NURSE))
                .at(s.now()).build();
        MissionTransition foreignCreator = TvmTestData.mission(s.a().facilityId(), s.a().residentId(1), s.b().userId(RoleName.NURSE))
                .at(s.now()).build();
        Vehicle boundToForeignMission = TvmTestData.vehicle(s.a().facilityId()).status(VehicleStatus.NAVIGATING)
                .currentMission(s.eb().mission().id()).at(s.now()).build();
        Mission own = s.ea().mission();

        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().insert(foreignResident));
        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().insert(foreignCreator));
        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.vehicles().insert(boundToForeignMission));
        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.vehicles().appendLogs(
                List.of(TvmTestData.vehicleLog(s.a().facilityId(), s.b().vehicleId(0)).at(s.now()).build())));
        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.missions().apply(
                own.assign(s.b().vehicleId(1), s.now().plusSeconds(1), null)));

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.missions().findByIdIncludingDeleted(foreignResident.mission().id())).isEmpty();
            assertThat(tx.missions().findByIdIncludingDeleted(foreignCreator.mission().id())).isEmpty();
            assertThat(tx.vehicles().findByIdIncludingDeleted(boundToForeignMission.id())).isEmpty();
            assertThat(tx.missions().findById(own.id())).contains(own);
            assertThat(tx.missions().events(own.id())).hasSize(1);
        });
        s.inB((TvmTransaction tx) -> {
            assertThat(tx.vehicles().findById(s.b().vehicleId(1))).contains(s.b().vehicle(1));
            assertThat(tx.vehicles().logs(s.b().vehicleId(0), WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().log());
            assertThat(TwoFacilities.allPages(p -> tx.missions().listByResident(s.b().residentId(1), p))).isEmpty();
        });
    }

    @Test
    void dispatchNeverClaimsAssignsOrOffersAnotherFacilitysRows() {
        TwoFacilities s = TwoFacilities.create(subject());
        Mission own = s.ea().mission();
        Mission foreign = s.eb().mission();

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.dispatch().claimNextPending(1000, s.now())).extracting(Mission::id).containsExactly(own.id());
            assertThat(tx.dispatch().nearestAvailable(TvmTestData.BASE_POINT, 0, s.now(), 1000))
                    .extracting(c -> c.vehicle().facilityId()).containsOnly(s.a().facilityId()).hasSize(3);
        });
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.dispatch().assign(foreign.id(), s.a().vehicleId(0), s.now().plusSeconds(1)));
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.dispatch().assign(own.id(), s.b().vehicleId(0), s.now().plusSeconds(1)));

        s.inB((TvmTransaction tx) -> {
            assertThat(tx.missions().findById(foreign.id())).contains(foreign);
            assertThat(tx.vehicles().findById(s.b().vehicleId(0))).contains(s.b().vehicle(0));
        });
        s.inA((TvmTransaction tx) -> assertThat(tx.missions().findById(own.id())).contains(own));
    }

    @Test
    void telemetryOfAnotherFacilityIsInvisibleAndCannotBeWritten() {
        TwoFacilities s = TwoFacilities.create(subject());
        VehicleId foreign = s.b().vehicleId(0);

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.telemetry().range(foreign, WINDOW_START, WINDOW_END, 1000)).isEmpty();
            assertThat(tx.telemetry().latest(foreign)).isEmpty();
            assertThat(tx.telemetry().latestPerVehicle()).containsOnlyKeys(s.a().vehicleId(0));
        });
        s.assertRejectedInA(AccessDeniedException.class, (TvmTransaction tx) -> tx.telemetry()
                .append(List.of(TvmTestData.telemetry(s.b().facilityId(), foreign).at(s.now()).build())));
        s.assertRejectedInA(UnknownReferenceException.class, (TvmTransaction tx) -> tx.telemetry()
                .append(List.of(TvmTestData.telemetry(s.a().facilityId(), foreign).at(s.now()).build())));

        s.inB((TvmTransaction tx) -> assertThat(tx.telemetry().range(foreign, WINDOW_START, WINDOW_END, 1000)).containsExactly(s.eb().sample()));
    }

    @Test
    void usersOfAnotherFacilityAreInvisibleAndCannotBeChanged() {
        TwoFacilities s = TwoFacilities.create(subject());
        User foreign = s.b().user(RoleName.NURSE);

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.users().findById(foreign.id())).isEmpty();
            assertThat(tx.users().findByIdIncludingDeleted(foreign.id())).isEmpty();
            assertThat(tx.users().findByEmail(foreign.email())).isEmpty();
            assertThat(TwoFacilities.allPages(tx.users()::list)).extracting(User::facilityId).containsOnly(s.a().facilityId())
                    .hasSize(RoleName.values().length + 1);
        });
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.users().update(foreign.toBuilder().facilityId(s.a().facilityId()).lastName("Hijacked").build()));
        s.assertRejectedInA(AccessDeniedException.class, (TvmTransaction tx) -> tx.users().update(foreign));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.users().softDelete(foreign.id(), s.now()));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.users().recordLogin(foreign.id(), s.now(), "10.0.0.1"));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.users().insert(TvmTestData.user(s.b().facilityId()).at(s.now()).build()));

        s.inB((TvmTransaction tx) -> assertThat(tx.users().findById(foreign.id())).contains(foreign));
    }

    @Test
    void accessControlNeverReachesAnotherFacilitysUsersOrResidents() {
        TwoFacilities s = TwoFacilities.create(subject());
        User foreignAdmin = s.b().user(RoleName.ADMIN);
        User foreignCaregiver = s.b().user(RoleName.CAREGIVER);

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(foreignAdmin.id())).isEmpty();
            assertThat(tx.accessControl().hasPermission(foreignAdmin.id(), Permission.parse("mission:read"))).isFalse();
            assertThat(tx.accessControl().residentsAssignedTo(foreignCaregiver.id())).isEmpty();
            tx.accessControl().unassignCaregiver(foreignCaregiver.id(), s.b().residentId(0));
        });
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().principal(foreignAdmin.id()));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().grantRole(foreignCaregiver.id(), RoleName.ADMIN));
        s.assertRejectedInA(NotFoundException.class, (TvmTransaction tx) -> tx.accessControl().revokeRole(foreignAdmin.id(), RoleName.ADMIN));
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().assignCaregiver(s.a().userId(RoleName.CAREGIVER), s.b().residentId(1)));
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().assignCaregiver(foreignCaregiver.id(), s.a().residentId(1)));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(s.b().userId(RoleName.NURSE), s.a().residentId(0)));
        s.assertRejectedInA(NotFoundException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanRequestTransport(s.a().userId(RoleName.NURSE), s.b().residentId(0)));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.accessControl().requireCanCancel(s.a().userId(RoleName.ADMIN), s.eb().mission()));

        s.inB((TvmTransaction tx) -> {
            assertThat(tx.accessControl().rolesOf(foreignAdmin.id())).containsExactly(RoleName.ADMIN);
            assertThat(tx.accessControl().rolesOf(foreignCaregiver.id())).containsExactly(RoleName.CAREGIVER);
            assertThat(tx.accessControl().residentsAssignedTo(foreignCaregiver.id()))
                    .containsExactlyInAnyOrder(s.b().residentId(0), s.eb().resident().id());
        });
    }

    @Test
    void auditLogsOfAnotherFacilityAreInvisibleAndCannotBeWritten() {
        TwoFacilities s = TwoFacilities.create(subject());
        AuditEntry foreign = s.eb().audit();

        s.inA((TvmTransaction tx) -> {
            assertThat(tx.audit().byResource("mission", foreign.resourceId(), PageRequest.first(1000)).items()).isEmpty();
            assertThat(tx.audit().byUser(foreign.userId(), WINDOW_START, WINDOW_END, PageRequest.first(1000)).items()).isEmpty();
            assertThat(tx.audit().dataAccessFor(s.b().residentId(0), WINDOW_START, WINDOW_END)).isEmpty();
        });
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.audit().append(TvmTestData.auditEntry(s.b().facilityId()).at(s.now()).build()));
        s.assertRejectedInA(AccessDeniedException.class,
                (TvmTransaction tx) -> tx.audit().recordDataAccess(TvmTestData.dataAccess(s.b().facilityId(), s.b().residentId(0)).build()));
        s.assertRejectedInA(UnknownReferenceException.class,
                (TvmTransaction tx) -> tx.audit().recordDataAccess(TvmTestData.dataAccess(s.a().facilityId(), s.b().residentId(0)).build()));

        s.inB((TvmTransaction tx) -> {
            // the mission's own automatic entries (mission.create, ...) are there too
            assertThat(tx.audit().byResource("mission", foreign.resourceId(), PageRequest.first(1000)).items())
                    .filteredOn(e -> e.action().equals(foreign.action())).containsExactly(foreign);
            assertThat(tx.audit().dataAccessFor(s.b().residentId(0), WINDOW_START, WINDOW_END)).hasSize(1);
        });
    }

    @Test
    void operationsQueriesShowOnlyTheContextFacility() {
        TwoFacilities s = TwoFacilities.create(subject());

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
        TwoFacilities s = TwoFacilities.create(subject());
        Page<Resident> foreignFirst = subject().persistence().inTransaction(s.b().systemContext(),
                (TvmTransaction tx) -> tx.residents().list(PageRequest.first(1)));
        String foreignToken = foreignFirst.nextToken().orElseThrow();

        List<Resident> seen = new ArrayList<>();
        try {
            s.inA((TvmTransaction tx) -> seen.addAll(tx.residents().list(PageRequest.after(foreignToken, 1000)).items()));
        } catch (IllegalArgumentException rejected) {
            // rejecting a token of another facility is allowed; revealing rows is not
        }
        assertThat(seen).extracting(Resident::facilityId).containsOnly(s.a().facilityId());
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
