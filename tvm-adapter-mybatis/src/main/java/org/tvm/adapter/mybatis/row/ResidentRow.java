package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Flat MyBatis row: a residents row; medicalNotes holds the sealed text. Mapped to/from the domain in {@code RowMapper}. */
public final class ResidentRow {
    public UUID id;
    public UUID facilityId;
    public String firstName;
    public String lastName;
    public LocalDate dateOfBirth;
    public String gender;
    public String phone;
    public String emergencyContactName;
    public String emergencyContactPhone;
    public String medicalNotes;
    public String wheelchairType;
    public Boolean requiresAssistance;
    public String preferredLanguage;
    public String photoUrl;
    public Boolean gdprConsent;
    public Instant gdprConsentDate;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;
}
