package org.tvm.ports;

import java.time.Instant;
import java.util.Optional;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * User accounts of the context facility. E-mail addresses are unique (case-insensitive) among non-deleted users of
 * <em>all</em> facilities. The MFA secret is sealed before storage when {@link Capability#AT_REST_FIELD_ENCRYPTION} is
 * present and returned opened. Users have no version column: updates are last-writer-wins.
 * Obtained from {@link TvmTransaction#users()}; general rules in the package documentation.
 */
public interface UserRepository {

    /**
     * Inserts a user exactly as given (including timestamps and deletedAt).
     *
     * @param user non-null user of the context facility
     * @throws AccessDeniedException if the user belongs to another facility (nothing written)
     * @throws DuplicateKeyException if the id exists, or a non-deleted user (of any facility) has the same e-mail
     * @throws IllegalStateException in a read-only transaction
     */
    void insert(User user);

    /**
     * Overwrites all mutable fields of a non-deleted user; id, facility, createdAt and deletedAt are never changed.
     *
     * @param user non-null user of the context facility
     * @return the user as stored after the update (updatedAt possibly set by the database)
     * @throws AccessDeniedException if the user belongs to another facility (nothing written)
     * @throws NotFoundException     if no non-deleted user with this id exists in the facility
     * @throws DuplicateKeyException if the new e-mail is used by another non-deleted user
     * @throws IllegalStateException in a read-only transaction
     */
    User update(User user);

    /**
     * @param id non-null user id
     * @return the non-deleted user, or empty (absent, soft-deleted or of another facility)
     */
    Optional<User> findById(UserId id);

    /**
     * @param id non-null user id
     * @return the user whether soft-deleted or not, or empty (absent or of another facility)
     */
    Optional<User> findByIdIncludingDeleted(UserId id);

    /**
     * @param email non-null address; matched case-insensitively
     * @return the non-deleted user of the context facility with this e-mail, or empty
     */
    Optional<User> findByEmail(EmailAddress email);

    /**
     * Keyset-paged list of non-deleted users of the facility, ordered by e-mail (normalised lower-case), then id.
     *
     * @param page non-null page request
     * @return the page
     * @throws IllegalArgumentException if the page token is invalid or belongs to another query
     */
    Page<User> list(PageRequest page);

    /**
     * Marks a user as deleted at {@code at} (frees the e-mail for reuse). Idempotent: an already soft-deleted user is left
     * unchanged. Roles and caregiver assignments are kept (a deleted user has no effective access, see
     * {@link AccessControlRepository#principal}).
     *
     * @param id non-null user id
     * @param at non-null deletion time
     * @throws NotFoundException     if no user with this id exists in the facility
     * @throws IllegalStateException in a read-only transaction
     */
    void softDelete(UserId id, Instant at);

    /**
     * Sets {@code lastLoginAt = at} and {@code lastLoginIp = ip} in canonical form
     * ({@code org.tvm.domain.IpAddressLiteral.normalise}); a null ip clears it. Nothing else changes.
     *
     * @param id non-null user id
     * @param at non-null login time
     * @param ip nullable IPv4 or IPv6 literal (never resolved via DNS)
     * @throws org.tvm.domain.DomainValidationException if ip is not an IPv4/IPv6 literal (checked before any SQL)
     * @throws NotFoundException        if no non-deleted user with this id exists in the facility
     * @throws IllegalStateException    in a read-only transaction
     */
    void recordLogin(UserId id, Instant at, String ip);
}
