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

        /** This path's two halves as one run: counts and seconds added, latency histograms merged. */
        Result plus(Result other) {
            Histogram c = corrected.copy();
            c.add(other.corrected);
            Histogram u = uncorrected.copy();
            u.add(other.uncorrected);
            Map<String, Long> kinds = new LinkedHashMap<>(errorKinds);
            other.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            Map<String, Long> sorted = new LinkedHashMap<>();
            kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new Result(side, targetRate, scheduled + other.scheduled, completed + other.completed,
                    errors + other.errors, c, u, telemetryRows + other.telemetryRows, seconds + other.seconds, sorted);
        }

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
    private volatile boolean stopRequested;

    MixedWorkload(Operations ops, Fixture fx, int workers) {
        this.ops = ops;
        this.fx = fx;
        this.workers = workers;
    }

    /**
     * Runs {@code rate} operations per second for {@code seconds}, and beside them {@code telemetryVehicles} vehicles
     * streaming at 10 Hz: every 100 ms each streaming facility appends one sample per vehicle, stamped with the time the
     * schedule meant it to be taken (so each vehicle's samples are 100 ms apart, as a real fleet sends them).
     */
    Result run(Side side, int rate, int seconds, int telemetryVehicles) throws InterruptedException {
        List<Fixture.StreamingFleet> fleets = telemetryVehicles > 0 ? fx.streamingFleets(telemetryVehicles) : List.of();
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
        // two fixed schedules merged in time order: the operations, and the appends (10 per second per fleet)
        long opInterval = rate > 0 ? 1_000_000_000L / rate : Long.MAX_VALUE;
        long opsTotal = (long) rate * seconds;
        long appendInterval = fleets.isEmpty() ? Long.MAX_VALUE : 100_000_000L / fleets.size();
        long appendsTotal = 10L * fleets.size() * seconds;
        long start = System.nanoTime();
        Instant wallStart = Instant.now();
        long opsStarted = 0;
        long appendsStarted = 0;
        while ((opsStarted < opsTotal || appendsStarted < appendsTotal) && !stopRequested) {
            long nextOp = opsStarted < opsTotal ? start + opsStarted * opInterval : Long.MAX_VALUE;
            long nextAppend = appendsStarted < appendsTotal ? start + appendsStarted * appendInterval : Long.MAX_VALUE;
            long intended = Math.min(nextOp, nextAppend);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Runnable work;
            String kind;
            if (nextAppend <= nextOp) {
                Fixture.StreamingFleet fleet = fleets.get((int) (appendsStarted % fleets.size()));
                Instant taken = wallStart.plusNanos((appendsStarted / fleets.size()) * 100_000_000L);
                kind = "telemetry";
                work = () -> rows.addAndGet(append(side, fleet, taken));
                appendsStarted++;
            } else {
                int slot = (int) opsStarted;
                kind = opsStarted % Math.max(1, rate) == 1 ? "heartbeats" : MIX[(int) (opsStarted % MIX.length)];
                work = () -> run(side, kind, slot);
                opsStarted++;
            }
            pool.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    work.run();
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
        long total = opsStarted + appendsStarted;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        resetter.shutdownNow();
        resetter.awaitTermination(1, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> byKind.put(e.getKey(), e.getValue().sum()));
        return new Result(side.name(), rate + 10 * fleets.size(), total, completed.get(), errors.get(), corrected.getIntervalHistogram(),
                uncorrected.getIntervalHistogram(), rows.get(), took, byKind);
    }

    /** Ends a running {@link #run} early: nothing more is scheduled, what was scheduled still completes. */
    void stop() {
        stopRequested = true;
    }

    /** One fleet's samples taken at {@code taken}, appended in its facility's context; returns the rows. */
    private static int append(Side side, Fixture.StreamingFleet fleet, Instant taken) {
        List<TelemetrySample> samples = Operations.fleetSamples(fleet, taken);
        if (side.raw()) {
            RawPaths.ingest(side.dataSource(), fleet.ctx(), samples, "telemetry");
        } else {
            side.persistence().run(fleet.ctx(), tx -> tx.telemetry().append(samples));
        }
        return samples.size();
    }

    private void run(Side side, String kind, int k) {
        switch (kind) {
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
