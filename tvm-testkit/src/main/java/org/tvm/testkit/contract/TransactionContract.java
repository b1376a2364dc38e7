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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.User;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.ResidentRepository;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
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
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> {
            tx.vehicles().insert(vehicle);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> tx.dispatch().claimNextPending(1, now)))
                .isInstanceOf(IllegalStateException.class);

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
