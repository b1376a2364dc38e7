package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoreValuesTest {

    @Test
    void validationExceptionCarriesEntityFieldReason() {
        DomainValidationException e = new DomainValidationException("Resident", "phone", "must be E.164");
        assertThat(e).isInstanceOf(DomainException.class);
        assertThat(e.entity()).isEqualTo("Resident");
        assertThat(e.field()).isEqualTo("phone");
        assertThat(e.reason()).isEqualTo("must be E.164");
        assertThat(e.getMessage()).isEqualTo("Resident.phone: must be E.164");
    }

    @Test
    void sensitiveTextHidesValue() {
        SensitiveText t = SensitiveText.of("allergic to penicillin");
        assertThat(t.toString()).isEqualTo("SensitiveText[***]").doesNotContain("penicillin");
        assertThat(t.reveal()).isEqualTo("allergic to penicillin");
        assertThat(t).isEqualTo(SensitiveText.of("allergic to penicillin")).hasSameHashCodeAs(SensitiveText.of("allergic to penicillin"));
        assertThat(t).isNotEqualTo(SensitiveText.of("other"));
        assertThat(SensitiveText.ofNullable(null)).isNull();
        assertInvalid(() -> SensitiveText.of(null), "SensitiveText", "value");
        assertInvalid(() -> SensitiveText.of(""), "SensitiveText", "value");
    }

    @ParameterizedTest
    @CsvSource({"' Nurse@Example.ORG ', Nurse@Example.ORG, nurse@example.org", "a@b.co, a@b.co, a@b.co",
            "X.y+z@sub.domain.jp, X.y+z@sub.domain.jp, x.y+z@sub.domain.jp"})
    void emailIsKeptAsWrittenAndComparedCaseInsensitively(String raw, String written, String canonical) {
        assertThat(EmailAddress.of(raw).value()).isEqualTo(written);
        assertThat(EmailAddress.of(raw).toString()).isEqualTo(written);
        assertThat(EmailAddress.of(raw).canonical()).isEqualTo(canonical);
        assertThat(EmailAddress.of(raw)).isEqualTo(EmailAddress.of(canonical)).hasSameHashCodeAs(EmailAddress.of(canonical));
        assertThat(EmailAddress.of(raw)).isNotEqualTo(EmailAddress.of("other" + canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "@b.co", "a@.co", "a b@c.de", "a@b.", "a@@b.co"})
    void emailRejectsMalformed(String raw) {
        assertInvalid(() -> EmailAddress.of(raw), "EmailAddress", "value");
        assertInvalid(() -> EmailAddress.of(raw, "User", "email"), "User", "email");
    }

    @Test
    void emailRejectsNullAndTooLong() {
        assertInvalid(() -> EmailAddress.of(null), "EmailAddress", "value");
        String local = "a".repeat(250);
        assertInvalid(() -> EmailAddress.of(local + "@b.com"), "EmailAddress", "value");
        assertThat(EmailAddress.of("a".repeat(249) + "@b.com").value()).hasSize(255);
    }

    @ParameterizedTest
    @CsvSource({"+1-555-123-4567, +15551234567", "'+81 (3) 1234 5678', +81312345678", "+12345678, +12345678",
            "+123456789012345, +123456789012345"})
    void phoneIsNormalisedToE164(String raw, String expected) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo(expected);
        assertThat(PhoneNumber.of(raw).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "15551234567", "+1234567", "+1234567890123456", "+1555abc4567", "", "++15551234567",
            "+05551234567", "+0 (555) 123-4567"})
    void phoneRejectsNonE164(String raw) {
        assertInvalid(() -> PhoneNumber.of(raw), "PhoneNumber", "value");
    }

    @Test
    void phoneErrorNamesOwningField() {
        assertThatThrownBy(() -> PhoneNumber.of("123", "Resident", "phone"))
                .hasMessage("Resident.phone: must be E.164, e.g. +15551234567");
        assertInvalid(() -> PhoneNumber.of(null), "PhoneNumber", "value");
    }

    @ParameterizedTest
    @CsvSource({
            "192.168.0.1, 192.168.0.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
            "::1, ::1", "::, ::", "2001:DB8::1, 2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "::ffff:192.0.2.1, ::ffff:192.0.2.1", "fe80::1:2, fe80::1:2", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0"})
    void ipLiteralsAreCanonical(String raw, String expected) {
        assertThat(IpAddressLiteral.normalise("User", "lastLoginIp", raw)).isEqualTo(expected);
        assertThat(IpAddressLiteral.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.org", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4/24", "fe80::1%eth0",
            ":::1", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1", "1.2.3.4::"})
    void ipLiteralsRejectNamesAndGarbage(String raw) {
        assertInvalid(() -> IpAddressLiteral.normalise("User", "lastLoginIp", raw), "User", "lastLoginIp");
        assertThat(IpAddressLiteral.isValid(raw)).isFalse();
    }

    @Test
    void ipNullStaysNull() {
        assertThat(IpAddressLiteral.normalise("User", "lastLoginIp", null)).isNull();
        assertThat(IpAddressLiteral.isValid(null)).isFalse();
    }

    @Test
    void checksTruncateInstantsToMicros() {
        Instant nanos = Instant.parse("2025-01-01T00:00:00.123456789Z");
        assertThat(DomainChecks.micros(nanos)).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
        assertThat(DomainChecks.micros(null)).isNull();
    }

    @Test
    void detailsAreImmutableOrderedCopies() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("z", "1");
        in.put("a", "2");
        Map<String, String> out = DomainChecks.details("X", "details", in);
        in.put("b", "3");
        assertThat(out).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
        assertThatThrownBy(() -> out.put("c", "4")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(DomainChecks.details("X", "details", null)).isEmpty();
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        assertInvalid(() -> DomainChecks.details("X", "details", nullValue), "X", "details");
        Map<String, String> blankKey = new LinkedHashMap<>();
        blankKey.put(" ", "v");
        assertInvalid(() -> DomainChecks.details("X", "details", blankKey), "X", "details");
    }

    @Test
    void textChecks() {
        assertInvalid(() -> DomainChecks.text("X", "name", null, 5), "X", "name");
        assertInvalid(() -> DomainChecks.text("X", "name", "  ", 5), "X", "name");
        assertInvalid(() -> DomainChecks.text("X", "name", "123456", 5), "X", "name");
        assertThat(DomainChecks.text("X", "name", "12345", 5)).isEqualTo("12345");
        assertThat(DomainChecks.optionalText("X", "zone", null, 5)).isNull();
        assertInvalid(() -> DomainChecks.optionalText("X", "zone", "", 5), "X", "zone");
    }
}
