package org.tvm.adapter.mybatis.repository;

import org.tvm.adapter.sql.Keyset;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.IpAddressLiteral;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.UserRepository;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.adapter.mybatis.row.UserRow;
import org.tvm.adapter.mybatis.mapper.UserMapper;

final class MyBatisUserRepository implements UserRepository {

    private static final String E = "User";
    private final MyBatisTransaction tx;
    private final UserMapper mapper;

    MyBatisUserRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(UserMapper.class);
    }

    @Override
    public void insert(User user) {
        requireNonNull(user, "user");
        tx.checkWritable("UserRepository.insert");
        tx.requireContextFacility(user.facilityId(), E);
        tx.write(E, "UserRepository.insert", () -> {
            mapper.insert(tx.rows.row(user));
        });
    }

    @Override
    public User update(User user) {
        requireNonNull(user, "user");
        tx.checkWritable("UserRepository.update");
        tx.requireContextFacility(user.facilityId(), E);
        return tx.write(E, "UserRepository.update", () -> {
            if (mapper.update(tx.rows.row(user)) == 0) {
                throw new NotFoundException(E, user.id());
            }
            return tx.rows.user(mapper.find(tx.facility(), user.id().value(), true));
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), false)).map(tx.rows::user));
    }

    @Override
    public Optional<User> findByIdIncludingDeleted(UserId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), true)).map(tx.rows::user));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        requireNonNull(email, "email");
        return tx.read(E, () -> Optional.ofNullable(mapper.findByEmail(tx.facility(), email.value())).map(tx.rows::user));
    }

    @Override
    public Page<User> list(PageRequest page) {
        requireNonNull(page, "page");
        List<String> query = List.of("users.list");
        List<String> after = Keyset.after(page, query, 2);
        return tx.read(E, () -> {
            List<UserRow> fetched = after == null
                    ? mapper.list(tx.facility(), null, null, page.limit() + 1)
                    : mapper.list(tx.facility(), after.get(0), Keyset.uuid(after.get(1)), page.limit() + 1);
            return Keyset.page(fetched, page.limit(), query, r -> List.of(r.email, r.id.toString()), tx.rows::user);
        });
    }

    @Override
    public void softDelete(UserId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        tx.write(E, "UserRepository.softDelete", () -> {
            if (mapper.softDelete(tx.facility(), id.value(), at) == 0
                    && mapper.find(tx.facility(), id.value(), true) == null) {
                throw new NotFoundException(E, id);
            }
        });
    }

    @Override
    public void recordLogin(UserId id, Instant requestedAt, String ip) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("User", "lastLoginAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        String normalised = IpAddressLiteral.normalise(E, "lastLoginIp", ip);
        tx.write(E, "UserRepository.recordLogin", () -> {
            if (mapper.recordLogin(tx.facility(), id.value(), at, normalised) == 0) {
                throw new NotFoundException(E, id);
            }
        });
    }
}
