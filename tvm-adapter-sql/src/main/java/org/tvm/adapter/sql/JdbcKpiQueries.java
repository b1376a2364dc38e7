package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.query.KpiQueries;
import org.tvm.ports.query.Kpis;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.MissionFacts;
import org.tvm.ports.query.VehicleKpis;

/**
 * {@link KpiQueries} for both SQL adapters: the same SQL over the mission summary ({@code facility_mission_summary}
 * on PostgreSQL, where the application role may not read the materialized view itself; the plain view
 * {@code mission_summary} on H2) on the unit of work's own connection, arithmetic in {@link Kpis}.
 */
public final class JdbcKpiQueries implements KpiQueries {

    /** How an adapter lends its transaction's connection (and translates errors its way). */
    public interface Reads {
        /** Runs {@code work} on the transaction's connection; {@code entity} names what is read, for errors. */
        <T> T read(String entity, SqlWork<T> work);
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private static final String FACTS = "SELECT id, status, priority, vehicle_id, created_at, assigned_at, pickup_arrived_at, "
            + "started_at, completed_at, finished_at, failure_reason, end_details FROM %s WHERE facility_id = ? AND ";

    private final Reads reads;
    private final UUID facility;
    private final String summary;

    /**
     * @param reads    the adapter's connection access
     * @param facility the unit of work's facility
     * @param postgres whether the database is PostgreSQL (picks the summary view the application may read)
     */
    public JdbcKpiQueries(Reads reads, UUID facility, boolean postgres) {
        this.reads = reads;
        this.facility = facility;
        this.summary = postgres ? "facility_mission_summary" : "mission_summary";
    }

    @Override
    public List<MissionDayKpis> missionDays(LocalDate fromInclusive, LocalDate toExclusive) {
        Kpis.checkDays(fromInclusive, toExclusive);
        return Kpis.missionDays(reads.read("Mission", c -> facts(c, "created_at >= ? AND created_at < ?",
                Kpis.start(fromInclusive), Kpis.start(toExclusive))));
    }

    @Override
    public List<VehicleKpis> fleet(Instant fromInclusive, Instant toExclusive) {
        Kpis.checkWindow(fromInclusive, toExclusive);
        return reads.read("Vehicle", c -> {
            List<MissionFacts> missions = facts(c, "assigned_at < ? AND (finished_at IS NULL OR finished_at >= ?)",
                    toExclusive, fromInclusive);
            Map<UUID, String> vehicles = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name FROM vehicles WHERE facility_id = ? AND deleted_at IS NULL")) {
                MaintenanceDatabase.bind(ps, facility);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        vehicles.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            Map<UUID, List<VehicleLogEntry>> logs = new LinkedHashMap<>();
            // a day before the window: a charging session may have started before it
            try (PreparedStatement ps = c.prepareStatement("SELECT vehicle_id, level, code, message, logged_at FROM vehicle_logs "
                    + "WHERE facility_id = ? AND logged_at >= ? AND logged_at < ?")) {
                MaintenanceDatabase.bind(ps, facility, fromInclusive.minusSeconds(86_400), toExclusive);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID v = rs.getObject(1, UUID.class);
                        logs.computeIfAbsent(v, k -> new ArrayList<>()).add(VehicleLogEntry.builder().vehicleId(VehicleId.of(v))
                                .facilityId(FacilityId.of(facility)).level(LogLevel.fromCode(rs.getString(2)))
                                .code(rs.getString(3)).message(rs.getString(4)).loggedAt(instant(rs, 5)).build());
                    }
                }
            }
            List<VehicleKpis> out = new ArrayList<>();
            vehicles.forEach((id, name) -> out.add(Kpis.vehicle(VehicleId.of(id), name, fromInclusive, toExclusive, missions,
                    logs.getOrDefault(id, List.of()))));
            out.sort(Comparator.comparing(VehicleKpis::name).thenComparing(k -> k.vehicleId().toString()));
            return out;
        });
    }

    private List<MissionFacts> facts(Connection c, String where, Instant a, Instant b) throws SQLException {
        List<MissionFacts> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(String.format(FACTS, summary) + where)) {
            MaintenanceDatabase.bind(ps, facility, a, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MissionStatus status = MissionStatus.fromCode(rs.getString(2));
                    String reason = rs.getString(11);
                    if (status == MissionStatus.CANCELLED
                            && JsonDetailsCodec.read(rs.getString(12)).members().get("reason") instanceof JsonValue.Text t) {
                        reason = t.value();
                    }
                    UUID vehicle = rs.getObject(4, UUID.class);
                    out.add(new MissionFacts(MissionId.of(rs.getObject(1, UUID.class)), status,
                            MissionPriority.fromCode(rs.getString(3)), vehicle == null ? null : VehicleId.of(vehicle),
                            instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10),
                            status == MissionStatus.CANCELLED || status == MissionStatus.FAILED ? reason : null));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
