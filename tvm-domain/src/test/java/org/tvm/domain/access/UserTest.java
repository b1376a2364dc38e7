package org.tvm.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import org.junit.jupiter.api.Test;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.TestData;

class UserTest {

    @Test
    void defaultsAndRoundTrip() {
        User u = TestData.user().build();
        assertThat(u.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(u.emailVerified()).isFalse();
        assertThat(u.mfaEnabled()).isFalse();
        assertThat(u.isDeleted()).isFalse();
        User full = TestData.user().phone(PhoneNumber.of("+15551234567")).status(UserStatus.PENDING_VERIFICATION)
                .emailVerificationToken("verify-token").mfaEnabled(true).mfaSecret(SensitiveText.of("JBSWY3DPEHPK3PXP"))
                .passwordResetToken("reset-token").passwordResetExpires(NOW.plusSeconds(3600).plusNanos(5))
                .lastLoginAt(NOW).lastLoginIp("10.0.0.1").build();
        assertThat(full.passwordResetExpires()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(full.toBuilder().build()).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(full).isNotEqualTo(u);
    }

    @Test
    void toStringHidesSecrets() {
        User u = TestData.user().mfaEnabled(true).mfaSecret(SensitiveText.of("JBSWY3DPEHPK3PXP"))
                .passwordResetToken("reset-token-123").passwordResetExpires(NOW).emailVerificationToken("verify-456").build();
        assertThat(u.toString()).doesNotContain("JBSWY3DPEHPK3PXP", "reset-token-123", "verify-456", TestData.BCRYPT, "$2b$");
    }

    @Test
    void requiredAndLengths() {
        assertInvalid(() -> TestData.user().id(null).build(), "User", "id");
        assertInvalid(() -> TestData.user().facilityId(null).build(), "User", "facilityId");
        assertInvalid(() -> TestData.user().email(null).build(), "User", "email");
        assertInvalid(() -> TestData.user().passwordHash(null).build(), "User", "passwordHash");
        assertInvalid(() -> TestData.user().firstName(null).build(), "User", "firstName");
        assertInvalid(() -> TestData.user().firstName("x".repeat(101)).build(), "User", "firstName");
        assertInvalid(() -> TestData.user().lastName(" ").build(), "User", "lastName");
        assertInvalid(() -> TestData.user().lastName("x".repeat(101)).build(), "User", "lastName");
        assertInvalid(() -> TestData.user().status(null).build(), "User", "status");
        assertInvalid(() -> TestData.user().emailVerificationToken("t".repeat(256)).build(), "User", "emailVerificationToken");
        assertInvalid(() -> TestData.user().createdAt(null).build(), "User", "createdAt");
        assertInvalid(() -> TestData.user().updatedAt(null).build(), "User", "updatedAt");
        assertInvalid(() -> EmailAddress.of("bad", "User", "email"), "User", "email");
    }

    @Test
    void mfaNeedsASecret() {
        assertInvalid(() -> TestData.user().mfaEnabled(true).build(), "User", "mfaSecret");
        assertThat(TestData.user().mfaSecret(SensitiveText.of("enrolling")).build().mfaEnabled()).isFalse();
    }

    @Test
    void resetTokenAndExpiryGoTogether() {
        assertInvalid(() -> TestData.user().passwordResetToken("t").build(), "User", "passwordResetExpires");
        assertInvalid(() -> TestData.user().passwordResetExpires(NOW).build(), "User", "passwordResetToken");
        assertInvalid(() -> TestData.user().passwordResetToken("t".repeat(256)).passwordResetExpires(NOW).build(),
                "User", "passwordResetToken");
    }

    @Test
    void lastLoginIpIsALiteral() {
        assertThat(TestData.user().lastLoginIp("2001:0DB8::0001").build().lastLoginIp()).isEqualTo("2001:db8::1");
        assertInvalid(() -> TestData.user().lastLoginIp("localhost").build(), "User", "lastLoginIp");
        assertInvalid(() -> TestData.user().lastLoginIp("300.1.1.1").build(), "User", "lastLoginIp");
    }

    @Test
    void loginAndSoftDelete() {
        User u = TestData.user().build();
        User in = u.loggedIn(NOW.plusSeconds(5), "192.168.1.10");
        assertThat(in.lastLoginAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(in.lastLoginIp()).isEqualTo("192.168.1.10");
        assertThat(u.loggedIn(NOW, null).lastLoginIp()).isNull();
        assertInvalid(() -> u.loggedIn(null, null), "User", "lastLoginAt");
        User d = u.softDeleted(NOW.plusSeconds(9));
        assertThat(d.isDeleted()).isTrue();
        assertThat(d.softDeleted(NOW.plusSeconds(99)).deletedAt()).isEqualTo(NOW.plusSeconds(9));
        assertInvalid(() -> u.softDeleted(null), "User", "deletedAt");
    }

    @Test
    void errorsNeverEchoTokens() {
        String longReset = "reset-" + "r".repeat(260);
        String longVerify = "verify-" + "v".repeat(260);
        assertInvalid(() -> TestData.user().passwordResetToken(longReset).passwordResetExpires(NOW).build(),
                "User", "passwordResetToken");
        assertInvalid(() -> TestData.user().emailVerificationToken(longVerify).build(), "User", "emailVerificationToken");
        assertInvalid(() -> TestData.user().passwordResetToken("reset-secret-42").build(), "User", "passwordResetExpires");
        for (User.Builder b : new User.Builder[] {
                TestData.user().passwordResetToken(longReset).passwordResetExpires(NOW),
                TestData.user().emailVerificationToken(longVerify),
                TestData.user().passwordResetToken("reset-secret-42"),
                TestData.user().passwordResetToken("reset-secret-42").passwordResetExpires(NOW).firstName(" ")}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(b::build)
                    .isInstanceOf(DomainValidationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("reset-", "verify-", "rrrr", "vvvv"));
        }
    }

    @Test
    void errorsNeverEchoTheMfaSecret() {
        try {
            TestData.user().mfaEnabled(true).mfaSecret(SensitiveText.of("TOPSECRET")).firstName("").build();
        } catch (DomainValidationException e) {
            assertThat(e.getMessage()).doesNotContain("TOPSECRET");
        }
    }
}
