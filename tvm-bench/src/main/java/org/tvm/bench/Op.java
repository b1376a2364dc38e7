package org.tvm.bench;

/**
 * One measured operation: a body per path, how it is scored, and what the target is.
 *
 * @param name              row label
 * @param metric            LATENCY: p50 of one iteration (ratio library/raw, lower is better); THROUGHPUT: units per
 *                          second over the batch (ratio library/raw, higher is better)
 * @param unitsPerIteration units one iteration does (rows for ingest, assignments for dispatch, 1 otherwise)
 * @param iterations        iterations per path and round
 * @param rawOnly           measured on the raw path only (schema cost, the spec's queries at scale)
 * @param target            the target, as text
 * @param beforeBatch       run (unmeasured) before each path's batch, e.g. releasing dispatched vehicles
 * @param body              the work of one iteration on one path
 */
record Op(String name, Metric metric, String unit, int unitsPerIteration, int iterations, boolean rawOnly, String target,
          Runnable beforeBatch, Body body) {

    enum Metric { LATENCY, THROUGHPUT }

    interface Body {
        void run(Side side, int iteration) throws Exception;
    }
}
