package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.Capability;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NestedTransactionException;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.inmemory.Tenant.RowKey;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

/**
 * The in-memory reference implementation of the ports: thread-safe, dependency-free, passing every contract of
 * {@code org.tvm.testkit.contract}.
 *
 * <h2>Transactions</h2>
 * The committed state is an immutable snapshot ({@link Tenant} per facility plus the role catalogue) published through a
 * volatile reference. A transaction reads the latest committed tenant of its facility until its first write; the first
 * write copies that tenant into a private working copy, and every write is recorded as a replayable action. On commit,
 * under a short commit lock, the working copy is published as is if nobody committed to the facility meanwhile;
 * otherwise the actions are replayed on a fresh copy of the latest tenant (re-running every check, so a concurrent
 * change surfaces as {@link org.tvm.ports.StaleVersionException}, {@link VehicleBusyException},
 * {@link DuplicateKeyException}, {@link org.tvm.ports.UnknownReferenceException} ...). Then cross-row and cross-facility
 * rules (one active mission per vehicle, unique names, e-mails, serial numbers and ids: {@link UniqueIndexes}) are
 * validated and the new snapshot is published atomically. Rollback discards the working copy. No global lock is held while user work runs.
 *
 * <h2>Row locks</h2>
 * Like a database, every written row (and every row returned by {@code claimNextPending}) is locked until the
 * transaction ends. A writer waits for a row locked by another live transaction (deadlocks and a lock timeout end as
 * {@link ConcurrencyConflictException}); {@code claimNextPending} skips locked missions ({@link Capability#SKIP_LOCKED}).
 * See {@link RowLocks}.
 *
 * <h2>Capabilities</h2>
 * {@link Capability#SKIP_LOCKED}, {@link Capability#SPATIAL_DISTANCE} (haversine on the mean Earth radius) and
 * {@link Capability#AT_REST_FIELD_ENCRYPTION} (medical notes and MFA secrets are stored sealed by a {@link FieldCipher});
 * no row-level security and no telemetry partitions (retention deletes rows).
 */
public final class InMemoryTvmPersistence implements TvmPersistence {

    static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
            EnumSet.of(Capability.SKIP_LOCKED, Capability.SPATIAL_DISTANCE, Capability.AT_REST_FIELD_ENCRYPTION));

    /** One committed snapshot. Never mutated after publication. */
    record Db(Map<FacilityId, Tenant> tenants, Catalogue catalogue) {
    }

    private final FieldCipher cipher;
    private final Clock clock;
    private final Object commitLock = new Object();
    private volatile Db db = new Db(Map.of(), Catalogue.seeded());
    private volatile boolean closed;
    private final ThreadLocal<InMemoryTransaction> current = new ThreadLocal<>();
    private final AtomicLong sequence = new AtomicLong();
    private final InMemoryAdministration administration;
    private final InMemoryMaintenance.Shared maintenanceState = new InMemoryMaintenance.Shared();

    /** Changed only under commitLock together with the snapshot. */
    final UniqueIndexes uniqueIndexes = new UniqueIndexes();
    private final RowLocks rowLocks = new RowLocks();

    private InMemoryTvmPersistence(Clock clock, FieldCipher cipher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.administration = new InMemoryAdministration(this);
    }

    /** @return a new, empty store sealing sensitive fields with a freshly generated AES-256 key */
    public static InMemoryTvmPersistence create() {
        return create(new AesGcmFieldCipher(KeyRing.generate("inmemory")));
    }

    /**
     * @param cipher non-null cipher sealing medical notes and MFA secrets
     * @return a new, empty store using the system UTC clock for data-access timestamps
     */
    public static InMemoryTvmPersistence create(FieldCipher cipher) {
        return create(Clock.systemUTC(), cipher);
    }

    /**
     * @param clock  non-null clock for "the adapter's clock" (data-access entries)
     * @param cipher non-null cipher sealing medical notes and MFA secrets
     * @return a new, empty store
     */
    public static InMemoryTvmPersistence create(Clock clock, FieldCipher cipher) {
        return new InMemoryTvmPersistence(clock, cipher);
    }

    /** @return the administrative entry point over the same store */
    public TvmAdministration administration() {
        return administration;
    }

    // ------------------------------------------------------------------ TvmPersistence

    @Override
    public <T> T inTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, false);
    }

    @Override
    public <T> T inReadOnlyTransaction(TvmContext ctx, TransactionWork<T> work) {
        return execute(ctx, work, true);
    }

    /** The in-memory store has no JDBC connection to join: no {@link Capability#JOIN_HOST_TRANSACTION}. */
    @Override
    public <T> T inHostTransaction(org.tvm.ports.HostTransaction host, TvmContext ctx, TransactionWork<T> work) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        throw new UnsupportedOperationException("the in-memory store cannot join a JDBC transaction "
                + "(no Capability.JOIN_HOST_TRANSACTION)");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void close() {
        closed = true;
    }

    private <T> T execute(TvmContext ctx, TransactionWork<T> work, boolean readOnly) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        checkOpen();
        if (current.get() != null) {
            throw new NestedTransactionException();
        }
        InMemoryTransaction tx = new InMemoryTransaction(this, ctx, readOnly);
        current.set(tx);
        T result;
        try {
            result = work.execute(tx.unitOfWork().guard(tx));
            if (tx.unitOfWork().rollbackOnly()) {
                throw tx.unitOfWork().rolledBack(); // rolled back below like any failure of the work
            }
        } catch (Throwable failure) {
            tx.deactivate();
            rowLocks.releaseAll(tx);
            current.remove();
            throw sneaky(failure);
        }
        tx.deactivate();
        try {
            if (!readOnly) {
                commit(tx);
            }
        } finally {
            rowLocks.releaseAll(tx);
            current.remove();
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("InMemoryTvmPersistence is closed");
        }
    }

    /** Administration must not run inside a work of this instance on the same thread. */
    void checkNoTransactionOnThread() {
        if (current.get() != null) {
            throw new NestedTransactionException();
        }
    }

    // ------------------------------------------------------------------ commit

    private void commit(InMemoryTransaction tx) {
        WorkingCopy state = tx.state();
        if (!state.hasWrites()) {
            if (!tx.afterCommit().isEmpty()) {
                synchronized (commitLock) {
                    tx.afterCommit().forEach(Runnable::run);
                }
            }
            return;
        }
        FacilityId fid = tx.facilityId();
        synchronized (commitLock) {
            Db cur = db;
            Tenant latest = cur.tenants().get(fid);
            Tenant result;
            if (latest == state.base()) {
                result = state.work();
            } else {
                result = latest == null ? new Tenant(fid) : latest.copy();
                for (WorkingCopy.Action action : state.actions()) {
                    action.apply(result);
                }
            }
            uniqueIndexes.validate(result);
            publish(cur, result);
            tx.afterCommit().forEach(Runnable::run);
        }
    }

    /** Publishes {@code result} as the facility's committed tenant and updates the global indexes. Under commitLock. */
    private void publish(Db cur, Tenant result) {
        Tenant before = cur.tenants().get(result.id);
        Map<FacilityId, Tenant> tenants = new HashMap<>(cur.tenants());
        tenants.put(result.id, result); // never mutated again: the transaction has ended
        uniqueIndexes.publish(before, result);
        db = new Db(Collections.unmodifiableMap(tenants), cur.catalogue());
    }

    /**
     * The reference data lifecycle job over this store (same steps, cut-offs, archive and run record as the SQL job;
     * nothing is partitioned). Every instance of one store shares its lock, archive and run record.
     *
     * @param clock non-null clock deciding "now" for cut-offs and the run record
     */
    public TvmMaintenance maintenance(Clock clock) {
        return new InMemoryMaintenance(this, maintenanceState, clock);
    }

    /**
     * Erasure of the free text about a resident in their archived missions of the transaction's facility: counted
     * now, applied when {@code tx} commits (the archive lives outside the transactional snapshot, so a rolled-back
     * erasure must leave it alone).
     *
     * @return how many archived missions the commit will change
     */
    int eraseArchivedResidentText(InMemoryTransaction tx, org.tvm.domain.resident.ResidentId residentId) {
        FacilityId facility = tx.facilityId();
        int changed = maintenanceState.residentTextToErase(facility, residentId);
        if (changed > 0) {
            tx.afterCommit(() -> maintenanceState.eraseResidentText(facility, residentId));
        }
        return changed;
    }

    /** Runs an administrative change atomically on the latest snapshot. */
    <T> T administer(java.util.function.Function<Db, AdminResult<T>> change) {
        checkOpen();
        checkNoTransactionOnThread();
        synchronized (commitLock) {
            AdminResult<T> r = change.apply(db);
            if (r.db() != null) {
                db = r.db();
            }
            return r.value();
        }
    }

    record AdminResult<T>(Db db, T value) {
    }

    // ------------------------------------------------------------------ row locks

    RowLocks rowLocks() {
        return rowLocks;
    }

    /** @return how many transactions are blocked waiting for a row lock right now */
    int lockWaiters() {
        return rowLocks.waiters();
    }

    // ------------------------------------------------------------------ shared state for transactions

    Db snapshot() {
        return db;
    }

    private final InMemoryAuditTrail.State chainState = new InMemoryAuditTrail.State();

    /** The system audit chain and the checkpoints (no tenant owns them). */
    InMemoryAuditTrail.State chainState() {
        return chainState;
    }

    long nextSeq() {
        return sequence.incrementAndGet();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    FieldCipher cipher() {
        return cipher;
    }

    /** The sealed value as stored, for {@link InMemoryPersistenceUnderTest#rawStoredValue}. */
    Optional<String> rawStoredValue(String table, String column, java.util.UUID id) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(id, "id");
        Db d = db;
        if (table.equals("residents") && column.equals("medical_notes")) {
            FacilityId f = uniqueIndexes.idIndex.get(new RowKey("residents", id));
            Tenant t = f == null ? null : d.tenants().get(f);
            var r = t == null ? null : t.rows(RESIDENTS).get(org.tvm.domain.resident.ResidentId.of(id));
            return r == null ? Optional.empty() : Optional.ofNullable(r.sealedNotes());
        }
        if (table.equals("users") && column.equals("mfa_secret")) {
            FacilityId f = uniqueIndexes.idIndex.get(new RowKey("users", id));
            Tenant t = f == null ? null : d.tenants().get(f);
            StoredUser u = t == null ? null : t.rows(USERS).get(UserId.of(id));
            return u == null ? Optional.empty() : Optional.ofNullable(u.sealedSecret());
        }
        throw new IllegalArgumentException("the in-memory store exposes raw values of residents.medical_notes and "
                + "users.mfa_secret only (was " + table + "." + column + ")");
    }

    @Override
    public String toString() {
        return "InMemoryTvmPersistence";
    }
}
