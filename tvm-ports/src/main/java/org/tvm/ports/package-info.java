/**
 * The ports of TVM Persistence: the only API application code and adapters share.
 *
 * <h2>Units of work</h2>
 * Every repository is obtained from a {@link org.tvm.ports.TvmTransaction}, which exists only while a
 * {@link org.tvm.ports.TransactionWork} runs inside {@link org.tvm.ports.TvmPersistence#inTransaction}
 * (or {@code run}/{@code inReadOnlyTransaction}) for one {@link org.tvm.ports.TvmContext}. The transaction
 * commits when the work returns normally and rolls back when it throws; the exception is rethrown unchanged. A work
 * that swallowed a persistence failure is rolled back and reported ({@link org.tvm.ports.TransactionRolledBackException});
 * {@link org.tvm.ports.TvmTransaction#savepoint(java.util.function.Supplier)} recovers from an expected one. A unit of
 * work can also join a transaction the application owns ({@link org.tvm.ports.TvmPersistence#inHostTransaction}).
 * {@code org.tvm.ports.spi} is for adapter implementers only.
 * Cross-facility maintenance goes through {@link org.tvm.ports.TvmAdministration}.
 *
 * <h2>Rules that apply to every port method unless its Javadoc says otherwise</h2>
 * <ul>
 *   <li><b>Nulls.</b> Parameters are non-null; a null argument throws {@link java.lang.NullPointerException}
 *       before anything is read or written. Only parameters documented as "nullable" accept null.
 *       Methods never return null: absence is {@link java.util.Optional#empty()}, an empty collection or an
 *       empty {@link org.tvm.ports.query.Page}. Returned collections are unmodifiable and contain no nulls.</li>
 *   <li><b>Facility scoping.</b> Repositories are implicitly scoped to {@code ctx.facilityId()}. Rows of
 *       another facility behave exactly as absent rows: finders return empty, mutations of an existing id
 *       throw {@link org.tvm.ports.NotFoundException}, lists do not contain them. Passing an aggregate or
 *       entry whose own {@code facilityId()} differs from the context facility to a write method throws
 *       {@link org.tvm.ports.AccessDeniedException} before any SQL runs (nothing is written).
 *       The role/permission catalogue is global (not facility-owned).</li>
 *   <li><b>Soft delete.</b> Residents, vehicles, missions and users are soft-deleted. Unless a method is named
 *       {@code ...IncludingDeleted}, reads exclude soft-deleted rows and updates treat them as absent
 *       ({@link org.tvm.ports.NotFoundException}).</li>
 *   <li><b>Limits.</b> Every {@code int limit} parameter must be in {@code 1..}{@value
 *       org.tvm.ports.query.PageRequest#MAX_LIMIT}, otherwise {@link java.lang.IllegalArgumentException}.
 *       Time windows are half-open {@code [fromInclusive, toExclusive)}; {@code from > to} throws
 *       {@link java.lang.IllegalArgumentException}, {@code from == to} yields an empty result.</li>
 *   <li><b>Ordering.</b> Every list has a total, documented order. Strings are compared by code point
 *       (binary; SQL adapters use {@code COLLATE "C"}), never by locale. Ids used as tie-breakers are compared
 *       as unsigned 128-bit values, i.e. like their canonical lower-case string form (this is PostgreSQL's and
 *       H2's {@code uuid} order; note that {@link java.util.UUID#compareTo} is signed and differs).
 *       "Insertion order" means the order in which rows were written (e.g. a {@code bigserial} id).</li>
 *   <li><b>Errors.</b> Database failures are translated: unique violations to {@link org.tvm.ports.DuplicateKeyException},
 *       foreign-key violations to {@link org.tvm.ports.UnknownReferenceException}, other CHECK/NOT NULL/exclusion
 *       violations to {@link org.tvm.ports.ConstraintViolationException}, serialization failures, deadlocks and lock
 *       timeouts to {@link org.tvm.ports.ConcurrencyConflictException}, anything else to
 *       {@link org.tvm.ports.TvmPersistenceException}. Domain exceptions ({@code org.tvm.domain.DomainException}
 *       and subclasses) pass through unchanged. Any port method may throw {@code ConcurrencyConflictException}
 *       or {@code TvmPersistenceException}; they are not repeated on every method. After any exception thrown by a
 *       repository the transaction must be considered failed: let the exception leave the work so it rolls back.</li>
 *   <li><b>Entity names.</b> {@code entity()} on exceptions is the simple name of the domain class
 *       ({@code "Resident"}, {@code "Vehicle"}, {@code "Mission"}, {@code "User"}, {@code "Facility"},
 *       {@code "Location"}, {@code "MissionEvent"}, {@code "TelemetrySample"}, {@code "VehicleLogEntry"},
 *       {@code "AuditEntry"}, {@code "DataAccessEntry"}, {@code "Role"}, {@code "Permission"}), identical in all adapters.
 *       Constraint names are adapter-specific. Messages of the port exceptions ({@link org.tvm.ports.TvmPersistenceException}
 *       and subclasses) never contain values of sensitive fields (medical notes, MFA secrets, password hashes, tokens)
 *       nor other column values, only names and ids. Domain exceptions passing through may quote a rejected
 *       non-secret input (e.g. a malformed phone number or e-mail address) but never a sensitive value.</li>
 *   <li><b>Lifetime and threads.</b> A {@code TvmTransaction} and every repository obtained from it may only be
 *       used by the thread running the work and only until the work returns; later use throws
 *       {@link java.lang.IllegalStateException}. In a read-only unit of work every method that writes (including the
 *       reads that record a data access) throws {@link java.lang.IllegalStateException} before anything is sent,
 *       naming the refused operation, e.g. {@code "MapRepository.insert is not allowed in a read-only transaction"}.</li>
 *   <li><b>Time.</b> Instants passed in are stored as given (the domain already truncated them to microseconds).
 *       Where a method says "the adapter's clock", adapters use the {@code java.time.Clock} they were built with.</li>
 * </ul>
 */
package org.tvm.ports;
