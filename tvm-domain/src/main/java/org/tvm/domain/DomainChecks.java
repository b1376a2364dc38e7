package org.tvm.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Shared validation helpers so every aggregate words its errors the same way
 * ({@code Entity.field: reason}). Public only because the domain spans several packages.
 */
public final class DomainChecks {

    private DomainChecks() {
    }

    /**
     * @return {@code value}
     * @throws DomainValidationException ({@code entity.field: must not be null}) if {@code value} is null
     */
    public static <T> T required(String entity, String field, T value) {
        if (value == null) {
            throw new DomainValidationException(entity, field, "must not be null");
        }
        return value;
    }

    /**
     * Non-null, non-blank and at most {@code max} characters. Errors never quote the text, so it is safe for
     * secrets such as tokens.
     */
    public static String text(String entity, String field, String value, int max) {
        required(entity, field, value);
        if (value.isBlank()) {
            throw new DomainValidationException(entity, field, "must not be blank");
        }
        return maxLength(entity, field, value, max);
    }

    /** Null, or non-blank and at most {@code max} characters. */
    public static String optionalText(String entity, String field, String value, int max) {
        return value == null ? null : text(entity, field, value, max);
    }

    /** Null, or non-blank (no length limit: TEXT columns). */
    public static String optionalText(String entity, String field, String value) {
        return optionalText(entity, field, value, Integer.MAX_VALUE);
    }

    /**
     * Null passes; otherwise at most {@code max} characters. The error states the length, never the text.
     *
     * @return {@code value}
     * @throws DomainValidationException if {@code value} is longer than {@code max}
     */
    public static String maxLength(String entity, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new DomainValidationException(entity, field,
                    "must be at most " + max + " characters (was " + value.length() + ")");
        }
        return value;
    }

    /** PostgreSQL keeps microseconds: truncating here makes stored and reloaded instants equal. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Non-null, truncated to microseconds (see {@link #micros}).
     *
     * @throws DomainValidationException if {@code value} is null
     */
    public static Instant instant(String entity, String field, Instant value) {
        return micros(required(entity, field, value));
    }

    /**
     * Null passes; otherwise {@code min <= value <= max}.
     *
     * @return {@code value}
     * @throws DomainValidationException if {@code value} is outside the inclusive range
     */
    public static Integer range(String entity, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new DomainValidationException(entity, field,
                    "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** Immutable, insertion-ordered copy; null map means empty; null keys or values are refused. */
    public static Map<String, String> details(String entity, String field, Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new DomainValidationException(entity, field, "keys must not be null or blank");
            }
            if (e.getValue() == null) {
                throw new DomainValidationException(entity, field, "value of '" + e.getKey() + "' must not be null");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Shared shape of the typed id records' {@code parse(String)}: a canonical UUID string (any case, surrounding
     * whitespace ignored).
     *
     * @throws DomainValidationException ({@code entity.value}) if {@code text} is null or not a canonical UUID
     */
    public static <T> T parseId(String entity, String text, Function<UUID, T> factory) {
        if (text == null) {
            throw new DomainValidationException(entity, "value", "must not be null");
        }
        try {
            UUID uuid = UUID.fromString(text.trim());
            // UUID.fromString accepts short groups ("1-1-1-1-1"); insist on the canonical form
            if (!uuid.toString().equalsIgnoreCase(text.trim())) {
                throw new IllegalArgumentException();
            }
            return factory.apply(uuid);
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException(entity, "value", "must be a UUID (was '" + text + "')");
        }
    }
}
