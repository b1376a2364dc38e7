package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.unique;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.resident.WheelchairType;

/** Resident: first name "Ada", unique last name, born 1941-03-14, language "en", no optional data. */
public final class ResidentData {
    private final Resident.Builder b = Resident.builder();

    ResidentData(FacilityId facilityId) {
        b.facilityId(facilityId).firstName("Ada").lastName("Resident " + unique())
                .dateOfBirth(LocalDate.of(1941, 3, 14)).preferredLanguage("en").timestamps(TvmTestData.now());
    }

    public ResidentData id(ResidentId id) { b.id(id); return this; }
    public ResidentData firstName(String name) { b.firstName(name); return this; }
    public ResidentData lastName(String name) { b.lastName(name); return this; }
    public ResidentData dateOfBirth(LocalDate date) { b.dateOfBirth(date); return this; }
    public ResidentData medicalNotes(String notes) { b.medicalNotes(SensitiveText.ofNullable(notes)); return this; }
    public ResidentData deletedAt(Instant at) { b.deletedAt(at); return this; }
    public ResidentData at(Instant now) { b.timestamps(now); return this; }

    /** Sets every optional field to a valid, non-default value (consent given at the creation instant). */
    public ResidentData allFields() {
        Resident probe = b.build();
        b.gender(Gender.NON_BINARY).phone(PhoneNumber.of("+4930123456789"))
                .emergencyContactName("Grace Hopper").emergencyContactPhone(PhoneNumber.of("+4930987654321"))
                .medicalNotes(SensitiveText.of("Allergic to penicillin; diabetic " + unique()))
                .wheelchairType(WheelchairType.POWERED).requiresAssistance(true).preferredLanguage("pt-BR")
                .photoUrl("https://photos.example.org/residents/" + probe.id() + ".jpg")
                .gdprConsent(true).gdprConsentDate(probe.createdAt().minus(1, ChronoUnit.DAYS));
        return this;
    }

    public ResidentData with(UnaryOperator<Resident.Builder> f) { f.apply(b); return this; }
    public Resident build() { return b.build(); }
}
