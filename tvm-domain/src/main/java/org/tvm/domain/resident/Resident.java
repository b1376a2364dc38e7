package org.tvm.domain.resident;

import static org.tvm.domain.DomainChecks.date;
import static org.tvm.domain.DomainChecks.storable;
import static org.tvm.domain.DomainChecks.optionalInstant;
import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.micros;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.TextLimits;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.facility.FacilityId;

/**
 * A person transported by the fleet. Holds personal and medical data, so consent is explicit
 * (a consent date exists exactly when consent is given), medical notes are {@link SensitiveText},
 * {@link #toString()} shows no personal data, and deletion is soft so anonymisation can follow.
 */
public final class Resident {
    private static final String E = "Resident";
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    /** Earliest offset on earth: a birth date is "future" only if it is after today everywhere. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final ResidentId id;
    private final FacilityId facilityId;
    private final String firstName;
    private final String lastName;
    private final LocalDate dateOfBirth;
    private final Gender gender;
    private final PhoneNumber phone;
    private final String emergencyContactName;
    private final PhoneNumber emergencyContactPhone;
    private final SensitiveText medicalNotes;
    private final WheelchairType wheelchairType;
    private final boolean requiresAssistance;
    private final String preferredLanguage;
    private final String photoUrl;
    private final boolean gdprConsent;
    private final Instant gdprConsentDate;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant deletedAt;

    private Resident(Builder b) {
        this.id = required(E, "id", b.id);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.firstName = text(E, "firstName", b.firstName, "residents.first_name");
        this.lastName = text(E, "lastName", b.lastName, "residents.last_name");
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
        this.deletedAt = optionalInstant(E, "deletedAt", b.deletedAt);
        this.dateOfBirth = date(E, "dateOfBirth", required(E, "dateOfBirth", b.dateOfBirth));
        if (dateOfBirth.isAfter(LocalDate.ofInstant(createdAt, EARLIEST_ZONE))) {
            throw new DomainValidationException(E, "dateOfBirth", "must not be in the future");
        }
        this.gender = b.gender;
        this.phone = b.phone;
        this.emergencyContactName = optionalText(E, "emergencyContactName", b.emergencyContactName, "residents.emergency_contact_name");
        this.emergencyContactPhone = b.emergencyContactPhone;
        this.medicalNotes = b.medicalNotes;
        storable(E, "medicalNotes", medicalNotes == null ? null : medicalNotes.reveal());
        this.wheelchairType = b.wheelchairType;
        this.requiresAssistance = b.requiresAssistance;
        this.preferredLanguage = required(E, "preferredLanguage", b.preferredLanguage);
        if (preferredLanguage.length() > 10 || !LANGUAGE.matcher(preferredLanguage).matches()) {
            throw new DomainValidationException(E, "preferredLanguage",
                    "must be a language tag like 'en' or 'pt-BR', at most 10 characters");
        }
        this.photoUrl = photoUrl(b.photoUrl);
        this.gdprConsent = b.gdprConsent;
        this.gdprConsentDate = optionalInstant(E, "gdprConsentDate", b.gdprConsentDate);
        if (gdprConsent && gdprConsentDate == null) {
            throw new DomainValidationException(E, "gdprConsentDate", "is required when consent is given");
        }
        if (!gdprConsent && gdprConsentDate != null) {
            throw new DomainValidationException(E, "gdprConsentDate", "must be null when no consent is given");
        }
    }

    private static String photoUrl(String url) {
        if (url == null) {
            return null;
        }
        DomainChecks.maxLength(E, "photoUrl", url, TextLimits.of("residents.photo_url"));
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new DomainValidationException(E, "photoUrl", "must be an absolute http or https URL");
        }
        return url;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).facilityId(facilityId).firstName(firstName).lastName(lastName)
                .dateOfBirth(dateOfBirth).gender(gender).phone(phone).emergencyContactName(emergencyContactName)
                .emergencyContactPhone(emergencyContactPhone).medicalNotes(medicalNotes)
                .wheelchairType(wheelchairType).requiresAssistance(requiresAssistance)
                .preferredLanguage(preferredLanguage).photoUrl(photoUrl).gdprConsent(gdprConsent)
                .gdprConsentDate(gdprConsentDate).createdAt(createdAt).updatedAt(updatedAt).deletedAt(deletedAt);
    }

    /** Records explicit consent given at {@code at}. */
    public Resident giveConsent(Instant at) {
        required(E, "gdprConsentDate", at);
        return toBuilder().gdprConsent(true).gdprConsentDate(at).updatedAt(at).build();
    }

    /** Withdraws consent; the consent date goes with it because it no longer describes a valid consent. */
    public Resident withdrawConsent(Instant at) {
        required(E, "updatedAt", at);
        return toBuilder().gdprConsent(false).gdprConsentDate(null).updatedAt(at).build();
    }

    /** Marks the resident deleted at {@code at}; a second call keeps the first deletion time. */
    public Resident softDeleted(Instant at) {
        required(E, "deletedAt", at);
        if (isDeleted()) {
            return this;
        }
        return toBuilder().deletedAt(at).updatedAt(at).build();
    }

    /**
     * The anonymisation rule (GDPR), stated once: first name "Deleted", last name "User #&lt;id&gt;", phone, emergency
     * contact, medical notes and photo removed, date of birth reduced to January 1st of its year. What remains (gender,
     * wheelchair, language, consent, timestamps) carries no identity and keeps statistics. {@code deletedAt} is kept:
     * erasure and the 3-year anonymisation both apply it to deleted residents. The administration's bulk SQL
     * ({@code TvmAdministration.anonymiseResidentsDeletedBefore}) restates it; a contract proves both agree.
     *
     * @param at the anonymisation time (becomes {@code updatedAt})
     */
    public Resident anonymised(Instant at) {
        required(E, "updatedAt", at);
        return toBuilder().firstName("Deleted").lastName("User #" + id).phone(null).emergencyContactName(null)
                .emergencyContactPhone(null).medicalNotes(null).photoUrl(null)
                .dateOfBirth(LocalDate.of(dateOfBirth.getYear(), 1, 1)).updatedAt(at).build();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public ResidentId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public Gender gender() { return gender; }
    public PhoneNumber phone() { return phone; }
    public String emergencyContactName() { return emergencyContactName; }
    public PhoneNumber emergencyContactPhone() { return emergencyContactPhone; }
    public SensitiveText medicalNotes() { return medicalNotes; }
    public WheelchairType wheelchairType() { return wheelchairType; }
    public boolean requiresAssistance() { return requiresAssistance; }
    public String preferredLanguage() { return preferredLanguage; }
    public String photoUrl() { return photoUrl; }
    public boolean gdprConsent() { return gdprConsent; }
    public Instant gdprConsentDate() { return gdprConsentDate; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Resident r)) {
            return false;
        }
        return requiresAssistance == r.requiresAssistance && gdprConsent == r.gdprConsent && id.equals(r.id)
                && facilityId.equals(r.facilityId) && firstName.equals(r.firstName) && lastName.equals(r.lastName)
                && dateOfBirth.equals(r.dateOfBirth) && gender == r.gender && Objects.equals(phone, r.phone)
                && Objects.equals(emergencyContactName, r.emergencyContactName)
                && Objects.equals(emergencyContactPhone, r.emergencyContactPhone)
                && Objects.equals(medicalNotes, r.medicalNotes) && wheelchairType == r.wheelchairType
                && preferredLanguage.equals(r.preferredLanguage) && Objects.equals(photoUrl, r.photoUrl)
                && Objects.equals(gdprConsentDate, r.gdprConsentDate) && createdAt.equals(r.createdAt)
                && updatedAt.equals(r.updatedAt) && Objects.equals(deletedAt, r.deletedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, firstName, lastName, dateOfBirth, gender, phone, emergencyContactName,
                emergencyContactPhone, medicalNotes, wheelchairType, requiresAssistance, preferredLanguage, photoUrl,
                gdprConsent, gdprConsentDate, createdAt, updatedAt, deletedAt);
    }

    /** Ids only: names and medical data do not belong in logs. */
    @Override
    public String toString() {
        return "Resident[id=" + id + ", facilityId=" + facilityId + (deletedAt != null ? ", deleted" : "") + "]";
    }

    /** Mutable assembly; {@link #build()} validates. Defaults: new UUIDv7 id, language "en", no consent. */
    public static final class Builder {
        private ResidentId id = ResidentId.newId();
        private FacilityId facilityId;
        private String firstName;
        private String lastName;
        private LocalDate dateOfBirth;
        private Gender gender;
        private PhoneNumber phone;
        private String emergencyContactName;
        private PhoneNumber emergencyContactPhone;
        private SensitiveText medicalNotes;
        private WheelchairType wheelchairType;
        private boolean requiresAssistance;
        private String preferredLanguage = "en";
        private String photoUrl;
        private boolean gdprConsent;
        private Instant gdprConsentDate;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;

        private Builder() {
        }

        public Builder id(ResidentId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder firstName(String firstName) { this.firstName = firstName; return this; }
        public Builder lastName(String lastName) { this.lastName = lastName; return this; }
        public Builder dateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; return this; }
        public Builder gender(Gender gender) { this.gender = gender; return this; }
        public Builder phone(PhoneNumber phone) { this.phone = phone; return this; }
        public Builder emergencyContactName(String name) { this.emergencyContactName = name; return this; }
        public Builder emergencyContactPhone(PhoneNumber phone) { this.emergencyContactPhone = phone; return this; }
        public Builder medicalNotes(SensitiveText medicalNotes) { this.medicalNotes = medicalNotes; return this; }
        public Builder wheelchairType(WheelchairType type) { this.wheelchairType = type; return this; }
        public Builder requiresAssistance(boolean requiresAssistance) { this.requiresAssistance = requiresAssistance; return this; }
        public Builder preferredLanguage(String preferredLanguage) { this.preferredLanguage = preferredLanguage; return this; }
        public Builder photoUrl(String photoUrl) { this.photoUrl = photoUrl; return this; }
        public Builder gdprConsent(boolean gdprConsent) { this.gdprConsent = gdprConsent; return this; }
        public Builder gdprConsentDate(Instant gdprConsentDate) { this.gdprConsentDate = gdprConsentDate; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder deletedAt(Instant deletedAt) { this.deletedAt = deletedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public Resident build() {
            return new Resident(this);
        }
    }
}
