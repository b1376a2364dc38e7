package org.tvm.ports;

import java.time.Instant;
import java.util.Optional;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Residents of the context facility (personal and medical data).
 *
 * <p><b>Data-access logging (GDPR).</b> Every method that returns residents records, in the same transaction, one
 * {@code DataAccessEntry} with access type READ per returned resident (none when nothing is returned), and
 * {@link #update} records one with type UPDATE. The entry's user is the context actor (null for a system context) and
 * its {@code accessedAt} the adapter's clock. Because of this, every method here — including the finders — throws
 * {@link IllegalStateException} in a read-only transaction.
 *
 * <p>Medical notes are sealed before storage when {@link Capability#AT_REST_FIELD_ENCRYPTION} is present and are returned
 * opened. Residents have no version column: updates are last-writer-wins.
 * Obtained from {@link TvmTransaction#residents()}; general rules in the package documentation.
 */
public interface ResidentRepository {

    /**
     * Inserts a resident exactly as given (including createdAt, updatedAt and deletedAt).
     *
     * @param resident non-null resident of the context facility
     * @throws AccessDeniedException     if the resident belongs to another facility (nothing written)
     * @throws DuplicateKeyException     if the id already exists (in any facility)
     * @throws IllegalStateException     in a read-only transaction
     */
    void insert(Resident resident);

    /**
     * Overwrites all mutable fields of a non-deleted resident; id, facility, createdAt and deletedAt are never changed
     * (use {@link #softDelete}). Records a data-access entry of type UPDATE.
     *
     * @param resident non-null resident of the context facility
     * @return the resident as stored after the update (updatedAt may be set by the database; use the returned instance)
     * @throws AccessDeniedException if the resident belongs to another facility (nothing written)
     * @throws NotFoundException     if no non-deleted resident with this id exists in the context facility
     * @throws IllegalStateException in a read-only transaction
     */
    Resident update(Resident resident);

    /**
     * @param id non-null resident id
     * @return the non-deleted resident, or empty (absent, soft-deleted or of another facility); records READ if found
     * @throws IllegalStateException in a read-only transaction
     */
    Optional<Resident> findById(ResidentId id);

    /**
     * @param id non-null resident id
     * @return the resident whether soft-deleted or not, or empty (absent or of another facility); records READ if found
     * @throws IllegalStateException in a read-only transaction
     */
    Optional<Resident> findByIdIncludingDeleted(ResidentId id);

    /**
     * Keyset-paged list of the non-deleted residents, ordered by lastName, firstName, id. Records one READ entry per
     * returned resident.
     *
     * @param page non-null page request
     * @return the page, never null
     * @throws IllegalArgumentException if the page token is invalid or belongs to another query
     * @throws IllegalStateException    in a read-only transaction
     */
    Page<Resident> list(PageRequest page);

    /**
     * Anonymises a resident, soft-deleted or not, with the domain's rule ({@link Resident#anonymised(Instant)}: name,
     * phone, emergency contact, medical notes and photo removed, date of birth reduced to January 1st of its year);
     * deletedAt is kept (a deleted resident's data is held until anonymised, so erasure must reach it). Records a
     * data-access entry of type UPDATE. Applying it twice changes nothing but updatedAt.
     *
     * @param id non-null resident id
     * @param at non-null anonymisation time (the resident's updatedAt; the database may stamp its own)
     * @return the resident as stored after the anonymisation
     * @throws NotFoundException     if no resident with this id (soft-deleted or not) exists in the context facility
     * @throws IllegalStateException in a read-only transaction
     */
    Resident anonymise(ResidentId id, Instant at);

    /**
     * Marks a resident as deleted at {@code at}. Idempotent: if the resident is already soft-deleted nothing changes (the
     * original deletion time is kept). Missions of the resident are not touched.
     *
     * @param id non-null resident id
     * @param at non-null deletion time
     * @throws NotFoundException     if no resident with this id exists in the context facility
     * @throws IllegalStateException in a read-only transaction
     */
    void softDelete(ResidentId id, Instant at);
}
