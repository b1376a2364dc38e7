package org.tvm.ports.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * KPI read models of the context facility, over the mission summary (spec §8.2). On PostgreSQL the summary is a
 * materialized view: the numbers are as fresh as its last refresh ({@code TvmAdministration.refreshMissionSummary},
 * which the maintenance job runs); elsewhere they are current. Vehicle logs are read live.
 */
public interface KpiQueries {

    /**
     * @param fromInclusive non-null first UTC day
     * @param toExclusive   non-null day after the last; at most 366 days after {@code fromInclusive}
     * @return one entry per day that has requests, oldest first
     * @throws IllegalArgumentException if the range is empty, reversed or longer than 366 days
     */
    List<MissionDayKpis> missionDays(LocalDate fromInclusive, LocalDate toExclusive);

    /**
     * @param fromInclusive non-null window start
     * @param toExclusive   non-null window end, after {@code fromInclusive}
     * @return one entry per non-deleted vehicle of the facility, by name then id
     * @throws IllegalArgumentException if the window is empty or reversed
     */
    List<VehicleKpis> fleet(Instant fromInclusive, Instant toExclusive);
}
