package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.BCRYPT_HASH;
import static org.tvm.testkit.data.TvmTestData.randomLetters;
import static org.tvm.testkit.data.TvmTestData.unique;

import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.access.UserStatus;
import org.tvm.domain.facility.FacilityId;

/** User: unique e-mail, bcrypt hash, ACTIVE, e-mail not verified, no MFA. */
public final class UserData {
    private final User.Builder b = User.builder();

    UserData(FacilityId facilityId) {
        b.facilityId(facilityId).email(EmailAddress.of("user." + unique() + "@tvm-test.example"))
                .passwordHash(PasswordHash.of(BCRYPT_HASH)).firstName("Florence").lastName("Nightingale")
                .status(UserStatus.ACTIVE).timestamps(TvmTestData.now());
    }

    public UserData id(UserId id) { b.id(id); return this; }
    public UserData email(String email) { b.email(EmailAddress.of(email)); return this; }
    public UserData firstName(String name) { b.firstName(name); return this; }
    public UserData lastName(String name) { b.lastName(name); return this; }
    public UserData status(UserStatus status) { b.status(status); return this; }
    public UserData mfaSecret(String secret) {
        b.mfaEnabled(secret != null).mfaSecret(SensitiveText.ofNullable(secret));
        return this;
    }
    public UserData deletedAt(Instant at) { b.deletedAt(at); return this; }
    public UserData at(Instant now) { b.timestamps(now); return this; }

    /** Sets every optional field to a valid, non-default value. */
    public UserData allFields() {
        User probe = b.build();
        b.phone(PhoneNumber.of("+15551234567")).status(UserStatus.PENDING_VERIFICATION).emailVerified(true)
                .emailVerificationToken("verify-" + unique()).mfaEnabled(true)
                .mfaSecret(SensitiveText.of("JBSWY3DPEHPK3PXP" + randomLetters(8).toUpperCase(Locale.ROOT)))
                .passwordResetToken("reset-" + unique()).passwordResetExpires(probe.createdAt().plusSeconds(3600))
                .lastLoginAt(probe.createdAt().minusSeconds(600)).lastLoginIp("2001:db8::7");
        return this;
    }

    public UserData with(UnaryOperator<User.Builder> f) { f.apply(b); return this; }
    public User build() { return b.build(); }
}
