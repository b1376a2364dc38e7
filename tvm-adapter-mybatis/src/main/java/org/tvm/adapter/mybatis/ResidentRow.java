package org.tvm.adapter.mybatis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Flat MyBatis row: a residents row; medicalNotes holds the sealed text. Mapped to/from the domain in {@link DomainRows}. */
final class ResidentRow {
    UUID id;
    UUID facilityId;
    String firstName;
    String lastName;
    LocalDate dateOfBirth;
    String gender;
    String phone;
    String emergencyContactName;
    String emergencyContactPhone;
    String medicalNotes;
    String wheelchairType;
    Boolean requiresAssistance;
    String preferredLanguage;
    String photoUrl;
    Boolean gdprConsent;
    Instant gdprConsentDate;
    Instant createdAt;
    Instant updatedAt;
    Instant deletedAt;
}
