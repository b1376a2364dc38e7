package org.tvm.domain;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} and 8..15 digits, the first being 1..9 because no country
 * code starts with 0). Input punctuation (spaces, dashes, parentheses) is stripped so "+1-555-123-4567"
 * and "+15551234567" are the same number; {@link #value()} and {@link #toString()} give the stripped form.
 * Errors quote the rejected input (phone numbers are personal data but not secrets).
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    public PhoneNumber {
        value = normalise("PhoneNumber", "value", value);
    }

    /**
     * @param value non-null number, punctuation allowed
     * @return the normalised number
     * @throws DomainValidationException ({@code PhoneNumber.value}) if null or not E.164 after stripping punctuation
     */
    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    /** Same as {@link #of} but errors name the owning entity's field, e.g. {@code Resident.phone}. */
    public static PhoneNumber of(String value, String entity, String field) {
        return new PhoneNumber(normalise(entity, field, value));
    }

    private static String normalise(String entity, String field, String raw) {
        DomainChecks.required(entity, field, raw);
        String v = raw.replaceAll("[\\s()\\-]", "");
        if (!E164.matcher(v).matches()) {
            throw new DomainValidationException(entity, field,
                    "must be E.164, e.g. +15551234567");
        }
        return v;
    }

    @Override
    public String toString() {
        return value;
    }
}
