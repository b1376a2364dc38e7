package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.timestamp;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.ports.query.Orderings;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.IpAddressLiteral;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.UserRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

final class InMemoryUsers implements UserRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<UserId, StoredUser> USERS = Tenant.Table.audited("users", InMemoryUsers::auditColumns);

    static final Comparator<User> BY_EMAIL = Comparator.comparing((User u) -> u.email().value(), Orderings.TEXT)
            .thenComparing(u -> u.id().value(), Orderings.UUIDS);

    private final InMemoryTransaction tx;

    InMemoryUsers(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(User user) {
        nn(user, "user");
        tx.checkWritable("UserRepository.insert");
        tx.requireContextFacility(user.facilityId(), "User");
        tx.lock("users", user.id().value());
        StoredUser row = tx.stored(user);
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "User");
            if (tx.idTaken(t, "users", user.id().value(), t.rows(USERS).containsKey(user.id()))) {
                throw new DuplicateKeyException("User", "users_pkey");
            }
            checkEmail(t, user);
            t.put(USERS, user.id(), row);
            t.insertedIds.add(new Tenant.RowKey("users", user.id().value()));
            t.dirtyUsers.add(user.id());
        });
    }

    /** idx_users_email_unique: LOWER(email) among non-deleted users of all facilities. */
    private void checkEmail(Tenant t, User user) {
        if (user.isDeleted()) {
            return;
        }
        String email = user.email().canonical();
        for (StoredUser other : t.rows(USERS).values()) {
            User o = other.withoutSecret();
            if (!o.id().equals(user.id()) && !o.isDeleted() && o.email().canonical().equals(email)) {
                throw new DuplicateKeyException("User", "idx_users_email_unique");
            }
        }
        UserId owner = tx.store.uniqueIndexes.emailIndex.get(email);
        if (owner != null && !owner.equals(user.id()) && !t.rows(USERS).containsKey(owner)) {
            throw new DuplicateKeyException("User", "idx_users_email_unique");
        }
    }

    @Override
    public User update(User user) {
        nn(user, "user");
        tx.checkWritable("UserRepository.update");
        tx.requireContextFacility(user.facilityId(), "User");
        tx.lock("users", user.id().value());
        User[] out = new User[1];
        tx.write(t -> {
            StoredUser old = t.rows(USERS).get(user.id());
            if (old == null || old.withoutSecret().isDeleted()) {
                throw new NotFoundException("User", user.id());
            }
            User merged = user.toBuilder().createdAt(old.withoutSecret().createdAt())
                    .deletedAt(old.withoutSecret().deletedAt()).build();
            checkEmail(t, merged);
            t.put(USERS, user.id(), tx.stored(merged));
            t.dirtyUsers.add(user.id());
            out[0] = merged;
        });
        return out[0];
    }

    @Override
    public Optional<User> findById(UserId id) {
        nn(id, "id");
        tx.check();
        return find(id, false);
    }

    @Override
    public Optional<User> findByIdIncludingDeleted(UserId id) {
        nn(id, "id");
        tx.check();
        return find(id, true);
    }

    private Optional<User> find(UserId id, boolean includeDeleted) {
        for (Tenant t : tx.readableTenants()) {
            StoredUser s = t.rows(USERS).get(id);
            if (s != null && (includeDeleted || !s.withoutSecret().isDeleted())) {
                return Optional.of(tx.open(s));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        nn(email, "email");
        tx.check();
        String wanted = email.canonical();
        for (Tenant t : tx.readableTenants()) {
            for (StoredUser s : t.rows(USERS).values()) {
                if (!s.withoutSecret().isDeleted() && s.withoutSecret().email().canonical().equals(wanted)) {
                    return Optional.of(tx.open(s));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Page<User> list(PageRequest page) {
        nn(page, "page");
        tx.check();
        List<User> all = new ArrayList<>();
        for (StoredUser s : tx.view().rows(USERS).values()) {
            if (!s.withoutSecret().isDeleted()) {
                all.add(s.withoutSecret());
            }
        }
        all.sort(BY_EMAIL);
        Page<User> p = Paging.page(all, page, List.of("users"), 2,
                u -> List.of(u.email().value(), u.id().toString()),
                (u, k) -> {
                    int c = Paging.text(u.email().value(), k.get(0));
                    return c != 0 ? c : Paging.uuid(u.id().value(), k.get(1));
                });
        List<User> opened = new ArrayList<>(p.items().size());
        Tenant view = tx.view();
        for (User u : p.items()) {
            opened.add(tx.open(view.rows(USERS).get(u.id())));
        }
        return new Page<>(opened, p.nextToken());
    }

    @Override
    public void softDelete(UserId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        tx.checkWritable("UserRepository.softDelete");
        tx.lock("users", id.value());
        tx.write(t -> {
            StoredUser old = t.rows(USERS).get(id);
            if (old == null) {
                throw new NotFoundException("User", id);
            }
            if (old.withoutSecret().isDeleted()) {
                return;
            }
            t.put(USERS, id, new StoredUser(old.withoutSecret().softDeleted(at), old.sealedSecret()));
            t.dirtyUsers.add(id);
        });
    }

    @Override
    public void recordLogin(UserId id, Instant requestedAt, String ip) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "lastLoginAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        String canonical = IpAddressLiteral.normalise("User", "lastLoginIp", ip);
        tx.checkWritable("UserRepository.recordLogin");
        tx.lock("users", id.value());
        tx.write(t -> {
            StoredUser old = t.rows(USERS).get(id);
            if (old == null || old.withoutSecret().isDeleted()) {
                throw new NotFoundException("User", id);
            }
            User next = old.withoutSecret().toBuilder().lastLoginAt(at).lastLoginIp(canonical).build();
            t.put(USERS, id, new StoredUser(next, old.sealedSecret()));
            t.dirtyUsers.add(id);
        });
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(UserId id, StoredUser s, Tenant t) {
        User u = s.withoutSecret();
        Map<String, String> m = baseColumns(u.id().toString(), t, u.createdAt(), u.updatedAt());
        m.put("email", u.email().value());
        m.put("password_hash", u.passwordHash().value());
        m.put("first_name", u.firstName());
        m.put("last_name", u.lastName());
        m.put("phone", u.phone() == null ? null : u.phone().value());
        m.put("status", u.status().code());
        m.put("email_verified", Boolean.toString(u.emailVerified()));
        m.put("email_verification_token", u.emailVerificationToken());
        m.put("mfa_enabled", Boolean.toString(u.mfaEnabled()));
        m.put("mfa_secret", s.sealedSecret());
        m.put("password_reset_token", u.passwordResetToken());
        m.put("password_reset_expires", timestamp(u.passwordResetExpires()));
        m.put("last_login_at", timestamp(u.lastLoginAt()));
        m.put("last_login_ip", u.lastLoginIp());
        m.put("deleted_at", timestamp(u.deletedAt()));
        return m;
    }
}
