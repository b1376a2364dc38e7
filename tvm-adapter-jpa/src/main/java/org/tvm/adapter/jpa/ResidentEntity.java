package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code residents}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "residents")
final class ResidentEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "first_name", nullable = false, length = 100)
    String firstName;
    @Column(name = "last_name", nullable = false, length = 100)
    String lastName;
    @Column(name = "date_of_birth", nullable = false)
    LocalDate dateOfBirth;
    @Column(name = "gender", length = 20)
    String gender;
    @Column(name = "phone", length = 20)
    String phone;
    @Column(name = "emergency_contact_name", length = 200)
    String emergencyContactName;
    @Column(name = "emergency_contact_phone", length = 20)
    String emergencyContactPhone;
    /** Sealed by the FieldCipher (never plaintext). */
    @Column(name = "medical_notes")
    String medicalNotes;
    @Column(name = "wheelchair_type", length = 50)
    String wheelchairType;
    @Column(name = "requires_assistance")
    Boolean requiresAssistance;
    @Column(name = "preferred_language", length = 10)
    String preferredLanguage;
    @Column(name = "photo_url", length = 500)
    String photoUrl;
    @Column(name = "gdpr_consent")
    Boolean gdprConsent;
    @Column(name = "gdpr_consent_date")
    Instant gdprConsentDate;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;

}
