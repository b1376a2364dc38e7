package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;

/** What the databases cannot store exactly is rejected before SQL, naming field and reason, never the value. */
class StorableValuesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String SECRET = "tok-s3cr3t";

    @Test
    void aNulCharacterIsRejectedInAnyTextAndTheErrorQuotesNoValue() {
        assertThatThrownBy(() -> user().lastName(SECRET + "\u0000x").build())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("lastName");
                    assertThat(e.reason()).contains("NUL");
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                });
        assertThatThrownBy(() -> user().passwordResetToken(SECRET + "\u0000").passwordResetExpires(NOW).build())
                .isInstanceOfSatisfying(DomainValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("passwordResetToken"));
        assertThatThrownBy(() -> user().mfaEnabled(true).mfaSecret(SensitiveText.of("AB\u0000CD")).build())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("mfaSecret"));
    }

    @Test
    void aNulCharacterInsideJsonDetailsIsRejectedInKeysAndValues() {
        assertThatThrownBy(() -> audit().details(Map.of("reason", "a\u0000b")).build())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("details"));
        assertThatThrownBy(() -> audit().details(Map.of("k\u0000", "v")).build())
                .isInstanceOf(DomainValidationException.class);
    }

    @Test
    void unpairedSurrogatesAreRejectedButPairedOnesAndControlCharactersAreKept() {
        assertThatThrownBy(() -> user().firstName("a\uD83Db").build()).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> user().firstName("a\uDE00").build()).isInstanceOf(DomainValidationException.class);
        assertThat(user().firstName("Zoë \uD83D\uDE00 \u202Eabc\t\u0001").build().firstName())
                .isEqualTo("Zoë \uD83D\uDE00 \u202Eabc\t\u0001");
    }

    @Test
    void instantsOutsideYears1583To9999AreRejectedAtBothEnds() {
        assertThat(user().timestamps(DomainChecks.EARLIEST_INSTANT).build().createdAt()).isEqualTo(DomainChecks.EARLIEST_INSTANT);
        assertThat(user().timestamps(DomainChecks.LATEST_INSTANT).build().createdAt()).isEqualTo(DomainChecks.LATEST_INSTANT);
        assertThatThrownBy(() -> user().timestamps(DomainChecks.EARLIEST_INSTANT.minusNanos(1000)).build())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.reason()).contains("1583-9999"));
        assertThatThrownBy(() -> user().timestamps(Instant.MAX).build()).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> user().lastLoginAt(Instant.parse("-4714-11-24T00:00:00Z")).build())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("lastLoginAt"));
        assertThatThrownBy(() -> user().timestamps(Instant.parse("0001-01-01T00:00:00Z")).build())
                .as("year 1 would come back two days early through JDBC timestamps").isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> DomainChecks.date("Resident", "dateOfBirth", LocalDate.of(0, 1, 1)))
                .isInstanceOf(DomainValidationException.class);
    }

    @Test
    void facilityAddressIsLimitedLikeItsColumn() {
        String ok = "a".repeat(TextLimits.of("facilities.address"));
        assertThat(Facility.create("Home", ok, ZoneId.of("UTC"), NOW).address()).isEqualTo(ok);
        assertThatThrownBy(() -> Facility.create("Home", ok + "b", ZoneId.of("UTC"), NOW))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("address");
                    assertThat(e.reason()).contains("500");
                });
    }

    @Test
    void everyStatedLimitIsUsedByItsNameAndUnknownColumnsAreAProgrammingError() {
        assertThatThrownBy(() -> TextLimits.of("users.nickname")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TextLimits.MAX_LENGTH).allSatisfy((column, max) -> assertThat(max).as(column).isPositive());
    }

    private static User.Builder user() {
        return User.builder().id(UserId.of(UUID.randomUUID())).facilityId(FacilityId.of(UUID.randomUUID()))
                .email(EmailAddress.of("a@example.org"))
                .passwordHash(PasswordHash.of("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"))
                .firstName("Ada").lastName("Lovelace").status(UserStatus.ACTIVE).timestamps(NOW);
    }

    private static AuditEntry.Builder audit() {
        return AuditEntry.builder().facilityId(FacilityId.of(UUID.randomUUID())).action("resident.read").timestamp(NOW);
    }
}
