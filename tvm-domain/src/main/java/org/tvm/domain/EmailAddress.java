package org.tvm.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, kept as written (only surrounding blanks trimmed) and compared case-insensitively:
 * two addresses are equal when their {@link #canonical()} forms are, which is also what uniqueness and
 * look-ups use (spec §5.3, {@code LOWER(email)}). Format per spec §7.2.
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
        String v = raw.trim();
        if (v.length() > MAX_LENGTH) {
            throw new DomainValidationException(entity, field,
                    "must be at most " + MAX_LENGTH + " characters (was " + v.length() + ")");
        }
        if (!FORMAT.matcher(v).matches()) {
            throw new DomainValidationException(entity, field, "must look like name@example.org");
        }
        return v;
    }

    /** The lower-case form that uniqueness and look-ups compare (ROOT locale, as SQL {@code LOWER}). */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, like the database's unique index on {@code LOWER(email)}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress e && canonical().equals(e.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
