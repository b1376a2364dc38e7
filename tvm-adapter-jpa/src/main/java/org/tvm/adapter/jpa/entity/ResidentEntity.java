package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code residents}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "residents")
public final class ResidentEntity {

    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;
    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName;
    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;
    @Column(name = "gender", length = 20)
    public String gender;
    @Column(name = "phone", length = 20)
    public String phone;
    @Column(name = "emergency_contact_name", length = 200)
    public String emergencyContactName;
    @Column(name = "emergency_contact_phone", length = 20)
    public String emergencyContactPhone;
    /** Sealed by the FieldCipher (never plaintext). */
    @Column(name = "medical_notes")
    public String medicalNotes;
    @Column(name = "wheelchair_type", length = 50)
    public String wheelchairType;
    @Column(name = "requires_assistance")
    public Boolean requiresAssistance;
    @Column(name = "preferred_language", length = 10)
    public String preferredLanguage;
    @Column(name = "photo_url", length = 500)
    public String photoUrl;
    @Column(name = "gdpr_consent")
    public Boolean gdprConsent;
    @Column(name = "gdpr_consent_date")
    public Instant gdprConsentDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

}
