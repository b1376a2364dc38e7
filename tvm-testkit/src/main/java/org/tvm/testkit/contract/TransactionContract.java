package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.readOnly;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.TvmPersistence}'s units of work: a work that returns commits (visible to the next
 * transaction), a work that throws — any exception or error, including a translated persistence exception — leaves
 * nothing behind and its exception is rethrown as the same instance; nested use on the same thread is rejected with
 * {@link NestedTransactionException} before the nested work runs; read-only transactions reject writes; a transaction
 * handle and its repositories are dead once the work returned.
 *
 * <p>Capabilities: none.
 */
public abstract class TransactionContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("deliberate failure inside the work");
        }
    }

    private static final class WorkError extends Error {
        private static final long serialVersionUID = 1L;

        WorkError() {
            super("deliberate error inside the work");
        }
    }

    @Test
    void committedWorkIsVisibleToTheNextTransaction() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()))).contains(resident);
    }

    @Test
    void inTransactionReturnsTheResultOfTheWorkIncludingNull() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> "result")).isEqualTo("result");
        assertThat((Object) tx(subject(), f, (TvmTransaction tx) -> null)).isNull();
        assertThat((Object) readOnly(subject(), f, (TvmTransaction tx) -> 42)).isEqualTo(42);
    }

    @Test
    void runtimeExceptionInsideTheWorkRollsBackEveryWriteAndIsRethrownUnchanged() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        User user = TvmTestData.user(f).at(now).build();
        WorkFailed failure = new WorkFailed();

        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.vehicles().insert(vehicle);
            tx.users().insert(user);
            throw failure;
        })).isSameAs(failure);

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.residents().findByIdIncludingDeleted(resident.id())).isEmpty();
            assertThat(tx.vehicles().findByIdIncludingDeleted(vehicle.id())).isEmpty();
            assertThat(tx.users().findByIdIncludingDeleted(user.id())).isEmpty();
        });
    }

    /**
     * One failing unit of work touches every kind of row (mission + event, dispatch assignment and vehicle binding,
     * heartbeat, vehicle log, telemetry, audit, data-access entries written explicitly and by a resident read,
     * location, role grant, caregiver assignment, login, soft delete). Nothing of it may survive.
     */
    @Test
    void exceptionInsideTheWorkRollsBackWritesOfEveryPort() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        MissionTransition pending = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .at(now.minusSeconds(5)).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(pending));
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(1), w.userId(RoleName.NURSE)).at(now).build();
        Location location = TvmTestData.location(w.facilityId()).at(now).build();
        TelemetrySample sample = TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).allFields().at(now.minusSeconds(1)).build();
        VehicleLogEntry log = TvmTestData.vehicleLog(w.facilityId(), w.vehicleId(0)).at(now.minusSeconds(1)).build();
        UUID auditResource = UUID.randomUUID();
        AuditEntry audit = TvmTestData.auditEntry(w.facilityId()).resource("mission", auditResource).at(now).build();
        WorkFailed failure = new WorkFailed();

        assertThatThrownBy(() -> w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.missions().insert(created);
            tx.dispatch().assign(pending.mission().id(), w.vehicleId(0), now);
            tx.vehicles().recordHeartbeat(w.vehicleId(1), now.plusSeconds(60), 5, VehicleLocation.of(1, 1, "rolled back"));
            tx.vehicles().appendLogs(List.of(log));
            tx.telemetry().append(List.of(sample));
            tx.audit().append(audit);
            tx.audit().recordDataAccess(TvmTestData.dataAccess(w.facilityId(), w.residentId(2)).at(now).build());
            tx.residents().findById(w.residentId(1)).orElseThrow();
            tx.facilities().insertLocation(location);
            tx.accessControl().grantRole(w.userId(RoleName.GUEST), RoleName.ADMIN);
            tx.accessControl().assignCaregiver(w.userId(RoleName.CAREGIVER), w.residentId(1));
            tx.users().recordLogin(w.userId(RoleName.NURSE), now.plusSeconds(1), "10.1.2.3");
            tx.residents().softDelete(w.residentId(2), now.plusSeconds(1));
            throw failure;
        })).isSameAs(failure);

        w.run((TvmTransaction tx) -> {
            assertThat(tx.missions().findByIdIncludingDeleted(created.mission().id())).isEmpty();
            assertThat(tx.missions().events(created.mission().id())).isEmpty();
            assertThat(tx.missions().findById(pending.mission().id())).contains(pending.mission());
            assertThat(tx.missions().events(pending.mission().id())).containsExactly(pending.event());
            assertThat(tx.vehicles().findById(w.vehicleId(0))).contains(w.vehicle(0));
            assertThat(tx.vehicles().findById(w.vehicleId(1))).contains(w.vehicle(1));
            assertThat(tx.vehicles().logs(w.vehicleId(0), ContractSupport.WINDOW_START, ContractSupport.WINDOW_END, 1000)).isEmpty();
            assertThat(tx.telemetry().latest(w.vehicleId(0))).isEmpty();
            assertThat(tx.audit().byResource("mission", auditResource, PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.audit().dataAccessFor(w.residentId(1), ContractSupport.WINDOW_START, ContractSupport.WINDOW_END)).isEmpty();
            assertThat(tx.audit().dataAccessFor(w.residentId(2), ContractSupport.WINDOW_START, ContractSupport.WINDOW_END)).isEmpty();
            assertThat(tx.facilities().locations()).isEmpty();
            assertThat(tx.accessControl().rolesOf(w.userId(RoleName.GUEST))).containsExactly(RoleName.GUEST);
            assertThat(tx.accessControl().residentsAssignedTo(w.userId(RoleName.CAREGIVER))).containsExactly(w.residentId(0));
            assertThat(tx.users().findById(w.userId(RoleName.NURSE))).contains(w.user(RoleName.NURSE));
            assertThat(tx.residents().findById(w.residentId(2))).contains(w.resident(2));
        });
    }

    @Test
    void errorInsideTheWorkRollsBackAndIsRethrownUnchanged() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        WorkError error = new WorkError();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(vehicle);
            throw error;
        })).isSameAs(error);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findByIdIncludingDeleted(vehicle.id()))).isEmpty();
    }

    @Test
    void runRollsBackWhenTheWorkThrows() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        WorkFailed failure = new WorkFailed();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            throw failure;
        })).isSameAs(failure);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(resident.id()))).isEmpty();
    }

    @Test
    void translatedPersistenceExceptionLeavingTheWorkRollsBackEarlierWrites() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle existing = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(existing));
        Resident resident = TvmTestData.resident(f).at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.vehicles().insert(TvmTestData.vehicle(f).id(existing.id()).at(now).build());
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(resident.id()))).isEmpty();
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(existing.id()))).contains(existing);
    }

    @Test
    void aFailedTransactionDoesNotPoisonTheNextOne() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle existing = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(existing));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(existing)))
                    .isInstanceOf(DuplicateKeyException.class);
        }
        Vehicle next = TvmTestData.vehicle(f).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(next));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(next.id()))).contains(next);
    }

    @Test
    void nestedInTransactionIsRejectedWithoutRunningTheNestedWork() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        AtomicBoolean nestedRan = new AtomicBoolean();

        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> subject().persistence().inTransaction(TvmContext.system(f), inner -> {
            nestedRan.set(true);
            return null;
        }))).isInstanceOf(NestedTransactionException.class);

        assertThat(nestedRan).isFalse();
    }

    @Test
    void nestedRunAndNestedReadOnlyTransactionsAreRejected() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        AtomicBoolean nestedRan = new AtomicBoolean();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> subject().persistence().run(TvmContext.system(f),
                inner -> nestedRan.set(true)))).isInstanceOf(NestedTransactionException.class);
        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> subject().persistence().inReadOnlyTransaction(TvmContext.system(f),
                inner -> nestedRan.getAndSet(true)))).isInstanceOf(NestedTransactionException.class);
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> subject().persistence().inTransaction(TvmContext.system(f),
                inner -> nestedRan.getAndSet(true)))).isInstanceOf(NestedTransactionException.class);

        assertThat(nestedRan).isFalse();
    }

    @Test
    void nestedCallIsRejectedEvenForAnotherFacilityContext() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> subject().persistence().run(TvmContext.system(other), inner -> {
        }))).isInstanceOf(NestedTransactionException.class);
    }

    @Test
    void outerTransactionCommitsWhenTheNestedCallWasRejectedAndCaught() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident before = TvmTestData.resident(f).at(now).build();
        Resident after = TvmTestData.resident(f).at(now).build();
        AtomicReference<RuntimeException> caught = new AtomicReference<>();

        run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(before);
            try {
                subject().persistence().run(TvmContext.system(f), inner -> inner.residents().insert(after));
            } catch (NestedTransactionException e) {
                caught.set(e);
            }
        });

        assertThat(caught.get()).isInstanceOf(NestedTransactionException.class);
        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.residents().findById(before.id())).contains(before);
            assertThat(tx.residents().findByIdIncludingDeleted(after.id())).isEmpty();
        });
    }

    @Test
    void transactionHandleAndRepositoriesAreDeadAfterTheWorkReturned() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        AtomicReference<TvmTransaction> leakedTx = new AtomicReference<>();
        AtomicReference<ResidentRepository> leakedRepo = new AtomicReference<>();

        run(subject(), f, (TvmTransaction tx) -> {
            leakedTx.set(tx);
            leakedRepo.set(tx.residents());
        });

        assertThatThrownBy(() -> leakedRepo.get().insert(resident)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leakedRepo.get().findById(resident.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leakedTx.get().vehicles().list()).isInstanceOf(IllegalStateException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(resident.id()))).isEmpty();
    }

    @Test
    void readOnlyTransactionRejectsWritesAndResidentReads() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        assertThat((Boolean) readOnly(subject(), f, TvmTransaction::readOnly)).isTrue();
        // the refusal names the operation, alike on every adapter (TransactionScope)
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(vehicle);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("VehicleRepository.insert ")
                .hasMessageEndingWith(" is not allowed in a read-only transaction");
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id())))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("ResidentRepository.findById ");
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> tx.dispatch().claimNextPending(1, now)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("DispatchOperations.claimNextPending ");

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.vehicles().findByIdIncludingDeleted(vehicle.id()))).isEmpty();
    }

    @Test
    void readOnlyTransactionSeesCommittedData() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));

        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.vehicles().findById(vehicle.id()))).contains(vehicle);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.facilities().current())).hasValueSatisfying(
                facility -> assertThat(facility.id()).isEqualTo(f));
    }

    @Test
    void transactionExposesItsContextAndMode() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = TvmTestData.user(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.users().insert(user));
        TvmContext ctx = TvmContext.of(f, user.id());

        TvmContext seen = subject().persistence().inTransaction(ctx, (TvmTransaction tx) -> {
            assertThat(tx.readOnly()).isFalse();
            return tx.context();
        });

        assertThat(seen).isEqualTo(ctx);
    }

    @Test
    void nullContextOrWorkIsRejectedWithNullPointerException() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        assertThatThrownBy(() -> subject().persistence().inTransaction(null, (TvmTransaction tx) -> null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> subject().persistence().inTransaction(TvmContext.system(f), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> subject().persistence().run(null, (TvmTransaction tx) -> { }))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> subject().persistence().inReadOnlyTransaction(TvmContext.system(f), null))
                .isInstanceOf(NullPointerException.class);
        assertThatCode(() -> run(subject(), f, (TvmTransaction tx) -> { })).doesNotThrowAnyException();
    }
}
