package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tvm.adapter.mybatis.mapper.OperationsMapper;
import org.tvm.adapter.mybatis.row.ActiveMissionRow;
import org.tvm.adapter.sql.JdbcFleetStatus;
import org.tvm.adapter.sql.JdbcRecentTelemetry;
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

/** The spec's dashboard queries (8.1), each one SQL statement. */
final class MyBatisOperationsQueries implements OperationsQueries {

    private final MyBatisTransaction tx;
    private final OperationsMapper mapper;

    MyBatisOperationsQueries(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(OperationsMapper.class);
    }

    @Override
    public List<ActiveMissionView> activeMissions(int limit) {
        PageRequest.checkLimit(limit);
        // resident names are shown: the reads are recorded (GDPR), in the same transaction
        return tx.write("Mission", "OperationsQueries.activeMissions (it records data accesses)", () -> {
            List<ActiveMissionRow> rows = mapper.activeMissions(tx.facility(), limit);
            ((MyBatisResidentRepository) tx.residents()).recordAccess(rows.stream().map(r -> r.residentId).distinct().toList(),
                    org.tvm.domain.audit.DataAccessType.READ);
            return rows.stream()
                    .map(r -> new ActiveMissionView(MissionId.of(r.id), MissionStatus.fromCode(r.status),
                            MissionPriority.fromCode(r.priority), r.pickupLocation, r.dropoffLocation, r.residentName,
                            r.vehicleName, r.createdAt))
                    .toList();
        });
    }

    @Override
    public List<FleetStatusView> fleetStatus(Instant now) {
        requireNonNull(now, "now");
        return tx.readJdbc("Vehicle", c -> JdbcFleetStatus.read(c, tx.dialect.database(), tx.facility(), now));
    }

    @Override
    public List<TelemetryPoint> recentTelemetry(VehicleId vehicleId, Instant now) {
        requireNonNull(vehicleId, "vehicleId");
        requireNonNull(now, "now");
        return tx.readJdbc("TelemetrySample", c -> JdbcRecentTelemetry.read(c, tx.facility(), vehicleId.value(),
                now.minus(Duration.ofHours(1)), PageRequest.MAX_LIMIT));
    }

    @Override
    public List<TimelineEntry> missionTimeline(MissionId missionId) {
        requireNonNull(missionId, "missionId");
        return tx.read("MissionEvent", () -> mapper.timeline(tx.facility(), missionId.value()).stream()
                .map(r -> new TimelineEntry(MissionEventType.fromCode(r.eventType),
                        r.details == null ? Map.of() : r.details.asText(), r.createdAt, r.triggeredByEmail))
                .toList());
    }
}
