package org.tvm.ports.observe;

import java.time.Duration;
import java.util.Objects;
import org.tvm.ports.TvmContext;

/**
 * What an {@link ObservedTvmPersistence} reports about one ended unit of work. Carries no row values: ids of the
 * context, counts, a duration and the failure's type only.
 *
 * @param adapter           short adapter name, e.g. {@code "jpa"}, {@code "mybatis"}, {@code "in-memory"}
 * @param kind              read-write or read-only
 * @param context           the facility/actor context it ran in
 * @param duration          wall-clock time from the call until it returned or threw
 * @param outcome           how it ended
 * @param failureType       simple class name of the exception it ended with, or {@code null} when it succeeded
 * @param telemetryAppended telemetry samples handed to {@code telemetry().append} (also when rolled back), or
 *                          {@code -1} when no listener {@link UnitOfWorkListener#countsAppendedRows() asked for it}
 * @param auditAppended     audit entries and data-access entries appended (also when rolled back), or {@code -1}
 */
public record UnitOfWork(String adapter, Kind kind, TvmContext context, Duration duration, Outcome outcome,
                         String failureType, long telemetryAppended, long auditAppended) {

    /** The run method used. */
    public enum Kind {
        /** {@code inTransaction} or {@code run}. */
        READ_WRITE,
        /** {@code inReadOnlyTransaction}. */
        READ_ONLY
    }

    /** How a unit of work ended. */
    public enum Outcome {
        /** The work returned and the transaction committed (read-only: ended). */
        SUCCEEDED,
        /**
         * Rolled back because of a concurrency conflict a retry may resolve: a
         * {@link org.tvm.ports.ConcurrencyConflictException}, a {@link org.tvm.ports.StaleVersionException} or another
         * port exception that says it is {@link org.tvm.ports.TvmPersistenceException#retryable() retryable}.
         */
        CONFLICT,
        /** Rolled back (or never started) because of any other exception. */
        FAILED
    }

    /**
     * Validates the description.
     *
     * @throws NullPointerException if adapter, kind, context, duration or outcome is null
     */
    public UnitOfWork {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
