package org.tvm.ports;

import java.time.Instant;
import java.util.List;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.TelemetryPoint;
import org.tvm.ports.query.TimelineEntry;

/**
 * The dashboard queries of spec section 8.1, scoped to the context facility. Read-only: all methods work in
 * {@link TvmPersistence#inReadOnlyTransaction} and do not record resident data accesses.
 * Obtained from {@link TvmTransaction#operations()}; general rules in the package documentation.
 */
public interface OperationsQueries {

    /**
     * Query 1: non-deleted missions with status pending, assigned or in_progress, ordered by priority rank (urgent first),
     * then createdAt ascending, then id. The spec's dashboard uses limit 50. The rows carry resident names, so, like a
     * resident read, the query records one {@code read} data-access entry per distinct resident shown (context actor,
     * one batched insert, same transaction) and is not allowed in a read-only transaction.
     *
     * @param limit maximum rows, 1..1000
     * @return the rows in that order; empty if none
     * @throws IllegalArgumentException if limit is out of range
     * @throws IllegalStateException    in a read-only transaction (nothing read)
     */
    List<ActiveMissionView> activeMissions(int limit);

    /**
     * Query 2: every non-deleted vehicle of the facility ordered by name, then id, with connectivity
     * {@link org.tvm.ports.query.Connectivity#at(Instant, Instant) evaluated at now} (the spec uses {@code NOW()};
     * the parameter makes it deterministic).
     *
     * @param now non-null evaluation instant
     * @return the rows in that order; empty if none
     */
    List<FleetStatusView> fleetStatus(Instant now);

    /**
     * Query 3: samples of the vehicle with timestamp strictly after {@code now - 1 hour} (no upper bound, as in the spec),
     * newest first (timestamp descending, then reverse insertion order), at most 1000.
     *
     * @param vehicleId non-null vehicle id (soft-deleted vehicles included)
     * @param now       non-null evaluation instant
     * @return the points in that order; empty for unknown vehicles
     */
    List<TelemetryPoint> recentTelemetry(VehicleId vehicleId, Instant now);

    /**
     * Query 4: all events of the mission, oldest first (occurredAt ascending, then insertion order), with the e-mail of
     * the triggering user (also for soft-deleted users; null when no user triggered the event).
     *
     * @param missionId non-null mission id (soft-deleted missions included)
     * @return the timeline; empty for unknown missions
     */
    List<TimelineEntry> missionTimeline(MissionId missionId);
}
