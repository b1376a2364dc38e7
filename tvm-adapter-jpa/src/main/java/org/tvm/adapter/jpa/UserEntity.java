package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code users}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "users")
final class UserEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "email", nullable = false, length = 255)
    String email;
    @Column(name = "password_hash", nullable = false, length = 255)
    String passwordHash;
    @Column(name = "first_name", nullable = false, length = 100)
    String firstName;
    @Column(name = "last_name", nullable = false, length = 100)
    String lastName;
    @Column(name = "phone", length = 20)
    String phone;
    @Column(name = "status", nullable = false, length = 20)
    String status;
    @Column(name = "email_verified")
    Boolean emailVerified;
    @Column(name = "email_verification_token", length = 255)
    String emailVerificationToken;
    @Column(name = "mfa_enabled")
    Boolean mfaEnabled;
    /** Sealed by the FieldCipher (never plaintext). */
    @Column(name = "mfa_secret")
    String mfaSecret;
    @Column(name = "password_reset_token", length = 255)
    String passwordResetToken;
    @Column(name = "password_reset_expires")
    Instant passwordResetExpires;
    @Column(name = "last_login_at")
    Instant lastLoginAt;
    /** inet on PostgreSQL, VARCHAR(45) on H2 (see {@link SqlDialect}). */
    @JdbcTypeCode(SqlTypes.INET)
    @Column(name = "last_login_ip")
    String lastLoginIp;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;

}
