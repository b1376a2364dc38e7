package org.tvm.examples.snippets;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.TvmMaintenance;

/** The README's in-process maintenance schedule: the nightly job on the application's own executor. */
public final class ScheduledMaintenance {

    private ScheduledMaintenance() {
    }

    /**
     * @param adminDataSource the admin pool
     * @param executor        the application's scheduler
     * @return the daily run, first after five minutes; cancel it (and close the maintenance) on shutdown
     */
    public static ScheduledFuture<?> daily(DataSource adminDataSource, ScheduledExecutorService executor) {
        // tag::schedule[]
        TvmMaintenance maintenance = JpaTvmPersistence.maintenance(adminDataSource);   // or MyBatisTvmPersistence
        ScheduledFuture<?> daily = maintenance.schedule(executor, RetentionPolicy.defaults(), Duration.ofMinutes(5), Duration.ofDays(1));
        // end::schedule[]
        return daily;
    }
}
