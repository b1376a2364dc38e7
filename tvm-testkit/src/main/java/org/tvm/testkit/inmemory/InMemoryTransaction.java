package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tvm.codegen.GenerateTransactionAccessors;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.TvmContext;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.crypto.CipherContext;
import org.tvm.ports.spi.TransactionScope;
import org.tvm.ports.spi.UnitOfWork;
import org.tvm.testkit.inmemory.Tenant.RowKey;
import org.tvm.testkit.inmemory.Tenant.StoredResident;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

/**
 * One unit of work: reads the latest committed tenant until the first write, then a private working copy; every write
 * is a replayable action ({@link WorkingCopy}; see {@link InMemoryTvmPersistence} for the commit protocol).
 *
 * <p>The repository accessors of the port are generated into {@code InMemoryTransactionAccessors} at compile time (one
 * instance per unit of work, created on first use, after the check); only those built differently are written here.
 */
@GenerateTransactionAccessors(implementation = "InMemory{Accessor}", check = "check")
final class InMemoryTransaction extends InMemoryTransactionAccessors {

    final InMemoryTvmPersistence store;
    /** The lifetime, thread, read-only and facility rules every adapter applies alike. */
    private final TransactionScope scope;
    private final UnitOfWork unitOfWork = new UnitOfWork();
    volatile InMemoryTransaction waitingFor;

    private final WorkingCopy state;
    private final Set<RowKey> lockedKeys = new HashSet<>();
    private final List<Runnable> afterCommit = new java.util.ArrayList<>();

    InMemoryTransaction(InMemoryTvmPersistence store, TvmContext ctx, boolean readOnly) {
        this.store = store;
        this.scope = new TransactionScope(ctx, readOnly);
        this.state = new WorkingCopy(store, ctx.facilityId());
    }

    // ------------------------------------------------------------------ TvmTransaction

    @Override
    public TvmContext context() {
        check();
        return scope.context();
    }

    @Override
    public boolean readOnly() {
        check();
        return scope.readOnly();
    }

    @Override
    public <T> T savepoint(java.util.function.Supplier<T> work) {
        check();
        return unitOfWork.savepoint(work, state.savepoints);
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    // ------------------------------------------------------------------ lifetime

    /** Every repository method starts here: the handle is valid only while the work runs, on its thread. */
    void check() {
        scope.check();
    }

    /** For mutating methods: {@link #check()} plus the read-only rule. */
    void checkWritable(String what) {
        scope.checkWritable(what);
    }

    void deactivate() {
        scope.end();
    }

    /** Changes to state outside the snapshot (the maintenance archive), run by the commit under its lock. */
    void afterCommit(Runnable change) {
        afterCommit.add(change);
    }

    List<Runnable> afterCommit() {
        return afterCommit;
    }

    /** The copy-on-write state, for the commit. */
    WorkingCopy state() {
        return state;
    }

    Set<RowKey> lockedKeys() {
        return lockedKeys;
    }

    FacilityId facilityId() {
        return scope.context().facilityId();
    }

    UserId actor() {
        return scope.context().actorUserId().orElse(null);
    }

    // ------------------------------------------------------------------ state access

    /** The tenant this transaction sees: its working copy after the first write, else the latest committed one. */
    Tenant view() {
        return state.view();
    }

    /** Tenants a read may look into: only the context facility. */
    List<Tenant> readableTenants() {
        return List.of(view());
    }

    Catalogue catalogue() {
        return store.snapshot().catalogue();
    }

    /** See {@link WorkingCopy#refresh()}. */
    void refresh() {
        state.refresh();
    }

    /**
     * Runs a write now (on the working copy) and records it for a possible replay at commit. Every write is followed by
     * the audit trigger ({@link InMemoryAuditTrigger}), as a database would fire it after each statement.
     */
    void write(WorkingCopy.Action plain) {
        state.write(t -> {
            plain.apply(t);
            InMemoryAuditTrigger.fire(t, this);
        });
    }

    void lock(String table, java.util.UUID id) {
        store.rowLocks().lock(this, new RowKey(table, id));
    }

    // ------------------------------------------------------------------ shared checks

    void requireContextFacility(FacilityId facilityId, String entity) {
        scope.requireContextFacility(facilityId, entity);
    }

    static void requireFacilityRow(Tenant t, String entity) {
        if (t.facility == null) {
            throw new UnknownReferenceException(entity, "fk_" + entity.toLowerCase(java.util.Locale.ROOT) + "_facility",
                    "facility_id");
        }
    }

    /** Foreign key (user_id, facility_id) -> users: any user of the facility, deleted or not. */
    static void requireUserRef(Tenant t, UserId user, String entity, String constraint, String column) {
        if (user != null && !t.rows(USERS).containsKey(user)) {
            throw new UnknownReferenceException(entity, constraint, column);
        }
    }

    /** True if the id exists in another facility's committed data or in this tenant. */
    boolean idTaken(Tenant t, String table, java.util.UUID id, boolean inTenant) {
        if (inTenant) {
            return true;
        }
        FacilityId owner = store.uniqueIndexes.idIndex.get(new RowKey(table, id));
        return owner != null && !owner.equals(t.id);
    }

    // ------------------------------------------------------------------ sealing

    String sealNotes(Resident r) {
        SensitiveText notes = r.medicalNotes();
        if (notes == null) {
            return null;
        }
        return store.cipher().seal(notes.reveal(),
                CipherContext.forResidentMedicalNotes(r.facilityId().value(), r.id().value()));
    }

    StoredResident stored(Resident r) {
        return new StoredResident(r.toBuilder().medicalNotes(null).build(), sealNotes(r));
    }

    Resident open(StoredResident s) {
        if (s.sealedNotes() == null) {
            return s.withoutNotes();
        }
        Resident r = s.withoutNotes();
        String plain = store.cipher().open(s.sealedNotes(),
                CipherContext.forResidentMedicalNotes(r.facilityId().value(), r.id().value()));
        return r.toBuilder().medicalNotes(SensitiveText.ofNullable(plain)).build();
    }

    StoredUser stored(User u) {
        String sealed = null;
        if (u.mfaSecret() != null) {
            sealed = store.cipher().seal(u.mfaSecret().reveal(),
                    CipherContext.forUserMfaSecret(u.facilityId().value(), u.id().value()));
        }
        // the stored row holds the sealed text in place of the secret (the domain needs a secret when MFA is enabled)
        return new StoredUser(u.toBuilder().mfaSecret(SensitiveText.ofNullable(sealed)).build(), sealed);
    }

    User open(StoredUser s) {
        User u = s.withoutSecret();
        if (s.sealedSecret() == null) {
            return u.mfaSecret() == null ? u : u.toBuilder().mfaSecret(null).build();
        }
        String plain = store.cipher().open(s.sealedSecret(),
                CipherContext.forUserMfaSecret(u.facilityId().value(), u.id().value()));
        return u.toBuilder().mfaSecret(SensitiveText.ofNullable(plain)).build();
    }

    static <T> T nn(T value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
