package org.tvm.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock durations of the simulation's units of work, grouped by kind, in the order kinds first appear. */
final class OperationTimings {

    private final Map<String, Samples> byKind = new LinkedHashMap<>();

    <T> T time(String kind, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(kind, System.nanoTime() - start);
        }
    }

    void time(String kind, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            record(kind, System.nanoTime() - start);
        }
    }

    void record(String kind, long nanos) {
        byKind.computeIfAbsent(kind, k -> new Samples()).add(nanos);
    }

    List<DayReport.OperationStats> summary() {
        List<DayReport.OperationStats> result = new ArrayList<>();
        byKind.forEach((kind, samples) -> result.add(samples.stats(kind)));
        return List.copyOf(result);
    }

    private static final class Samples {
        private long[] values = new long[64];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        DayReport.OperationStats stats(String kind) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            long total = 0;
            for (long v : sorted) {
                total += v;
            }
            return new DayReport.OperationStats(kind, size, millis(total), millis(total) / size,
                    millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)), millis(sorted[size - 1]));
        }

        private static long percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
