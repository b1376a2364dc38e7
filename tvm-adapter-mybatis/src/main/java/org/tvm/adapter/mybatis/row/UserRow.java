package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a users row; mfaSecret holds the sealed text. Mapped to/from the domain in {@code RowMapper}. */
public final class UserRow {
    public UUID id;
    public UUID facilityId;
    public String email;
    public String passwordHash;
    public String firstName;
    public String lastName;
    public String phone;
    public String status;
    public Boolean emailVerified;
    public String emailVerificationToken;
    public Boolean mfaEnabled;
    public String mfaSecret;
    public String passwordResetToken;
    public Instant passwordResetExpires;
    public Instant lastLoginAt;
    public String lastLoginIp;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;
}
