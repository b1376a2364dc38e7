package org.tvm.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs the operations interleaved: every round runs every operation on every path, the path order rotating each
 * round, so drift of the machine (other builds, caches, table growth) hits all paths alike. ANALYZE between rounds.
 * One measurement = one path's batch of one operation in one round; ratios are taken within a round, then their
 * median and range over rounds are reported.
 */
final class Runner {

    /** One path's batch of one op in one round. */
    record Sample(double p50Micros, double p95Micros, double unitsPerSecond, double allocatedBytesPerUnit) {
    }

    /** Per op and path: the samples of every round. */
    final Map<Op, Map<String, List<Sample>>> samples = new LinkedHashMap<>();

    private final List<Side> sides;
    private final List<Fixture> fixtures;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final boolean analyzeTelemetry;

    Runner(List<Side> sides, Fixture fixture, boolean analyzeTelemetry) {
        this(sides, List.of(fixture), analyzeTelemetry);
    }

    /** Paths over several databases: each fixture's database is reset and analyzed between rounds. */
    Runner(List<Side> sides, List<Fixture> fixtures, boolean analyzeTelemetry) {
        this.sides = sides;
        this.fixtures = fixtures;
        this.analyzeTelemetry = analyzeTelemetry;
    }

    /**
     * Unrecorded rounds, each op at most {@code maxIterations} times per path: the JIT compiles what the rounds then
     * measure (Hibernate's and MyBatis' paths are long; a few calls left them interpreted and doubled their times).
     */
    void warmUp(List<Op> ops, int rounds, int maxIterations) throws Exception {
        for (int round = 0; round < rounds; round++) {
            fixtures.forEach(Fixture::deleteRequestedMissions);
            warmUpOnce(ops, maxIterations);
        }
    }

    private void warmUpOnce(List<Op> ops, int iterations) throws Exception {
        for (Op op : ops) {
            for (Side side : sides) {
                if (op.rawOnly() && !side.raw()) {
                    continue;
                }
                if (op.beforeBatch() != null) {
                    op.beforeBatch().run();
                }
                for (int i = 0; i < Math.min(iterations, op.iterations()); i++) {
                    op.body().run(side, i);
                }
            }
        }
    }

    void run(List<Op> ops, int rounds, java.io.PrintWriter progress) throws Exception {
        for (int round = 0; round < rounds; round++) {
            for (Fixture fixture : fixtures) {
                fixture.deleteRequestedMissions();
                fixture.analyze(analyzeTelemetry);
            }
            progress.printf("  round %d/%d%n", round + 1, rounds);
            for (Op op : ops) {
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((k + round) % sides.size());
                    if (op.rawOnly() && !side.raw()) {
                        continue;
                    }
                    Sample s = batch(op, side);
                    samples.computeIfAbsent(op, o -> new LinkedHashMap<>())
                            .computeIfAbsent(side.name(), n -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    /** Work spread over other threads: this thread's allocation says nothing about it. */
    private static boolean concurrent(Op op) {
        return op.unitsPerIteration() > 1 && !op.unit().startsWith("rows");
    }

    private Sample batch(Op op, Side side) throws Exception {
        if (op.beforeBatch() != null) {
            op.beforeBatch().run();
        }
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long thread = Thread.currentThread().getId();
        long allocStart = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < op.iterations(); i++) {
            long t0 = System.nanoTime();
            op.body().run(side, i);
            h.recordValue(System.nanoTime() - t0);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocStart;
        double units = (double) op.iterations() * op.unitsPerIteration();
        return new Sample(h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
                units / (elapsed / 1e9), concurrent(op) ? Double.NaN : allocated / units);
    }
}
