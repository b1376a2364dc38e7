package org.tvm.ports.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;

/**
 * Mission KPIs of one facility for one UTC day (missions requested that day).
 *
 * @param day                   the UTC day of the requests
 * @param requested             missions requested that day
 * @param byStatus              their current status (every status present, 0 when none)
 * @param byPriority            their priority (every priority present)
 * @param meanWaitSeconds       mean seconds from request to the vehicle's arrival at pickup (of those that arrived)
 * @param p95WaitSeconds        95th percentile of the same (nearest-rank)
 * @param meanTripSeconds       mean seconds from start to completion (completed missions)
 * @param completionRate        completed / finished (completed + cancelled + failed); empty when none finished
 * @param cancellationsByReason cancelled missions by reason ("(none)" when no reason was given)
 * @param failuresByReason      failed missions by reason
 */
public record MissionDayKpis(LocalDate day, long requested, Map<MissionStatus, Long> byStatus,
                             Map<MissionPriority, Long> byPriority, OptionalDouble meanWaitSeconds,
                             OptionalDouble p95WaitSeconds, OptionalDouble meanTripSeconds, OptionalDouble completionRate,
                             Map<String, Long> cancellationsByReason, Map<String, Long> failuresByReason) {
    public MissionDayKpis {
        Objects.requireNonNull(day, "day");
        byStatus = Map.copyOf(byStatus);
        byPriority = Map.copyOf(byPriority);
        cancellationsByReason = Map.copyOf(cancellationsByReason);
        failuresByReason = Map.copyOf(failuresByReason);
    }
}
