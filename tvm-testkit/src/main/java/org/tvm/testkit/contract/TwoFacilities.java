package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * The fixture of {@link IsolationContract}: two fully populated facilities, A (the context of the calls under test)
 * and B (whose rows must stay out of A's reach), each a {@link FacilityWorld} plus {@link Extras}.
 */
record TwoFacilities(PersistenceUnderTest subject, Instant now, FacilityWorld a, FacilityWorld b, Extras ea, Extras eb) {

    /** The extra rows written into a world: one of each facility-owned kind not covered by FacilityWorld. */
    record Extras(Location location, Mission mission, TelemetrySample sample, VehicleLogEntry log,
            AuditEntry audit, User user, Resident resident, Vehicle vehicle) {
    }

    static TwoFacilities create(PersistenceUnderTest subject) {
        Instant now = baseNow();
        FacilityWorld a = FacilityWorld.create(subject, now);
        FacilityWorld b = FacilityWorld.create(subject, now);
        return new TwoFacilities(subject, now, a, b, populate(a, now), populate(b, now));
    }

    static Extras populate(FacilityWorld w, Instant now) {
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

    void inA(Consumer<TvmTransaction> work) {
        subject.persistence().run(a.systemContext(), work);
    }

    void inB(Consumer<TvmTransaction> work) {
        subject.persistence().run(b.systemContext(), work);
    }

    void assertRejectedInA(Class<? extends Throwable> type, Consumer<TvmTransaction> work) {
        assertThatThrownBy(() -> inA(work)).isInstanceOf(type);
    }

    /** Every item of a paged query, page by page. */
    static <T> List<T> allPages(Function<PageRequest, Page<T>> query) {
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
}
