package org.tvm.adapter.jpa.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tvm.adapter.sql.JdbcFleetStatus;
import org.tvm.adapter.sql.JdbcRecentTelemetry;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.OperationsQueries;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.ports.query.FleetStatusView;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.query.TelemetryPoint;
import org.tvm.ports.query.TimelineEntry;

/** {@link OperationsQueries}: the spec's four dashboard queries as single joined HQL queries. */
final class JpaOperationsQueries implements OperationsQueries {

    private final JpaTransaction tx;

    JpaOperationsQueries(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<ActiveMissionView> activeMissions(int limit) {
        PageRequest.checkLimit(limit);
        tx.checkWritable("OperationsQueries.activeMissions (it records data accesses)"); // resident names are shown (GDPR)
        List<Object[]> rows = tx.read("Mission", () -> tx.session().createSelectionQuery("select m.id, m.status, "
                        + "m.priority, m.pickupLocation, m.dropoffLocation, r.firstName, r.lastName, v.name, m.createdAt, r.id "
                        + "from MissionEntity m join ResidentEntity r on r.id = m.residentId and r.facilityId = m.facilityId "
                        + "left join VehicleEntity v on v.id = m.vehicleId and v.facilityId = m.facilityId "
                        + "where m.facilityId = :f and m.deletedAt is null and m.status in ('pending', 'assigned', 'in_progress') "
                        + "order by case m.priority when 'urgent' then 1 when 'high' then 2 when 'normal' then 3 else 4 end, "
                        + "m.createdAt, m.id", Object[].class)
                .setParameter("f", tx.facility()).setMaxResults(limit).getResultList());
        ((JpaResidentRepository) tx.residents()).recordAccess(
                rows.stream().map(r -> (UUID) r[9]).distinct().toList(), org.tvm.domain.audit.DataAccessType.READ);
        return rows.stream()
                .map(r -> new ActiveMissionView(MissionId.of((UUID) r[0]), MissionStatus.fromCode((String) r[1]),
                        MissionPriority.fromCode((String) r[2]), (String) r[3], (String) r[4], r[5] + " " + r[6],
                        (String) r[7], (Instant) r[8]))
                .toList();
    }

    @Override
    public List<FleetStatusView> fleetStatus(Instant now) {
        Objects.requireNonNull(now, "now");
        return tx.readJdbc("Vehicle", c -> JdbcFleetStatus.read(c, tx.dialect().database(), tx.facility(), now));
    }

    @Override
    public List<TelemetryPoint> recentTelemetry(VehicleId vehicleId, Instant now) {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(now, "now");
        return tx.readJdbc("TelemetrySample", c -> JdbcRecentTelemetry.read(c, tx.facility(), vehicleId.value(),
                now.minus(Duration.ofHours(1)), PageRequest.MAX_LIMIT));
    }

    @Override
    public List<TimelineEntry> missionTimeline(MissionId missionId) {
        Objects.requireNonNull(missionId, "missionId");
        return tx.read("MissionEvent", () -> tx.session().createSelectionQuery("select e.eventType, e.details, e.createdAt, "
                        + "u.email from MissionEventEntity e left join UserEntity u on u.id = e.createdByUserId "
                        + "and u.facilityId = e.facilityId where e.missionId = :m and e.facilityId = :f "
                        + "order by e.createdAt, e.id", Object[].class)
                .setParameter("m", missionId.value()).setParameter("f", tx.facility()).getResultList().stream()
                .map(r -> new TimelineEntry(MissionEventType.fromCode((String) r[0]),
                        JsonDetailsCodec.read((String) r[1]).asText(), (Instant) r[2], (String) r[3]))
                .toList());
    }
}
