package org.tvm.domain;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * Earliest instant the domain accepts: 1583-01-01T00:00:00Z, the first full year of the Gregorian calendar. Every
     * adapter stores and reads back every instant from here to {@link #LATEST_INSTANT} exactly. Before it, paths through
     * Java's legacy date classes (JDBC timestamps, as Hibernate binds them) switch to the Julian calendar and shift
     * instants by days (year 1 comes back two days early), PostgreSQL turns instants before 4713 BC into
     * {@code -infinity}, and beyond year 9999 H2 and PostgreSQL disagree.
     */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1583-01-01T00:00:00Z");
    /** Latest instant the domain accepts: 9999-12-31T23:59:59.999999Z (see {@link #EARLIEST_INSTANT}). */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private DomainChecks() {
    }

    /**
     * Text the databases store exactly: no NUL character (U+0000, which PostgreSQL cannot store in text or JSON) and no
     * unpaired UTF-16 surrogate (which has no UTF-8 encoding: the driver would silently write {@code ?}). Other control
     * characters (tab, line feed, U+0001 ... U+001F, U+007F) are stored and read back exactly and are accepted:
     * escaping them is the job of whoever displays the text. Null passes. Errors never quote the text.
     *
     * @return {@code value}
     * @throws DomainValidationException if {@code value} contains a NUL character or an unpaired surrogate
     */
    public static String storable(String entity, String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new DomainValidationException(entity, field,
                        "must not contain the NUL character (U+0000) at index " + i + ": databases cannot store it");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DomainValidationException(entity, field, "must not contain an unpaired UTF-16 surrogate at index "
                        + i + ": it has no UTF-8 encoding");
            }
        }
        return value;
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

    /** Like {@link #text(String, String, String, int)} with the limit of {@code column} in {@link TextLimits}. */
    public static String text(String entity, String field, String value, String column) {
        return text(entity, field, value, TextLimits.of(column));
    }

    /** Like {@link #optionalText(String, String, String, int)} with the limit of {@code column} in {@link TextLimits}. */
    public static String optionalText(String entity, String field, String value, String column) {
        return optionalText(entity, field, value, TextLimits.of(column));
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
     * Null passes; otherwise {@linkplain #storable storable} and at most {@code max} characters (UTF-16 code units,
     * never fewer than the database's characters). The error states the length, never the text.
     *
     * @return {@code value}
     * @throws DomainValidationException if {@code value} is longer than {@code max}
     */
    public static String maxLength(String entity, String field, String value, int max) {
        storable(entity, field, value);
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
     * Non-null, within years 1583-9999 UTC (see {@link #EARLIEST_INSTANT}), truncated to microseconds (see {@link #micros}).
     *
     * @throws DomainValidationException if {@code value} is null or out of range
     */
    public static Instant instant(String entity, String field, Instant value) {
        return optionalInstant(entity, field, required(entity, field, value));
    }

    /**
     * Null passes; otherwise within {@link #EARLIEST_INSTANT} .. {@link #LATEST_INSTANT}, truncated to microseconds.
     *
     * @throws DomainValidationException if {@code value} is out of range (the message names the range, not the value)
     */
    public static Instant optionalInstant(String entity, String field, Instant value) {
        Instant truncated = micros(value);
        if (truncated != null && (truncated.isBefore(EARLIEST_INSTANT) || truncated.isAfter(LATEST_INSTANT))) {
            throw new DomainValidationException(entity, field, "must be within years 1583-9999 UTC");
        }
        return truncated;
    }

    /**
     * Null passes; otherwise within years 0001-9999 (see {@link #EARLIEST_INSTANT}).
     *
     * @throws DomainValidationException if {@code value} is out of range
     */
    public static LocalDate date(String entity, String field, LocalDate value) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw new DomainValidationException(entity, field, "must be within years 0001-9999");
        }
        return value;
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
                    "must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * Immutable, insertion-ordered copy; null map means empty; null keys or values are refused, and keys and values
     * must be {@linkplain #storable storable} (JSON columns refuse an escaped U+0000 too).
     */
    public static Map<String, String> details(String entity, String field, Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new DomainValidationException(entity, field, "keys must not be null or blank");
            }
            storable(entity, field, e.getKey());
            if (e.getValue() == null) {
                throw new DomainValidationException(entity, field, "values must not be null");
            }
            storable(entity, field, e.getValue());
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
            throw new DomainValidationException(entity, "value", "must be a UUID");
        }
    }
}
