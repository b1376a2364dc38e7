package org.tvm.testkit.inmemory;

import java.util.Comparator;
import java.util.UUID;

/** The port's ordering rules: strings by code point (like {@code COLLATE "C"}), UUIDs as unsigned 128-bit values. */
final class Orderings {

    static final Comparator<String> TEXT = Orderings::compareText;
    static final Comparator<UUID> UUIDS = Orderings::compareUuid;

    private Orderings() {
    }

    static int compareText(String a, String b) {
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

    static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
