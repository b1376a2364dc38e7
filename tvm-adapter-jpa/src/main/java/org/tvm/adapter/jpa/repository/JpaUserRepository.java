package org.tvm.adapter.jpa.repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.tvm.adapter.jpa.entity.UserEntity;
import org.tvm.adapter.sql.Keyset;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.IpAddressLiteral;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.UserRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/** {@link UserRepository}: MFA secret sealed by the mapper; e-mail uniqueness is the database's (partial) unique index. */
final class JpaUserRepository implements UserRepository {

    private static final List<String> LIST_PREFIX = List.of("users.list");

    private final JpaTransaction tx;

    JpaUserRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(User user) {
        Objects.requireNonNull(user, "user");
        tx.checkWritable("UserRepository.insert");
        tx.requireContextFacility(user.facilityId(), "User");
        tx.writeVoid("User", () -> tx.session().persist(tx.mapper().toEntity(user)));
    }

    @Override
    public User update(User user) {
        Objects.requireNonNull(user, "user");
        tx.checkWritable("UserRepository.update");
        tx.requireContextFacility(user.facilityId(), "User");
        return tx.write("User", () -> {
            UserEntity e = tx.mapper().toEntity(user);
            int rows = tx.session().createMutationQuery("update UserEntity u set u.email = :email, u.passwordHash = :hash, "
                            + "u.firstName = :fn, u.lastName = :ln, u.phone = :phone, u.status = :status, "
                            + "u.emailVerified = :verified, u.emailVerificationToken = :vtoken, u.mfaEnabled = :mfa, "
                            + "u.mfaSecret = :secret, u.passwordResetToken = :rtoken, u.passwordResetExpires = :rexp, "
                            + "u.lastLoginAt = :login, u.lastLoginIp = :ip, u.updatedAt = :updated "
                            + "where u.id = :id and u.facilityId = :f and u.deletedAt is null")
                    .setParameter("email", e.email).setParameter("hash", e.passwordHash).setParameter("fn", e.firstName)
                    .setParameter("ln", e.lastName).setParameter("phone", e.phone, String.class)
                    .setParameter("status", e.status).setParameter("verified", e.emailVerified)
                    .setParameter("vtoken", e.emailVerificationToken, String.class).setParameter("mfa", e.mfaEnabled)
                    .setParameter("secret", e.mfaSecret, String.class).setParameter("rtoken", e.passwordResetToken, String.class)
                    .setParameter("rexp", e.passwordResetExpires, Instant.class).setParameter("login", e.lastLoginAt, Instant.class)
                    .setParameter("ip", e.lastLoginIp).setParameter("updated", e.updatedAt)
                    .setParameter("id", e.id).setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0) {
                throw new NotFoundException("User", user.id());
            }
            return load(e.id, false).orElseThrow(() -> new NotFoundException("User", user.id()));
        });
    }

    Optional<User> load(UUID id, boolean includingDeleted) {
        return tx.session().createSelectionQuery("from UserEntity u where u.id = :id and u.facilityId = :f"
                        + (includingDeleted ? "" : " and u.deletedAt is null"), UserEntity.class)
                .setParameter("id", id).setParameter("f", tx.facility()).setReadOnly(true)
                .uniqueResultOptional().map(tx.mapper()::toDomain);
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("User", () -> load(id.value(), false));
    }

    @Override
    public Optional<User> findByIdIncludingDeleted(UserId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("User", () -> load(id.value(), true));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return tx.read("User", () -> tx.session().createSelectionQuery("from UserEntity u where lower(u.email) = :email "
                        + "and u.facilityId = :f and u.deletedAt is null", UserEntity.class)
                .setParameter("email", email.canonical()).setParameter("f", tx.facility())
                .setReadOnly(true).setMaxResults(1).uniqueResultOptional().map(tx.mapper()::toDomain));
    }

    @Override
    public Page<User> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        tx.check();
        List<String> after = Keyset.after(page, LIST_PREFIX, 2);
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after.get(1));
        } catch (RuntimeException e) {
            throw Keyset.malformed(e);
        }
        String c = tx.dialect().collateC();
        return tx.read("User", () -> {
            String sql = "SELECT u.* FROM users u WHERE u.facility_id = :f AND u.deleted_at IS NULL"
                    + (after == null ? "" : " AND (u.email" + c + ", u.id) > (:email, :id)")
                    + " ORDER BY u.email" + c + ", u.id LIMIT :n";
            NativeQuery<UserEntity> q = tx.session().createNativeQuery(sql, UserEntity.class)
                    .setParameter("f", tx.facility()).setParameter("n", page.limit() + 1);
            if (after != null) {
                q.setParameter("email", after.get(0)).setParameter("id", afterId);
            }
            List<User> rows = q.setReadOnly(true).getResultList().stream().map(tx.mapper()::toDomain).toList();
            return Keyset.page(rows, page.limit(), LIST_PREFIX, u -> List.of(u.email().value(), u.id().value().toString()));
        });
    }

    @Override
    public void softDelete(UserId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        tx.checkWritable("UserRepository.softDelete");
        tx.writeVoid("User", () -> {
            int rows = tx.session().createMutationQuery("update UserEntity u set u.deletedAt = :at, u.updatedAt = :at "
                            + "where u.id = :id and u.facilityId = :f and u.deletedAt is null")
                    .setParameter("at", at).setParameter("id", id.value()).setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0 && load(id.value(), true).isEmpty()) {
                throw new NotFoundException("User", id);
            }
        });
    }

    @Override
    public void recordLogin(UserId id, Instant requestedAt, String ip) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "lastLoginAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        String canonical = IpAddressLiteral.normalise("User", "lastLoginIp", ip);
        tx.checkWritable("UserRepository.recordLogin");
        tx.writeVoid("User", () -> {
            int rows = tx.session().createMutationQuery("update UserEntity u set u.lastLoginAt = :at, u.lastLoginIp = :ip "
                            + "where u.id = :id and u.facilityId = :f and u.deletedAt is null")
                    .setParameter("at", at).setParameter("ip", canonical).setParameter("id", id.value())
                    .setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0) {
                throw new NotFoundException("User", id);
            }
        });
    }
}
