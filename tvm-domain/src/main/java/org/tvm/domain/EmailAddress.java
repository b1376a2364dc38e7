package org.tvm.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, normalised (trimmed, lower-case) so that uniqueness and look-ups do not depend
 * on how a user typed it. Format per spec §7.2.
 */
public record EmailAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    public static final int MAX_LENGTH = 255;

    public EmailAddress {
        value = normalise("EmailAddress", "value", value);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** Same as {@link #of} but errors name the owning entity's field, e.g. {@code User.email}. */
    public static EmailAddress of(String value, String entity, String field) {
        return new EmailAddress(normalise(entity, field, value));
    }

    private static String normalise(String entity, String field, String raw) {
        DomainChecks.required(entity, field, raw);
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.length() > MAX_LENGTH) {
            throw new DomainValidationException(entity, field,
                    "must be at most " + MAX_LENGTH + " characters (was " + v.length() + ")");
        }
        if (!FORMAT.matcher(v).matches()) {
            throw new DomainValidationException(entity, field, "must look like name@example.org");
        }
        return v;
    }

    @Override
    public String toString() {
        return value;
    }
}
