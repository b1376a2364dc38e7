package org.tvm.ports.maintenance;

/**
 * Progress of a maintenance run (for a progress bar or logs). Called on the running thread. An exception thrown by a
 * listener aborts the run like any step failure: the batch in progress rolls back, finished work stays, the run is
 * recorded as failed, and the next run carries on from there.
 */
public interface MaintenanceListener {

    MaintenanceListener NONE = new MaintenanceListener() { };

    /** A step starts; {@code index} counts from 0 up to {@code total - 1}. */
    default void stepStarted(MaintenanceStep step, int index, int total) {
    }

    /** A batch of {@code rows} was committed in {@code step} (deletes, archives). */
    default void batchCommitted(MaintenanceStep step, long rows) {
    }

    /** A step finished (successfully; failures end the run). */
    default void stepFinished(StepResult result) {
    }
}
