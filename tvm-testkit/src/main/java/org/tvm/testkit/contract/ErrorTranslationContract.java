package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.ConnectionLostException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.StatementTimeoutException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.WithheldDatabaseError;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.DatabaseFaults;

/**
 * Every database error becomes its typed port exception, and no exception that leaves the persistence carries a row
 * value: users full of marker values (e-mail, password hash, names, tokens, MFA secret) are written while each error
 * class is provoked, and the full printed stack trace (messages, causes, suppressed exceptions, next exceptions of
 * batches) is scanned for the marker. Errors only a database can raise are provoked through
 * {@link PersistenceUnderTest#faults()} and show as skipped where the subject has none (in-memory) or where the
 * database cannot produce them for real (H2: lock timeout, cancel, termination, deadlock).
 */
public abstract class ErrorTranslationContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract PersistenceUnderTest subject();

    @Test
    void aDuplicateKeyIsTypedAndQuotesNoValue() {
        FacilityId f = newFacility(subject(), baseNow());
        String marker = marker();
        User first = markedUser(f, marker, "Marked");
        run(subject(), f, tx -> tx.users().insert(first));
        User clash = withEmail(markedUser(f, marker, "Marked"), first.email().value());

        Throwable thrown = catchThrowable(() -> run(subject(), f, tx -> tx.users().insert(clash)));

        assertThat(thrown).isInstanceOf(DuplicateKeyException.class);
        assertQuotesNothing(thrown, marker);
    }

    @Test
    void everyErrorTheDatabaseRaisesBecomesItsTypedExceptionAndQuotesNoValue() {
        DatabaseFaults faults = faults();
        faults.install();
        FacilityId f = newFacility(subject(), baseNow());
        List<String> failures = new ArrayList<>();
        Map<String, Class<? extends TvmPersistenceException>> raisable = faults.raisable();
        for (Map.Entry<String, Class<? extends TvmPersistenceException>> e : raisable.entrySet()) {
            String marker = marker();
            User user = markedUser(f, marker, "fault-" + e.getKey());

            Throwable thrown = catchThrowable(() -> run(subject(), f, tx -> tx.users().insert(user)));

            if (thrown == null || thrown.getClass() != e.getValue()) {
                failures.add(e.getKey() + " became " + (thrown == null ? "no exception" : thrown.getClass().getName())
                        + ", expected " + e.getValue().getName());
                continue;
            }
            String leak = leak(thrown, marker);
            if (leak != null) {
                failures.add(e.getKey() + " leaks the row: " + leak);
            }
            assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findByIdIncludingDeleted(user.id())))
                    .as("nothing of the failed insert (%s) is stored", e.getKey()).isEmpty();
        }
        System.out.printf("%s: %d database error classes provoked%n", subject().name(), raisable.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void aRealDeadlockBetweenTwoUserInsertsIsRetryableAndQuotesNoValue() throws Exception {
        DatabaseFaults faults = faults();
        assumeTrue(faults.provokes(DatabaseFaults.Real.DEADLOCK) && subject().observesLockWaits(),
                subject().name() + " cannot provoke a real deadlock");
        // one facility each: the writers of one facility queue on its audit chain head, so they could never meet;
        // e-mail addresses are unique across facilities, which is where the two cross
        FacilityId fa = newFacility(subject(), baseNow());
        FacilityId fb = newFacility(subject(), baseNow());
        String marker = marker();
        String x = marker + ".x@tvm-test.example";
        String y = marker + ".y@tvm-test.example";
        CyclicBarrier firstInserts = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> run(subject(), fa, tx -> {
                tx.users().insert(withEmail(markedUser(fa, marker, "Ada"), x));
                await(firstInserts);
                tx.users().insert(withEmail(markedUser(fa, marker, "Ada"), y)); // waits for b's uncommitted y
            }));
            Future<?> b = pool.submit(() -> run(subject(), fb, tx -> {
                tx.users().insert(withEmail(markedUser(fb, marker, "Bob"), y));
                await(firstInserts);
                assertThat(subject().awaitLockWaiters(1, WAIT)).as("a waits for b").isTrue();
                tx.users().insert(withEmail(markedUser(fb, marker, "Bob"), x)); // waits for a: deadlock
            }));
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<?> future : List.of(a, b)) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            assertThat(outcomes).as("exactly one deadlock victim").hasSize(1);
            assertThat(outcomes.get(0)).isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                assertThat(e.kind()).isEqualTo(ConcurrencyConflictException.Kind.DEADLOCK);
                assertThat(e.retryable()).isTrue();
            });
            assertQuotesNothing(outcomes.get(0), marker);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockTimeoutIsRetryableAndQuotesNoValue() throws Exception {
        DatabaseFaults faults = faults();
        assumeTrue(faults.provokes(DatabaseFaults.Real.LOCK_TIMEOUT), subject().name() + " cannot provoke a lock timeout");
        faults.install();
        FacilityId f = newFacility(subject(), baseNow());
        String marker = marker();
        User user = markedUser(f, marker, faults.lockWaitingFirstName());
        Throwable thrown;
        try (AutoCloseable held = faults.holdLock()) {
            thrown = catchThrowable(() -> run(subject(), f, tx -> tx.users().insert(user)));
        }
        assertThat(thrown).isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConcurrencyConflictException.Kind.LOCK_TIMEOUT);
            assertThat(e.retryable()).isTrue();
        });
        assertQuotesNothing(thrown, marker);
    }

    @Test
    void aCancelledStatementIsTypedAndQuotesNoValue() {
        Throwable thrown = interruptedInsert(false);
        assertThat(thrown).isInstanceOf(StatementTimeoutException.class);
    }

    @Test
    void aTerminatedBackendIsAConnectionLossBeforeCommitAndQuotesNoValue() {
        Throwable thrown = interruptedInsert(true);
        assertThat(thrown).isInstanceOfSatisfying(ConnectionLostException.class, e -> {
            assertThat(e.duringCommit()).isFalse();
            assertThat(e.retryable()).isTrue();
        });
    }

    private Throwable interruptedInsert(boolean terminate) {
        DatabaseFaults faults = faults();
        DatabaseFaults.Real fault = terminate ? DatabaseFaults.Real.TERMINATED_BACKEND : DatabaseFaults.Real.STATEMENT_CANCEL;
        assumeTrue(faults.provokes(fault), subject().name() + " cannot provoke " + fault);
        faults.install();
        FacilityId f = newFacility(subject(), baseNow());
        String marker = marker();
        User user = markedUser(f, marker, faults.sleepingFirstName());
        CompletableFuture<Throwable> insert = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> run(subject(), f, tx -> tx.users().insert(user))));
        faults.interruptSleeper(terminate, WAIT);
        Throwable thrown = insert.join();
        assertQuotesNothing(thrown, marker);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findByIdIncludingDeleted(user.id()))).isEmpty();
        return thrown;
    }

    private DatabaseFaults faults() {
        assumeTrue(subject().faults().isPresent(), subject().name() + " has no database to provoke errors in");
        return subject().faults().get();
    }

    /** A user whose every free-text and secret field carries {@code marker}. */
    static User markedUser(FacilityId f, String marker, String firstName) {
        User base = TvmTestData.user(f).allFields().at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)).build();
        String hash = "$2b$12$" + (marker + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").substring(0, 53);
        return base.toBuilder().firstName(firstName).lastName(marker)
                .email(EmailAddress.of(marker + "." + TvmTestData.unique().toLowerCase(Locale.ROOT) + "@tvm-test.example"))
                .passwordHash(PasswordHash.of(hash)).phone(PhoneNumber.of("+15551234567"))
                .emailVerificationToken("verify-" + marker).passwordResetToken("reset-" + marker)
                .mfaSecret(SensitiveText.of("JBSWY3DP" + marker.toUpperCase(Locale.ROOT))).build();
    }

    private static User withEmail(User user, String email) {
        return user.toBuilder().email(EmailAddress.of(email)).build();
    }

    /** Lower-case letters only, so it fits every marked field (e-mail local part, bcrypt alphabet, names). */
    static String marker() {
        return "mrk" + TvmTestData.randomLetters(12).toLowerCase(Locale.ROOT);
    }

    /** Asserts that neither the printed stack trace nor any database exception still in the chain quotes the marker. */
    static void assertQuotesNothing(Throwable thrown, String marker) {
        assertThat(thrown).isNotNull();
        assertThat(leak(thrown, marker)).as("what %s quotes", thrown.getClass().getName()).isNull();
    }

    /** @return where the marker shows up, or null */
    static String leak(Throwable thrown, String marker) {
        StringWriter printed = new StringWriter();
        thrown.printStackTrace(new PrintWriter(printed));
        String lower = printed.toString().toLowerCase(Locale.ROOT);
        if (lower.contains(marker)) {
            int at = lower.indexOf(marker);
            return "printed stack trace: ..." + lower.substring(Math.max(0, at - 120), at) + "<marker>";
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> pending = new ArrayDeque<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                return "a driver exception is still in the chain: " + sql.getClass().getName()
                        + " (it should have been withheld as " + WithheldDatabaseError.class.getSimpleName() + ")";
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
        }
        return null;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not arrive", e);
        }
    }
}
