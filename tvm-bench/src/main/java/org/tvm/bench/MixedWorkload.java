package org.tvm.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * The open-loop mixed workload: operations are started on a fixed schedule (the target rate), whether or not earlier
 * ones have finished, and handed to a small worker pool. Latency is recorded twice: from the actual start (what a
 * closed-loop tool reports) and from the intended start on the schedule (corrected for coordinated omission: a stall
 * delays every queued operation, and that delay counts). Telemetry arrives at 10 Hz for the whole fleet, heartbeats at
 * 1 Hz; the rest of the rate is requests, point reads, dashboards, dispatch and progress steps.
 *
 * <p>Dispatch and progress would run out of idle vehicles and steps: a resetter (admin, off the measured path) releases
 * assignments and progress once a second; an operation racing with it may fail and is counted as an error. Errors are
 * also counted by operation and exception, so the report tells the workload's own (a progress step on a mission with no
 * step left until the resetter puts it back, dispatchers racing for the same vehicle) from real failures.
 */
final class MixedWorkload {

    /** Result of one path's run. */
    record Result(String side, int targetRate, long scheduled, long completed, long errors, Histogram corrected,
                  Histogram uncorrected, long telemetryRows, double seconds, Map<String, Long> errorKinds) {

        /** The errors by operation and exception, most frequent first, e.g. "dispatch VehicleBusyException 12". */
        String errorSummary() {
            return errorKinds.isEmpty() ? "none" : errorKinds.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static final String[] MIX = {"request", "point read", "fleet status", "point read", "query 1", "dispatch",
            "progress", "query 3", "request", "point read", "query 4", "fleet status", "dispatch", "progress",
            "point read", "request", "query 1", "query 3", "point read", "fleet status"};

    private final Operations ops;
    private final Fixture fx;
    private final int workers;

    MixedWorkload(Operations ops, Fixture fx, int workers) {
        this.ops = ops;
        this.fx = fx;
        this.workers = workers;
    }

    Result run(Side side, int rate, int seconds, int telemetryVehicles) throws InterruptedException {
        List<TelemetrySample> tick = Operations.telemetryBatch(fx, Instant.now().minusSeconds(600))
                .subList(0, Math.min(telemetryVehicles, Operations.TELEMETRY_BATCH));
        Recorder corrected = new Recorder(3);
        Recorder uncorrected = new Recorder(3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ScheduledExecutorService resetter = Executors.newSingleThreadScheduledExecutor();
        resetter.scheduleAtFixedRate(() -> {
            try {
                fx.releaseAssignments();
                fx.resetProgress();
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                kinds.computeIfAbsent("resetter " + e.getClass().getSimpleName(), x -> new LongAdder()).increment();
            }
        }, 1, 1, TimeUnit.SECONDS);
        long interval = 1_000_000_000L / rate;
        int telemetryEvery = Math.max(1, rate / 10);
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        for (long k = 0; k < total; k++) {
            long intended = start + k * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long slot = k;
            String kind = k % telemetryEvery == 0 ? "telemetry" : k % rate == 1 ? "heartbeats" : MIX[(int) (k % MIX.length)];
            pool.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    run(side, kind, (int) slot, tick);
                    if (kind.equals("telemetry")) {
                        rows.addAndGet(tick.size());
                    }
                    completed.incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    kinds.computeIfAbsent(kind + " " + e.getClass().getSimpleName(), x -> new LongAdder()).increment();
                }
                long end = System.nanoTime();
                corrected.recordValue(end - intended);
                uncorrected.recordValue(end - t0);
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        resetter.shutdownNow();
        resetter.awaitTermination(1, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> byKind.put(e.getKey(), e.getValue().sum()));
        return new Result(side.name(), rate, total, completed.get(), errors.get(), corrected.getIntervalHistogram(),
                uncorrected.getIntervalHistogram(), rows.get(), took, byKind);
    }

    private void run(Side side, String kind, int k, List<TelemetrySample> tick) {
        switch (kind) {
            case "telemetry" -> {
                if (side.raw()) {
                    RawPaths.ingest(side.dataSource(), fx.ctx, tick, "telemetry");
                } else {
                    side.persistence().run(fx.ctx, tx -> tx.telemetry().append(tick));
                }
            }
            case "dispatch" -> ops.dispatch(side);
            default -> {
                Op op = ops.byName(kind);
                try {
                    op.body().run(side, k);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
