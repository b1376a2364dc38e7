package org.tvm.ports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;

/**
 * Administrative entry point: facility creation and cross-facility maintenance. Runs with the admin database role
 * ({@code tvm_admin}, bypasses row-level security) and without a facility context. Thread-safe.
 *
 * <p>Each method runs in its own transaction (commit on return, roll back on exception) and must not be called from
 * inside a {@link TransactionWork}. Nulls, errors and entity names follow the rules in the package documentation.
 * After {@link #close()} every method throws {@link IllegalStateException}.
 */
public interface TvmAdministration extends AutoCloseable {

    /**
     * Inserts a facility as given (id, name, address, timezone, timestamps).
     *
     * @param facility non-null facility
     * @throws DuplicateKeyException if a facility with this id already exists
     */
    void createFacility(Facility facility);

    /**
     * @param id non-null facility id
     * @return the facility, or empty if none has this id
     */
    Optional<Facility> findFacility(FacilityId id);

    /**
     * Makes sure a telemetry partition exists for every month in {@code [fromInclusive, toInclusive]} (UTC month
     * boundaries). Idempotent: existing partitions are kept. No-op without {@link Capability#PARTITIONED_TELEMETRY}.
     *
     * @param fromInclusive non-null first month
     * @param toInclusive   non-null last month
     * @throws IllegalArgumentException if {@code fromInclusive} is after {@code toInclusive}
     */
    void ensureTelemetryPartitions(YearMonth fromInclusive, YearMonth toInclusive);

    /**
     * Retention: removes all telemetry older than the first instant of {@code month} (UTC), for all facilities.
     * With {@link Capability#PARTITIONED_TELEMETRY} drops every monthly partition that lies entirely before
     * {@code month} and deletes older rows kept in the default partition; without it deletes the rows with
     * {@code timestamp < month start} and returns an empty list.
     *
     * @param month non-null first month to keep
     * @return names of the dropped partitions in ascending month order; empty if none (or not partitioned)
     */
    List<String> dropTelemetryPartitionsBefore(YearMonth month);

    /**
     * GDPR anonymisation of residents soft-deleted strictly before {@code cutoff}, in all facilities: first name becomes
     * {@code "Deleted"}, last name {@code "User #<resident id>"}, and phone, emergency contact name and phone, medical
     * notes and photo URL become null; date of birth becomes January 1st of its year. Ids, facility and deletion time are
     * kept so missions stay consistent. Residents already anonymised are skipped and not counted, so repeated calls
     * return 0.
     *
     * @param cutoff non-null instant; residents with {@code deletedAt < cutoff} are anonymised
     * @return number of residents anonymised by this call (&gt;= 0)
     */
    int anonymiseResidentsDeletedBefore(Instant cutoff);

    /**
     * Refreshes the {@code mission_summary} materialized view (spec 8.2) if the database has it
     * ({@code REFRESH MATERIALIZED VIEW CONCURRENTLY} on PostgreSQL); no-op otherwise.
     */
    void refreshMissionSummary();

    /**
     * Grants a permission to a role in the global catalogue, creating the permission if it does not exist.
     * Idempotent (granting an existing grant changes nothing). Affects every facility immediately after commit.
     *
     * @param role       non-null role
     * @param permission non-null permission
     */
    void grantPermission(RoleName role, Permission permission);

    /**
     * Revokes a permission from a role in the global catalogue. Idempotent: revoking a grant that does not exist
     * changes nothing. The permission itself stays in the catalogue.
     *
     * @param role       non-null role
     * @param permission non-null permission
     */
    void revokePermission(RoleName role, Permission permission);

    /**
     * Moves the audit entries the database's triggers wrote since the last call into their facilities' hash chains.
     * On PostgreSQL an audited change writes its entry into a waiting table in its own transaction (cheap: no chain
     * lock, no index), where the repositories already read it; this links the waiting entries, oldest first, as one
     * transaction. {@link AuditTrail#verify}, {@link AuditTrail#seal} and the maintenance job do it first. Call it often
     * (every few seconds to a minute: from an executor, or {@code bin/tvm audit link} from cron), so entries do not stay
     * outside the chain for long. Safe to call concurrently: each entry is linked once.
     *
     * @return how many entries were linked (0 where entries are linked when written: H2, the in-memory adapter)
     */
    long linkWaitingAuditEntries();

    /**
     * The tamper-evident audit trail: verify a chain, sign checkpoints, write system events.
     *
     * @param current non-null key that signs new checkpoints (held by the application, never stored in the database)
     * @param retired keys of earlier checkpoints still to be verified (key rotation); none may be null
     * @return the trail, valid until this administration is closed
     */
    AuditTrail auditTrail(org.tvm.domain.audit.AuditChainKey current, org.tvm.domain.audit.AuditChainKey... retired);

    /** Releases resources this instance created; does not close a caller-supplied {@code DataSource}. Idempotent. */
    @Override
    void close();
}
