package org.tvm.ports.observe;

/**
 * Told about every unit of work of an {@link ObservedTvmPersistence}, after it ended (committed, rolled back or
 * failed to start), on the thread that ran it. Implementations must be thread-safe and quick, and should not throw:
 * an exception a listener throws is ignored, so observing never changes the outcome of a unit of work.
 */
@FunctionalInterface
public interface UnitOfWorkListener {

    /**
     * @param unitOfWork non-null description of the unit of work that just ended
     */
    void ended(UnitOfWork unitOfWork);

    /**
     * Whether this listener needs the rows appended ({@link UnitOfWork#telemetryAppended()},
     * {@link UnitOfWork#auditAppended()}). Counting hands the work a forwarding wrapper of the transaction instead of
     * the adapter's own, so it is only done when some listener asks for it.
     *
     * @return true to have appended rows counted; false (the default) to have them reported as {@code -1}
     */
    default boolean countsAppendedRows() {
        return false;
    }
}
