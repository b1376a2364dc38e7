package org.tvm.domain.access;

import static org.tvm.domain.DomainChecks.storable;
import static org.tvm.domain.DomainChecks.optionalInstant;
import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.micros;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.IpAddressLiteral;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.facility.FacilityId;

/**
 * A staff account. Credentials are only ever held in safe forms ({@link PasswordHash},
 * {@link SensitiveText} MFA secret), {@link #toString()} shows no secrets or tokens, and the
 * pairwise rules (MFA needs a secret, a reset token needs an expiry) are checked on every build.
 */
public final class User {
    private static final String E = "User";

    private final UserId id;
    private final FacilityId facilityId;
    private final EmailAddress email;
    private final PasswordHash passwordHash;
    private final String firstName;
    private final String lastName;
    private final PhoneNumber phone;
    private final UserStatus status;
    private final boolean emailVerified;
    private final String emailVerificationToken;
    private final boolean mfaEnabled;
    private final SensitiveText mfaSecret;
    private final String passwordResetToken;
    private final Instant passwordResetExpires;
    private final Instant lastLoginAt;
    private final String lastLoginIp;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant deletedAt;

    private User(Builder b) {
        this.id = required(E, "id", b.id);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.email = required(E, "email", b.email);
        this.passwordHash = required(E, "passwordHash", b.passwordHash);
        this.firstName = text(E, "firstName", b.firstName, "users.first_name");
        this.lastName = text(E, "lastName", b.lastName, "users.last_name");
        this.phone = b.phone;
        this.status = required(E, "status", b.status);
        this.emailVerified = b.emailVerified;
        this.emailVerificationToken = optionalText(E, "emailVerificationToken", b.emailVerificationToken, "users.email_verification_token");
        this.mfaEnabled = b.mfaEnabled;
        this.mfaSecret = b.mfaSecret;
        storable(E, "mfaSecret", mfaSecret == null ? null : mfaSecret.reveal());
        if (mfaEnabled && mfaSecret == null) {
            throw new DomainValidationException(E, "mfaSecret", "is required when MFA is enabled");
        }
        this.passwordResetToken = optionalText(E, "passwordResetToken", b.passwordResetToken, "users.password_reset_token");
        this.passwordResetExpires = optionalInstant(E, "passwordResetExpires", b.passwordResetExpires);
        if ((passwordResetToken == null) != (passwordResetExpires == null)) {
            throw new DomainValidationException(E, passwordResetToken == null ? "passwordResetToken" : "passwordResetExpires",
                    "password reset token and expiry must be set together");
        }
        this.lastLoginAt = optionalInstant(E, "lastLoginAt", b.lastLoginAt);
        this.lastLoginIp = IpAddressLiteral.normalise(E, "lastLoginIp", b.lastLoginIp);
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
        this.deletedAt = optionalInstant(E, "deletedAt", b.deletedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).facilityId(facilityId).email(email).passwordHash(passwordHash)
                .firstName(firstName).lastName(lastName).phone(phone).status(status).emailVerified(emailVerified)
                .emailVerificationToken(emailVerificationToken).mfaEnabled(mfaEnabled).mfaSecret(mfaSecret)
                .passwordResetToken(passwordResetToken).passwordResetExpires(passwordResetExpires)
                .lastLoginAt(lastLoginAt).lastLoginIp(lastLoginIp).createdAt(createdAt).updatedAt(updatedAt)
                .deletedAt(deletedAt);
    }

    /** A successful sign-in at {@code at} from {@code ip} (nullable). */
    public User loggedIn(Instant at, String ip) {
        required(E, "lastLoginAt", at);
        return toBuilder().lastLoginAt(at).lastLoginIp(ip).build();
    }

    /** Marks the user deleted at {@code at}; a second call keeps the first deletion time. */
    public User softDeleted(Instant at) {
        required(E, "deletedAt", at);
        return isDeleted() ? this : toBuilder().deletedAt(at).updatedAt(at).build();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UserId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public EmailAddress email() { return email; }
    public PasswordHash passwordHash() { return passwordHash; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public PhoneNumber phone() { return phone; }
    public UserStatus status() { return status; }
    public boolean emailVerified() { return emailVerified; }
    public String emailVerificationToken() { return emailVerificationToken; }
    public boolean mfaEnabled() { return mfaEnabled; }
    public SensitiveText mfaSecret() { return mfaSecret; }
    public String passwordResetToken() { return passwordResetToken; }
    public Instant passwordResetExpires() { return passwordResetExpires; }
    public Instant lastLoginAt() { return lastLoginAt; }
    public String lastLoginIp() { return lastLoginIp; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof User u)) {
            return false;
        }
        return emailVerified == u.emailVerified && mfaEnabled == u.mfaEnabled && id.equals(u.id)
                && facilityId.equals(u.facilityId) && email.equals(u.email) && passwordHash.equals(u.passwordHash)
                && firstName.equals(u.firstName) && lastName.equals(u.lastName) && Objects.equals(phone, u.phone)
                && status == u.status && Objects.equals(emailVerificationToken, u.emailVerificationToken)
                && Objects.equals(mfaSecret, u.mfaSecret) && Objects.equals(passwordResetToken, u.passwordResetToken)
                && Objects.equals(passwordResetExpires, u.passwordResetExpires)
                && Objects.equals(lastLoginAt, u.lastLoginAt) && Objects.equals(lastLoginIp, u.lastLoginIp)
                && createdAt.equals(u.createdAt) && updatedAt.equals(u.updatedAt) && Objects.equals(deletedAt, u.deletedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, email, passwordHash, firstName, lastName, phone, status, emailVerified,
                emailVerificationToken, mfaEnabled, mfaSecret, passwordResetToken, passwordResetExpires, lastLoginAt,
                lastLoginIp, createdAt, updatedAt, deletedAt);
    }

    /** No hash, secret or token: this string ends up in logs. */
    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", status=" + status.code() + ", mfa=" + mfaEnabled
                + (deletedAt != null ? ", deleted" : "") + "]";
    }

    /** Mutable assembly; {@link #build()} validates. Defaults: new UUIDv7 id, ACTIVE, nothing verified or enabled. */
    public static final class Builder {
        private UserId id = UserId.newId();
        private FacilityId facilityId;
        private EmailAddress email;
        private PasswordHash passwordHash;
        private String firstName;
        private String lastName;
        private PhoneNumber phone;
        private UserStatus status = UserStatus.ACTIVE;
        private boolean emailVerified;
        private String emailVerificationToken;
        private boolean mfaEnabled;
        private SensitiveText mfaSecret;
        private String passwordResetToken;
        private Instant passwordResetExpires;
        private Instant lastLoginAt;
        private String lastLoginIp;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;

        private Builder() {
        }

        public Builder id(UserId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder email(EmailAddress email) { this.email = email; return this; }
        public Builder passwordHash(PasswordHash passwordHash) { this.passwordHash = passwordHash; return this; }
        public Builder firstName(String firstName) { this.firstName = firstName; return this; }
        public Builder lastName(String lastName) { this.lastName = lastName; return this; }
        public Builder phone(PhoneNumber phone) { this.phone = phone; return this; }
        public Builder status(UserStatus status) { this.status = status; return this; }
        public Builder emailVerified(boolean emailVerified) { this.emailVerified = emailVerified; return this; }
        public Builder emailVerificationToken(String token) { this.emailVerificationToken = token; return this; }
        public Builder mfaEnabled(boolean mfaEnabled) { this.mfaEnabled = mfaEnabled; return this; }
        public Builder mfaSecret(SensitiveText mfaSecret) { this.mfaSecret = mfaSecret; return this; }
        public Builder passwordResetToken(String token) { this.passwordResetToken = token; return this; }
        public Builder passwordResetExpires(Instant expires) { this.passwordResetExpires = expires; return this; }
        public Builder lastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; return this; }
        public Builder lastLoginIp(String lastLoginIp) { this.lastLoginIp = lastLoginIp; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder deletedAt(Instant deletedAt) { this.deletedAt = deletedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public User build() {
            return new User(this);
        }
    }
}
