package org.tvm.spring.boot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tvm.ports.TvmAdministration;

/**
 * Links the audit entries the database's triggers left waiting into their chains
 * ({@link TvmAdministration#linkWaitingAuditEntries()}) every {@code tvm.audit.link-interval}, on one daemon thread,
 * while the application context runs. Several instances of an application may all run it: each entry is linked once.
 * A failed call is logged (WARN, without the database's message, which may quote values) and the next one runs as
 * scheduled.
 */
public final class TvmAuditLinker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger("org.tvm.persistence.audit-linker");

    private final TvmAdministration administration;
    private final Duration interval;
    private ScheduledExecutorService executor;

    TvmAuditLinker(TvmAdministration administration, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("tvm.audit.link-interval must be positive (set tvm.audit.link-enabled="
                    + "false to link elsewhere, e.g. with bin/tvm audit link)");
        }
        this.administration = administration;
        this.interval = interval;
    }

    /** One round, as the schedule runs it. */
    void linkOnce() {
        try {
            long linked = administration.linkWaitingAuditEntries();
            if (linked > 0) {
                LOG.debug("linked {} waiting audit entries into their chains", linked);
            }
        } catch (RuntimeException e) {
            LOG.warn("linking the waiting audit entries failed ({}); the next round runs in {}", e.getClass().getName(),
                    interval);
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tvm-audit-linker");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::linkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops before the administration and its data source close (they are stopped in reverse phase order). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
