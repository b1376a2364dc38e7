package org.tvm.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * RFC 9562 UUIDv7 generator. Time-ordered ids keep B-tree inserts local and let the application
 * know an id before the row exists (ORMs can batch). Within one millisecond ids stay strictly
 * increasing in this JVM: a 42-bit counter (seeded randomly each millisecond) sits after the
 * timestamp, followed by 32 random bits (RFC 9562 §6.2, method 1).
 */
public final class Uuid7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long COUNTER_LIMIT = 1L << 42;
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private static final Generator DEFAULT = new Generator();

    private Uuid7() {
    }

    public static UUID next() {
        return DEFAULT.next(System.currentTimeMillis());
    }

    /**
     * The monotonic state. One instance per JVM backs {@link #next()}; tests create their own so a
     * simulated clock cannot disturb the shared sequence.
     */
    static final class Generator {
        private long lastMillis = -1;
        private long counter;

        synchronized UUID next(long nowMillis) {
            // a clock that steps back must not break ordering: stay on the last millisecond
            long millis = Math.max(nowMillis, lastMillis);
            if (millis > lastMillis) {
                lastMillis = millis;
                counter = seed();
            } else {
                counter++;
                if (counter >= COUNTER_LIMIT) {
                    // counter exhausted: borrow the next millisecond, as RFC 9562 allows
                    lastMillis++;
                    counter = seed();
                }
            }
            if (lastMillis > MAX_MILLIS) {
                throw new IllegalStateException("clock beyond the 48-bit UUIDv7 range");
            }
            long msb = (lastMillis << 16) | (0x7L << 12) | (counter >>> 30);
            long lsb = (0b10L << 62) | ((counter & ((1L << 30) - 1)) << 32) | (RANDOM.nextInt() & 0xFFFF_FFFFL);
            return new UUID(msb, lsb);
        }

        // top counter bit left clear so at least 2^41 ids fit into one millisecond before borrowing
        private static long seed() {
            return RANDOM.nextLong() & ((1L << 41) - 1);
        }
    }

    public static boolean isVersion7(UUID uuid) {
        return uuid != null && uuid.version() == 7 && uuid.variant() == 2;
    }

    /** The creation millisecond embedded in a UUIDv7. */
    public static Instant timestamp(UUID uuid) {
        if (!isVersion7(uuid)) {
            throw new DomainValidationException("Uuid7", "value", "is not a UUIDv7");
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }
}
