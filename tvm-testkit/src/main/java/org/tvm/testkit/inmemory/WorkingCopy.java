package org.tvm.testkit.inmemory;

import java.util.ArrayList;
import java.util.List;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.spi.UnitOfWork;

/**
 * The copy-on-write state of one transaction: the latest committed tenant of its facility until the first write, then
 * a private working copy built from a base tenant plus every write, recorded as a replayable {@link Action} (see
 * {@link InMemoryTvmPersistence} for the commit protocol).
 */
final class WorkingCopy {

    /** A write: performs all its checks first, then mutates the given working tenant. Must be replayable. */
    @FunctionalInterface
    interface Action {
        void apply(Tenant t);
    }

    private final InMemoryTvmPersistence store;
    private final FacilityId facilityId;
    private final Tenant empty;
    private Tenant base;
    private Tenant work;
    private final List<Action> actions = new ArrayList<>();

    WorkingCopy(InMemoryTvmPersistence store, FacilityId facilityId) {
        this.store = store;
        this.facilityId = facilityId;
        this.empty = new Tenant(facilityId);
    }

    /** A savepoint is the number of recorded writes; rolling back replays the writes before it on the base. */
    final UnitOfWork.Savepoints savepoints = new UnitOfWork.Savepoints() {
        @Override
        public Object set() {
            return actions.size();
        }

        @Override
        public void rollbackTo(Object savepoint) {
            int keep = (Integer) savepoint;
            actions.subList(keep, actions.size()).clear();
            rebuild();
        }

        @Override
        public void release(Object savepoint) {
            // nothing to free
        }
    };

    boolean hasWrites() {
        return !actions.isEmpty();
    }

    Tenant base() {
        return base;
    }

    Tenant work() {
        return work;
    }

    List<Action> actions() {
        return actions;
    }

    /** The tenant the transaction sees: its working copy after the first write, else the latest committed one. */
    Tenant view() {
        if (work != null) {
            return work;
        }
        Tenant t = store.snapshot().tenants().get(facilityId);
        return t == null ? empty : t;
    }

    /**
     * Like a READ COMMITTED statement: moves the working copy onto the latest committed tenant of the facility (replaying
     * this transaction's writes) if another transaction committed to it since. Without this, a write or a claim after
     * the first write would see rows as of that first write, e.g. claim a mission another dispatcher already assigned
     * and committed. A replay failure is a conflict with that commit and is thrown (the commit would throw it too).
     */
    void refresh() {
        if (work == null) {
            return;
        }
        Tenant latest = store.snapshot().tenants().get(facilityId);
        if (latest == base) {
            return;
        }
        Tenant next = latest == null ? new Tenant(facilityId) : latest.copy();
        for (Action a : actions) {
            a.apply(next);
        }
        next.dirty = work.dirty;
        base = latest;
        work = next;
    }

    /** Runs a write now (on the working copy) and records it for a possible replay at commit. */
    void write(Action action) {
        if (work == null) {
            base = store.snapshot().tenants().get(facilityId);
            work = base == null ? new Tenant(facilityId) : base.copy();
        } else {
            refresh();
        }
        try {
            action.apply(work);
        } catch (RuntimeException | Error e) {
            // keep the working copy exactly as before the failed statement
            rebuild();
            throw e;
        }
        actions.add(action);
        work.dirty = true;
    }

    /** The working copy as the base plus the recorded writes (after a failed statement or a savepoint rollback). */
    private void rebuild() {
        if (work == null) {
            return; // nothing written yet: reads see the committed tenant
        }
        boolean dirty = work != null && work.dirty && !actions.isEmpty();
        work = base == null ? new Tenant(facilityId) : base.copy();
        for (Action a : actions) {
            a.apply(work);
        }
        work.dirty = dirty;
    }
}
