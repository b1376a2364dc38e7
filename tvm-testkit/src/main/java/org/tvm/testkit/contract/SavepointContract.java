package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.readOnly;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TransactionRolledBackException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of the rollback-only rule and of {@link TvmTransaction#savepoint(Supplier)}: a unit of work that swallows a
 * persistence failure never returns normally (it is rolled back and {@link TransactionRolledBackException} carries the
 * first failure); a failure inside a savepoint undoes only the savepoint's writes and lets the transaction commit the
 * rest; savepoints nest and work in read-only transactions. Each step is checked in a fresh transaction.
 *
 * <p>Capabilities: none.
 */
public abstract class SavepointContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("deliberate failure inside the savepoint");
        }
    }

    private record Setup(FacilityId facility, Instant now, Vehicle existing) {
        Vehicle duplicate() {
            return TvmTestData.vehicle(facility).id(existing.id()).at(now).build();
        }

        Vehicle fresh() {
            return TvmTestData.vehicle(facility).at(now).build();
        }

        Resident resident() {
            return TvmTestData.resident(facility).at(now).build();
        }
    }

    private Setup setup() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle existing = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(existing));
        return new Setup(f, now, existing);
    }

    private boolean residentExists(Setup s, Resident r) {
        return tx(subject(), s.facility(), (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(r.id())).isPresent();
    }

    private boolean vehicleExists(Setup s, Vehicle v) {
        return tx(subject(), s.facility(), (TvmTransaction tx) -> tx.vehicles().findByIdIncludingDeleted(v.id())).isPresent();
    }

    @Test
    void swallowedDuplicateKeyRollsBackTheWholeUnitAndIsReportedWithItsCause() {
        Setup s = setup();
        Resident resident = s.resident();
        AtomicReference<DuplicateKeyException> swallowed = new AtomicReference<>();

        assertThatThrownBy(() -> tx(subject(), s.facility(), (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            try {
                tx.vehicles().insert(s.duplicate());
            } catch (DuplicateKeyException e) {
                swallowed.set(e);
            }
            return "pretends success";
        })).isInstanceOf(TransactionRolledBackException.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(swallowed.get()));

        assertThat(swallowed.get()).isNotNull();
        assertThat(residentExists(s, resident)).isFalse();
    }

    @Test
    void swallowedFailureInRunIsReportedToo() {
        Setup s = setup();
        Resident resident = s.resident();

        assertThatThrownBy(() -> run(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.vehicles().insert(s.duplicate());
            } catch (DuplicateKeyException e) {
                // swallowed on purpose
            }
            try {
                tx.residents().insert(resident); // fails too where the database aborted the transaction (PostgreSQL)
            } catch (RuntimeException alsoSwallowed) {
                // swallowed on purpose
            }
        })).isInstanceOf(TransactionRolledBackException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);

        assertThat(residentExists(s, resident)).isFalse();
    }

    @Test
    void theFirstOfSeveralSwallowedFailuresIsTheCause() {
        Setup s = setup();
        AtomicReference<DuplicateKeyException> first = new AtomicReference<>();

        assertThatThrownBy(() -> run(subject(), s.facility(), (TvmTransaction tx) -> {
            for (int i = 0; i < 2; i++) {
                try {
                    tx.vehicles().insert(s.duplicate());
                } catch (DuplicateKeyException e) {
                    first.compareAndSet(null, e);
                } catch (RuntimeException laterFailure) {
                    // PostgreSQL refuses every statement after the first failure
                }
            }
        })).isInstanceOf(TransactionRolledBackException.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(first.get()));
    }

    @Test
    void savepointRecoversFromADuplicateAndTheRestCommits() {
        Setup s = setup();
        Resident before = s.resident();
        Vehicle after = s.fresh();

        String result = tx(subject(), s.facility(), (TvmTransaction tx) -> {
            tx.residents().insert(before);
            try {
                tx.savepoint(() -> tx.vehicles().insert(s.duplicate()));
                return "inserted";
            } catch (DuplicateKeyException alreadyThere) {
                tx.vehicles().insert(after);
                return "skipped";
            }
        });

        assertThat(result).isEqualTo("skipped");
        assertThat(residentExists(s, before)).isTrue();
        assertThat(vehicleExists(s, after)).isTrue();
        assertThat(tx(subject(), s.facility(), (TvmTransaction tx) -> tx.vehicles().findById(s.existing().id())))
                .contains(s.existing());
    }

    @Test
    void savepointUndoesItsOwnWritesKeepsEarlierOnesAndRethrowsTheSameInstance() {
        Setup s = setup();
        Resident before = s.resident();
        Resident inside = s.resident();
        WorkFailed failure = new WorkFailed();
        AtomicReference<Throwable> caught = new AtomicReference<>();

        run(subject(), s.facility(), (TvmTransaction tx) -> {
            tx.residents().insert(before);
            try {
                tx.savepoint(() -> {
                    tx.residents().insert(inside);
                    throw failure;
                });
            } catch (WorkFailed e) {
                caught.set(e);
            }
        });

        assertThat(caught.get()).isSameAs(failure);
        assertThat(residentExists(s, before)).isTrue();
        assertThat(residentExists(s, inside)).isFalse();
    }

    @Test
    void savepointReturnsTheResultAndKeepsItsWrites() {
        Setup s = setup();
        Vehicle inside = s.fresh();

        VehicleId id = tx(subject(), s.facility(), (TvmTransaction tx) -> tx.savepoint(() -> {
            tx.vehicles().insert(inside);
            return inside.id();
        }));

        assertThat(id).isEqualTo(inside.id());
        assertThat(vehicleExists(s, inside)).isTrue();
    }

    @Test
    void nestedSavepointsUndoOnlyTheInnerPart() {
        Setup s = setup();
        Resident outerBefore = s.resident();
        Resident inner = s.resident();
        Resident outerAfter = s.resident();

        run(subject(), s.facility(), (TvmTransaction tx) -> tx.savepoint(() -> {
            tx.residents().insert(outerBefore);
            try {
                tx.savepoint(() -> {
                    tx.residents().insert(inner);
                    tx.vehicles().insert(s.duplicate());
                });
            } catch (DuplicateKeyException expected) {
                // the inner part is undone, the outer goes on
            }
            tx.residents().insert(outerAfter);
        }));

        assertThat(residentExists(s, outerBefore)).isTrue();
        assertThat(residentExists(s, inner)).isFalse();
        assertThat(residentExists(s, outerAfter)).isTrue();
    }

    @Test
    void aFailingOuterSavepointUndoesItsCompletedInnerSavepoint() {
        Setup s = setup();
        Resident inner = s.resident();
        Resident outside = s.resident();

        run(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.savepoint(() -> {
                    tx.savepoint(() -> tx.residents().insert(inner));
                    tx.vehicles().insert(s.duplicate());
                });
            } catch (DuplicateKeyException expected) {
                // undone with everything inside the outer savepoint
            }
            tx.residents().insert(outside);
        });

        assertThat(residentExists(s, inner)).isFalse();
        assertThat(residentExists(s, outside)).isTrue();
    }

    @Test
    void aFailureSwallowedInsideASavepointStillMakesTheUnitRollBack() {
        Setup s = setup();
        Resident before = s.resident();

        assertThatThrownBy(() -> run(subject(), s.facility(), (TvmTransaction tx) -> {
            tx.residents().insert(before);
            tx.savepoint(() -> {
                try {
                    tx.vehicles().insert(s.duplicate());
                } catch (DuplicateKeyException swallowed) {
                    // the savepoint does not see a failure: it cannot undo it
                }
            });
        })).isInstanceOf(TransactionRolledBackException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);

        assertThat(residentExists(s, before)).isFalse();
    }

    @Test
    void aSavepointCannotRecoverAFailureThatHappenedBeforeIt() {
        Setup s = setup();
        Resident resident = s.resident();
        AtomicReference<Throwable> fromSavepoint = new AtomicReference<>();

        assertThatThrownBy(() -> run(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.vehicles().insert(s.duplicate());
            } catch (DuplicateKeyException swallowed) {
                // not under a savepoint
            }
            try {
                tx.savepoint(() -> tx.residents().insert(resident));
            } catch (TransactionRolledBackException e) {
                fromSavepoint.set(e);
            }
        })).isInstanceOf(TransactionRolledBackException.class);

        assertThat(fromSavepoint.get()).isInstanceOf(TransactionRolledBackException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(residentExists(s, resident)).isFalse();
    }

    @Test
    void notFoundIsAnAnswerAndDoesNotMakeTheUnitRollBack() {
        Setup s = setup();
        Vehicle added = s.fresh();

        run(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.vehicles().softDelete(VehicleId.newId(), s.now());
            } catch (NotFoundException expected) {
                // no statement failed
            }
            tx.vehicles().insert(added);
        });

        assertThat(vehicleExists(s, added)).isTrue();
    }

    @Test
    void argumentAndStateErrorsDoNotMakeTheUnitRollBack() {
        Setup s = setup();
        Vehicle added = s.fresh();

        run(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.vehicles().insert(null);
            } catch (NullPointerException expected) {
                // rejected before any SQL
            }
            tx.vehicles().insert(added);
        });

        assertThat(vehicleExists(s, added)).isTrue();
    }

    @Test
    void savepointsWorkInReadOnlyTransactionsAndARejectedWriteDoesNotPoisonThem() {
        Setup s = setup();

        Vehicle read = readOnly(subject(), s.facility(), (TvmTransaction tx) -> {
            try {
                tx.savepoint(() -> tx.vehicles().insert(s.fresh()));
            } catch (IllegalStateException readOnlyRule) {
                // rejected by the read-only rule before any SQL
            }
            return tx.savepoint(() -> tx.vehicles().findById(s.existing().id()).orElseThrow());
        });

        assertThat(read).isEqualTo(s.existing());
    }

    @Test
    void savepointRejectsNullAndADeadHandle() {
        Setup s = setup();
        AtomicReference<TvmTransaction> leaked = new AtomicReference<>();

        run(subject(), s.facility(), (TvmTransaction tx) -> {
            assertThatThrownBy(() -> tx.savepoint((Supplier<Object>) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> tx.savepoint((Runnable) null)).isInstanceOf(NullPointerException.class);
            leaked.set(tx);
        });

        assertThatThrownBy(() -> leaked.get().savepoint(() -> "late")).isInstanceOf(IllegalStateException.class);
    }
}
