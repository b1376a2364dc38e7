package org.tvm.ports.spi;

import java.util.Objects;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.TvmContext;

/**
 * For adapter implementers, not for applications: the rules every repository call of one unit of work checks before it
 * touches data, so that every adapter (the in-memory reference included) applies them alike and says the same.
 *
 * <ul>
 *   <li>A transaction handle and its repositories work only while the work runs ({@link #end()} closes them) and only
 *       on the thread that runs it (the thread that created this scope).</li>
 *   <li>A read-only unit refuses every write before anything is sent.</li>
 *   <li>Data of another facility than the context's is refused before anything is sent
 *       ({@link AccessDeniedException}); the database's row-level security backs it up.</li>
 * </ul>
 * One instance per unit of work, created on the thread that runs the work.
 */
public final class TransactionScope {

    private final TvmContext context;
    private final boolean readOnly;
    private final Thread owner = Thread.currentThread();
    private volatile boolean active = true;

    /**
     * @param context  non-null context of the unit of work
     * @param readOnly whether the unit of work is read-only
     */
    public TransactionScope(TvmContext context, boolean readOnly) {
        this.context = Objects.requireNonNull(context, "context");
        this.readOnly = readOnly;
    }

    /** @return the unit of work's context (unchecked: for the adapter's own bookkeeping) */
    public TvmContext context() {
        return context;
    }

    /** @return whether the unit of work is read-only (unchecked) */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * @throws IllegalStateException once the work has returned ({@link #end()}), or when called from another thread than
     *                               the one running the work
     */
    public void check() {
        if (!active) {
            throw new IllegalStateException("this TvmTransaction has ended: repositories may only be used while the "
                    + "work runs");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("this TvmTransaction belongs to thread " + owner.getName()
                    + " and may not be used from " + Thread.currentThread().getName());
        }
    }

    /**
     * {@link #check()}, then refuses a write in a read-only unit of work.
     *
     * @param operation non-null name of the writing operation, e.g. {@code "MapRepository.insert"} (for the message)
     * @throws IllegalStateException in a read-only unit of work, or as {@link #check()}
     */
    public void checkWritable(String operation) {
        check();
        if (readOnly) {
            throw new IllegalStateException(operation + " is not allowed in a read-only transaction");
        }
    }

    /**
     * @param facility the facility the data to write or read belongs to
     * @param entity   non-null entity name for the error (e.g. {@code "Mission"})
     * @throws AccessDeniedException if {@code facility} is not the context's facility
     */
    public void requireContextFacility(FacilityId facility, String entity) {
        if (!context.facilityId().equals(facility)) {
            throw AccessDeniedException.otherFacility(entity);
        }
    }

    /** Ends the scope: from now on {@link #check()} refuses every call (the work has returned). */
    public void end() {
        active = false;
    }

    /** @return the context, and whether the unit is read-only or has ended */
    @Override
    public String toString() {
        return context + (readOnly ? ", read-only" : "") + (active ? "" : ", ended");
    }
}
