package org.tvm.ports.query;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ports' ordering rules for results sorted in Java (by adapters that cannot or need not sort in SQL): text by
 * Unicode code point, as {@code COLLATE "C"}; UUIDs as unsigned 128-bit values, as PostgreSQL's and H2's {@code uuid}
 * order. Neither is Java's natural order ({@link String#compareTo} compares UTF-16 units, {@link UUID#compareTo} is
 * signed), so every Java-side sort of port results uses these.
 *
 * <p>A port whose list is sorted in Java by some adapter declares that order once, beside the method, from these
 * (e.g. {@code MapRepository.LIST_ORDER}), so the adapters and the in-memory reference apply one rule.
 */
public final class Orderings {

    /** Strings by code point (nulls not allowed). */
    public static final Comparator<String> TEXT = Orderings::compareText;

    /** UUIDs as unsigned 128-bit values (nulls not allowed). */
    public static final Comparator<UUID> UUIDS = Orderings::compareUuid;

    private Orderings() {
    }

    /** @return the code-point comparison of two non-null strings; a proper prefix sorts first */
    public static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** @return the unsigned 128-bit comparison of two non-null UUIDs */
    public static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** @return a comparator of {@code T} by a text key in code-point order */
    public static <T> Comparator<T> byText(Function<T, String> key) {
        Objects.requireNonNull(key, "key");
        return (x, y) -> compareText(key.apply(x), key.apply(y));
    }

    /** @return a comparator of {@code T} by a UUID key in unsigned order */
    public static <T> Comparator<T> byUuid(Function<T, UUID> key) {
        Objects.requireNonNull(key, "key");
        return (x, y) -> compareUuid(key.apply(x), key.apply(y));
    }
}
