package org.tvm.ports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * The append-only audit log and resident data-access log of the context facility. Entries are immutable: there are no
 * update or delete methods. Reads see only entries of the context facility (entries written without facility by
 * database triggers or administration are not visible here).
 * Obtained from {@link TvmTransaction#audit()}; general rules in the package documentation.
 */
public interface AuditRepository {

    /**
     * Appends an audit entry. An entry without facility is stored with the context facility.
     *
     * @param entry non-null entry whose facility is the context facility or null
     * @throws AccessDeniedException if the entry names another facility (nothing written)
     * @throws IllegalStateException in a read-only transaction
     */
    void append(AuditEntry entry);

    /**
     * Appends a resident data-access entry (resident reads through {@link ResidentRepository} record these
     * automatically; use this for other accesses such as exports).
     *
     * @param entry non-null entry of the context facility
     * @throws AccessDeniedException     if the entry belongs to another facility (nothing written)
     * @throws UnknownReferenceException if the resident does not exist in the facility
     * @throws IllegalStateException     in a read-only transaction
     */
    void recordDataAccess(DataAccessEntry entry);

    /**
     * Keyset-paged audit entries about one resource, oldest first (timestamp ascending, then insertion order).
     *
     * @param resourceType non-null resource type, e.g. {@code "mission"} (exact match)
     * @param resourceId   non-null resource id
     * @param page         non-null page request
     * @return the page
     * @throws IllegalArgumentException if the page token is invalid or belongs to another query
     */
    Page<AuditEntry> byResource(String resourceType, UUID resourceId, PageRequest page);

    /**
     * Keyset-paged audit entries of one user with timestamp in {@code [from, to)}, oldest first (timestamp ascending,
     * then insertion order).
     *
     * @param user          non-null user id (deleted or unknown users allowed; then typically empty)
     * @param fromInclusive non-null window start
     * @param toExclusive   non-null window end
     * @param page          non-null page request
     * @return the page
     * @throws IllegalArgumentException if from is after to, or the page token is invalid or belongs to another query
     */
    Page<AuditEntry> byUser(UserId user, Instant fromInclusive, Instant toExclusive, PageRequest page);

    /**
     * @param resident      non-null resident id (soft-deleted residents included)
     * @param fromInclusive non-null window start
     * @param toExclusive   non-null window end
     * @return data-access entries of the resident with accessedAt in {@code [from, to)}, oldest first (accessedAt
     *         ascending, then insertion order); empty if none
     * @throws IllegalArgumentException if from is after to
     */
    List<DataAccessEntry> dataAccessFor(ResidentId resident, Instant fromInclusive, Instant toExclusive);
}
