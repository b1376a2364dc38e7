package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code users}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "users")
public final class UserEntity {

    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "email", nullable = false, length = 255)
    public String email;
    @Column(name = "password_hash", nullable = false, length = 255)
    public String passwordHash;
    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;
    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName;
    @Column(name = "phone", length = 20)
    public String phone;
    @Column(name = "status", nullable = false, length = 20)
    public String status;
    @Column(name = "email_verified")
    public Boolean emailVerified;
    @Column(name = "email_verification_token", length = 255)
    public String emailVerificationToken;
    @Column(name = "mfa_enabled")
    public Boolean mfaEnabled;
    /** Sealed by the FieldCipher (never plaintext). */
    @Column(name = "mfa_secret")
    public String mfaSecret;
    @Column(name = "password_reset_token", length = 255)
    public String passwordResetToken;
    @Column(name = "password_reset_expires")
    public Instant passwordResetExpires;
    @Column(name = "last_login_at")
    public Instant lastLoginAt;
    /** inet on PostgreSQL, VARCHAR(45) on H2 (see {@code SqlDialect}). */
    @JdbcTypeCode(SqlTypes.INET)
    @Column(name = "last_login_ip")
    public String lastLoginIp;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

}
