package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.util.UUID;

/** Flat MyBatis row: a users row; mfaSecret holds the sealed text. Mapped to/from the domain in {@link DomainRows}. */
final class UserRow {
    UUID id;
    UUID facilityId;
    String email;
    String passwordHash;
    String firstName;
    String lastName;
    String phone;
    String status;
    Boolean emailVerified;
    String emailVerificationToken;
    Boolean mfaEnabled;
    String mfaSecret;
    String passwordResetToken;
    Instant passwordResetExpires;
    Instant lastLoginAt;
    String lastLoginIp;
    Instant createdAt;
    Instant updatedAt;
    Instant deletedAt;
}
