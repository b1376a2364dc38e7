package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.UserRepository}: every field round-trips (including the MFA secret and tokens),
 * e-mail addresses are unique case-insensitively among non-deleted users of all facilities
 * ({@link DuplicateKeyException} with entity "User", never a raw driver exception) and freed by soft delete,
 * {@code findByEmail} matches case-insensitively, the list is ordered by e-mail then id, logins are recorded with a
 * canonical IP, and unknown or deleted users are {@link NotFoundException} for every mutation.
 *
 * <p>Capabilities: none (sealing of the MFA secret at rest is covered by {@link SensitiveFieldsContract}).
 */
public abstract class UserContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private User insert(FacilityId f, User user) {
        run(subject(), f, (TvmTransaction tx) -> tx.users().insert(user));
        return user;
    }

    @Test
    void userWithEveryFieldRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Instant updatedAt = now.plusSeconds(13).plusNanos(77_000);
        User user = insert(f, TvmTestData.user(f).allFields().at(now).with(b -> b.updatedAt(updatedAt)).build());

        User read = tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()).orElseThrow());

        assertThat(read).isEqualTo(user);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.updatedAt()).isEqualTo(updatedAt);
        assertThat(read.mfaSecret().reveal()).isEqualTo(user.mfaSecret().reveal());
        assertThat(read.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(read.lastLoginIp()).isEqualTo("2001:db8::7");
    }

    @ParameterizedTest
    @EnumSource(UserStatus.class)
    void everyStatusRoundTrips(UserStatus status) {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).status(status).at(now).build());

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()))).contains(user);
    }

    @Test
    void emailDifferingOnlyInCaseIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String local = "Nurse." + TvmTestData.unique();
        User first = insert(f, TvmTestData.user(f).email(local + "@Example.ORG").at(now).build());
        User second = TvmTestData.user(f).email(local.toUpperCase(java.util.Locale.ROOT) + "@example.org").at(now).build();

        assertThatThrownBy(() -> insert(f, second))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("User"));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findByIdIncludingDeleted(second.id()))).isEmpty();
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(first.id()))).contains(first);
    }

    /**
     * Logging a port exception with its causes must not write the clashing e-mail or the password hash into
     * the log: database messages of integrity violations quote row values (see WithheldDatabaseError).
     */
    @Test
    void duplicateKeyErrorsCarryNoRowValuesAnywhereInTheirCauseChain() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User first = insert(f, TvmTestData.user(f).at(now).build());
        User clash = TvmTestData.user(f).email(first.email().value()).at(now).build();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> insert(f, clash));

        assertThat(thrown).isInstanceOf(DuplicateKeyException.class);
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>(java.util.List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            assertThat(String.valueOf(t.getMessage()))
                    .as("message of %s", t.getClass().getName())
                    .doesNotContain(clash.email().value())
                    .doesNotContain(clash.passwordHash().value());
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            pending.addAll(java.util.List.of(t.getSuppressed()));
        }
    }

    @Test
    void emailIsUniqueAcrossFacilities() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        User first = insert(f, TvmTestData.user(f).at(now).build());
        User clash = TvmTestData.user(other).email(first.email().value()).at(now).build();

        assertThatThrownBy(() -> insert(other, clash))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("User"));
        assertThat(tx(subject(), other, (TvmTransaction tx) -> tx.users().findByIdIncludingDeleted(clash.id()))).isEmpty();
    }

    @Test
    void softDeleteFreesTheEmail() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User old = insert(f, TvmTestData.user(f).at(now).build());

        run(subject(), f, (TvmTransaction tx) -> tx.users().softDelete(old.id(), now.plusSeconds(1)));
        User successor = insert(f, TvmTestData.user(f).email(old.email().value()).at(now.plusSeconds(2)).build());

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.users().findByEmail(old.email())).contains(successor);
            assertThat(tx.users().findById(old.id())).isEmpty();
            assertThat(tx.users().findByIdIncludingDeleted(old.id()).orElseThrow().deletedAt()).isEqualTo(now.plusSeconds(1));
        });
    }

    @Test
    void updateOntoAnotherUsersEmailIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User a = insert(f, TvmTestData.user(f).at(now).build());
        User b = insert(f, TvmTestData.user(f).at(now).build());

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().update(
                b.toBuilder().email(EmailAddress.of(a.email().value().toUpperCase(java.util.Locale.ROOT))).build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("User"));
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(b.id()))).contains(b);
    }

    @Test
    void duplicateIdIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());

        assertThatThrownBy(() -> insert(f, TvmTestData.user(f).id(user.id()).at(now).build()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("User"));
    }

    /** Spec §4.6: the address is stored as the user wrote it; only uniqueness and look-ups ignore case. */
    @Test
    void emailIsStoredAsWrittenAndFoundByAnyCase() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String written = "Mixed.Case." + TvmTestData.unique() + "@Example.ORG";
        User user = insert(f, TvmTestData.user(f).email(written).at(now).build());

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.users().findById(user.id())).get().extracting(u -> u.email().value()).isEqualTo(written);
            assertThat(tx.users().findByEmail(EmailAddress.of(written.toLowerCase(java.util.Locale.ROOT))))
                    .get().extracting(u -> u.email().value()).isEqualTo(written);
            assertThat(tx.users().findByEmail(EmailAddress.of(written.toUpperCase(java.util.Locale.ROOT))))
                    .get().extracting(User::id).isEqualTo(user.id());
        });
    }

    @Test
    void findByEmailIsCaseInsensitiveAndIgnoresDeletedUsers() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());
        User deleted = insert(f, TvmTestData.user(f).at(now).deletedAt(now).build());

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.users().findByEmail(EmailAddress.of(user.email().value().toUpperCase(java.util.Locale.ROOT))))
                    .contains(user);
            assertThat(tx.users().findByEmail(deleted.email())).isEmpty();
            assertThat(tx.users().findByEmail(EmailAddress.of("nobody." + TvmTestData.unique() + "@example.org"))).isEmpty();
        });
    }

    @Test
    void updateOverwritesMutableFieldsAndReturnsTheStoredState() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());
        User changed = TvmTestData.user(f).id(user.id()).allFields().at(now).build().toBuilder()
                .createdAt(user.createdAt()).updatedAt(now.plusSeconds(9)).status(UserStatus.LOCKED).build();

        User returned = tx(subject(), f, (TvmTransaction tx) -> tx.users().update(changed));
        User reread = tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()).orElseThrow());

        assertThat(reread).isEqualTo(returned);
        assertThat(reread.toBuilder().updatedAt(changed.updatedAt()).build()).isEqualTo(changed);
    }

    @Test
    void mutationsOfUnknownOrDeletedUsersAreNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User deleted = insert(f, TvmTestData.user(f).at(now).deletedAt(now).build());
        UserId unknown = UserId.of(UUID.randomUUID());

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().update(deleted.toBuilder().firstName("X").build())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("User"));
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().recordLogin(deleted.id(), now, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().softDelete(unknown, now)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().update(TvmTestData.user(f).at(now).build())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void recordLoginStoresTimeAndCanonicalIpAndNothingElse() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());

        run(subject(), f, (TvmTransaction tx) -> tx.users().recordLogin(user.id(), now.plusSeconds(30), "2001:DB8:0:0:0:0:0:1"));
        User afterLogin = tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()).orElseThrow());
        run(subject(), f, (TvmTransaction tx) -> tx.users().recordLogin(user.id(), now.plusSeconds(60), null));
        User afterSecond = tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()).orElseThrow());

        assertThat(afterLogin.lastLoginAt()).isEqualTo(now.plusSeconds(30));
        assertThat(afterLogin.lastLoginIp()).isEqualTo("2001:db8::1");
        assertThat(afterLogin.toBuilder().lastLoginAt(null).lastLoginIp(null).updatedAt(user.updatedAt()).build()).isEqualTo(user);
        assertThat(afterSecond.lastLoginAt()).isEqualTo(now.plusSeconds(60));
        assertThat(afterSecond.lastLoginIp()).isNull();
    }

    @Test
    void recordLoginRejectsAnInvalidIpBeforeWriting() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().recordLogin(user.id(), now, "localhost")))
                .isInstanceOf(DomainValidationException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()))).contains(user);
    }

    @Test
    void listIsOrderedByEmailAndExcludesDeletedUsers() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String u = TvmTestData.unique();
        User c = insert(f, TvmTestData.user(f).email("c." + u + "@example.org").at(now).build());
        User a = insert(f, TvmTestData.user(f).email("A." + u + "@example.org").at(now).build());
        User b = insert(f, TvmTestData.user(f).email("b." + u + "@example.org").at(now).build());
        insert(f, TvmTestData.user(f).email("aa." + u + "@example.org").at(now).deletedAt(now).build());

        List<User> listed = tx(subject(), f, (TvmTransaction tx) -> tx.users().list(PageRequest.first(10)).items());
        assertThat(listed).containsExactly(a, b, c);
        assertThat(listed).extracting(x -> x.email().value())
                .containsExactly("A." + u + "@example.org", "b." + u + "@example.org", "c." + u + "@example.org");
    }

    @Test
    void softDeleteIsIdempotent() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        User user = insert(f, TvmTestData.user(f).at(now).build());

        run(subject(), f, (TvmTransaction tx) -> tx.users().softDelete(user.id(), now.plusSeconds(1)));
        run(subject(), f, (TvmTransaction tx) -> tx.users().softDelete(user.id(), now.plusSeconds(2)));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findByIdIncludingDeleted(user.id()).orElseThrow().deletedAt()))
                .isEqualTo(now.plusSeconds(1));
    }
}
