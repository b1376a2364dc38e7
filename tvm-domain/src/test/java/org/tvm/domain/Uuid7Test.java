package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class Uuid7Test {

    @Test
    void hasVersion7Variant2AndCurrentTimestamp() {
        long before = System.currentTimeMillis();
        UUID id = Uuid7.next();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Uuid7.isVersion7(id)).isTrue();
        // may run ahead by the ms borrowed after a counter overflow, never behind the clock
        assertThat(Uuid7.timestamp(id).toEpochMilli()).isBetween(before, after + 1);
    }

    @Test
    void embedsTheGivenMillisecond() {
        long ms = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        UUID id = new Uuid7.Generator().next(ms);
        assertThat(Uuid7.timestamp(id)).isEqualTo(Instant.ofEpochMilli(ms));
        assertThat(id.toString()).startsWith(String.format("%08x", ms >>> 16));
    }

    @Test
    void rejectsNonV7() {
        assertThat(Uuid7.isVersion7(UUID.randomUUID())).isFalse();
        assertThat(Uuid7.isVersion7(null)).isFalse();
        assertInvalid(() -> Uuid7.timestamp(UUID.randomUUID()), "Uuid7", "value");
    }

    @Test
    void strictlyIncreasingWithinOneMillisecondAndWhenClockStepsBack() {
        long ms = Instant.parse("2031-06-01T00:00:00Z").toEpochMilli();
        Uuid7.Generator generator = new Uuid7.Generator();
        UUID prev = generator.next(ms);
        for (int i = 0; i < 10_000; i++) {
            UUID next = generator.next(i % 2 == 0 ? ms : ms - 1000);
            assertThat(next).isGreaterThan(prev);
            assertThat(next.toString()).isGreaterThan(prev.toString());
            prev = next;
        }
    }

    @Test
    void manyIdsInOneMillisecondStayOrderedAndKeepTheirTimestamp() {
        Uuid7.Generator generator = new Uuid7.Generator();
        long ms = 1_800_000_000_000L;
        UUID prev = generator.next(ms);
        // far more ids than one millisecond's counter could ever need in practice still stay ordered
        for (int i = 0; i < 100_000; i++) {
            UUID next = generator.next(ms);
            assertThat(next).isGreaterThan(prev);
            prev = next;
        }
        assertThat(Uuid7.timestamp(prev).toEpochMilli()).isEqualTo(ms);
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    UUID last = null;
                    for (int i = 0; i < 5_000; i++) {
                        UUID id = Uuid7.next();
                        assertThat(seen.add(id)).isTrue();
                        if (last != null) {
                            assertThat(id).isGreaterThan(last);
                        }
                        last = id;
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(40_000);
    }

    @Property(tries = 200)
    void orderFollowsTime(@ForAll @LongRange(min = 1_700_000_000_000L, max = 4_000_000_000_000L) long ms,
                          @ForAll @IntRange(min = 1, max = 100_000) int laterBy) {
        Uuid7.Generator generator = new Uuid7.Generator();
        UUID a = generator.next(ms);
        UUID b = generator.next(ms + laterBy);
        assertThat(b).isGreaterThan(a);
        assertThat(b.toString()).isGreaterThan(a.toString());
        assertThat(Uuid7.timestamp(a).toEpochMilli()).isEqualTo(ms);
        assertThat(Uuid7.timestamp(b).toEpochMilli()).isEqualTo(ms + laterBy);
    }
}
