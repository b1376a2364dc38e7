package org.tvm.domain.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.TestData;

class ResidentTest {

    private static Resident.Builder full() {
        return TestData.resident().gender(Gender.FEMALE).phone(PhoneNumber.of("+1-555-123-4567"))
                .emergencyContactName("Charles Babbage").emergencyContactPhone(PhoneNumber.of("+445551234567"))
                .medicalNotes(SensitiveText.of("allergic to penicillin")).wheelchairType(WheelchairType.POWERED)
                .requiresAssistance(true).preferredLanguage("ja").photoUrl("https://cdn.example.org/p/1.jpg")
                .gdprConsent(true).gdprConsentDate(NOW.plusNanos(999));
    }

    @Test
    void defaultsAndFullRoundTrip() {
        Resident minimal = TestData.resident().build();
        assertThat(minimal.preferredLanguage()).isEqualTo("en");
        assertThat(minimal.gdprConsent()).isFalse();
        assertThat(minimal.requiresAssistance()).isFalse();
        assertThat(minimal.isDeleted()).isFalse();
        Resident r = full().build();
        assertThat(r.gdprConsentDate()).isEqualTo(NOW);
        assertThat(r.phone().value()).isEqualTo("+15551234567");
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r).isNotEqualTo(r.toBuilder().medicalNotes(SensitiveText.of("other")).build());
    }

    @Test
    void anonymisedRemovesEveryPersonalFieldAndKeepsTheRest() {
        Resident r = full().dateOfBirth(LocalDate.of(1938, 7, 23)).build().softDeleted(NOW.plusSeconds(5));
        Resident a = r.anonymised(NOW.plusSeconds(60));
        assertThat(a.firstName()).isEqualTo("Deleted");
        assertThat(a.lastName()).isEqualTo("User #" + r.id());
        assertThat(a.dateOfBirth()).isEqualTo(LocalDate.of(1938, 1, 1));
        assertThat(a.phone()).isNull();
        assertThat(a.emergencyContactName()).isNull();
        assertThat(a.emergencyContactPhone()).isNull();
        assertThat(a.medicalNotes()).isNull();
        assertThat(a.photoUrl()).isNull();
        assertThat(a.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(a.deletedAt()).isEqualTo(r.deletedAt());
        assertThat(a.toBuilder().firstName(r.firstName()).lastName(r.lastName()).dateOfBirth(r.dateOfBirth())
                .phone(r.phone()).emergencyContactName(r.emergencyContactName())
                .emergencyContactPhone(r.emergencyContactPhone()).medicalNotes(r.medicalNotes()).photoUrl(r.photoUrl())
                .updatedAt(r.updatedAt()).build()).isEqualTo(r);
        assertThat(a.anonymised(NOW.plusSeconds(60))).isEqualTo(a);
        assertInvalid(() -> r.anonymised(null), "Resident", "updatedAt");
    }

    @Test
    void toStringShowsNoPersonalData() {
        String s = full().build().toString();
        assertThat(s).doesNotContain("Ada", "Lovelace", "penicillin", "+1555", "1940");
    }

    @Test
    void requiredAndLengthChecks() {
        assertInvalid(() -> TestData.resident().id(null).build(), "Resident", "id");
        assertInvalid(() -> TestData.resident().facilityId(null).build(), "Resident", "facilityId");
        assertInvalid(() -> TestData.resident().firstName(null).build(), "Resident", "firstName");
        assertInvalid(() -> TestData.resident().firstName(" ").build(), "Resident", "firstName");
        assertInvalid(() -> TestData.resident().firstName("x".repeat(101)).build(), "Resident", "firstName");
        assertInvalid(() -> TestData.resident().lastName("x".repeat(101)).build(), "Resident", "lastName");
        assertInvalid(() -> TestData.resident().lastName(null).build(), "Resident", "lastName");
        assertInvalid(() -> TestData.resident().dateOfBirth(null).build(), "Resident", "dateOfBirth");
        assertInvalid(() -> TestData.resident().emergencyContactName("x".repeat(201)).build(), "Resident", "emergencyContactName");
        assertInvalid(() -> TestData.resident().createdAt(null).build(), "Resident", "createdAt");
        assertInvalid(() -> TestData.resident().updatedAt(null).build(), "Resident", "updatedAt");
        assertThat(TestData.resident().firstName("x".repeat(100)).lastName("y".repeat(100))
                .emergencyContactName("z".repeat(200)).build().emergencyContactName()).hasSize(200);
    }

    @Test
    void dateOfBirthMayNotBeInTheFuture() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        assertThat(TestData.resident().dateOfBirth(today).build().dateOfBirth()).isEqualTo(today);
        assertInvalid(() -> TestData.resident().dateOfBirth(today.plusDays(2)).build(), "Resident", "dateOfBirth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja", "fil", "pt-BR", "zh-Hant", "en-US"})
    void acceptsLanguageTags(String tag) {
        assertThat(TestData.resident().preferredLanguage(tag).build().preferredLanguage()).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "EN", "english", "en_US", "en-", "zh-Hant-TW-x", "en-a"})
    void rejectsMalformedLanguageTags(String tag) {
        assertInvalid(() -> TestData.resident().preferredLanguage(tag).build(), "Resident", "preferredLanguage");
    }

    @Test
    void rejectsNullLanguage() {
        assertInvalid(() -> TestData.resident().preferredLanguage(null).build(), "Resident", "preferredLanguage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/p.jpg", "ftp://example.org/p.jpg", "https://", "not a url", "mailto:a@b.co", "file:///etc/passwd"})
    void rejectsNonHttpPhotoUrls(String url) {
        assertInvalid(() -> TestData.resident().photoUrl(url).build(), "Resident", "photoUrl");
    }

    @Test
    void photoUrlLength() {
        String base = "https://example.org/";
        assertThat(TestData.resident().photoUrl(base + "p".repeat(500 - base.length())).build().photoUrl()).hasSize(500);
        assertInvalid(() -> TestData.resident().photoUrl(base + "p".repeat(501 - base.length())).build(), "Resident", "photoUrl");
        assertThat(TestData.resident().photoUrl("HTTP://example.org/a.png").build().photoUrl()).isEqualTo("HTTP://example.org/a.png");
    }

    @Test
    void consentDateExistsExactlyWhenConsentIsGiven() {
        assertInvalid(() -> TestData.resident().gdprConsent(true).build(), "Resident", "gdprConsentDate");
        assertInvalid(() -> TestData.resident().gdprConsentDate(NOW).build(), "Resident", "gdprConsentDate");
    }

    @Test
    void giveAndWithdrawConsent() {
        Resident r = TestData.resident().build();
        Resident given = r.giveConsent(NOW.plusSeconds(10));
        assertThat(given.gdprConsent()).isTrue();
        assertThat(given.gdprConsentDate()).isEqualTo(NOW.plusSeconds(10));
        assertThat(given.updatedAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(r.gdprConsent()).isFalse();
        Resident withdrawn = given.withdrawConsent(NOW.plusSeconds(20));
        assertThat(withdrawn.gdprConsent()).isFalse();
        assertThat(withdrawn.gdprConsentDate()).isNull();
        assertThat(withdrawn.updatedAt()).isEqualTo(NOW.plusSeconds(20));
        assertInvalid(() -> r.giveConsent(null), "Resident", "gdprConsentDate");
        assertInvalid(() -> r.withdrawConsent(null), "Resident", "updatedAt");
    }

    @Test
    void softDelete() {
        Resident r = TestData.resident().build();
        Resident d = r.softDeleted(NOW.plusSeconds(30).plusNanos(1));
        assertThat(d.isDeleted()).isTrue();
        assertThat(d.deletedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(d.softDeleted(NOW.plusSeconds(60)).deletedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(r.isDeleted()).isFalse();
        assertInvalid(() -> r.softDeleted(null), "Resident", "deletedAt");
    }

    @Test
    void medicalNotesNeverAppearInErrors() {
        try {
            full().firstName("").build();
        } catch (DomainValidationException e) {
            assertThat(e.getMessage()).doesNotContain("penicillin");
        }
    }
}
