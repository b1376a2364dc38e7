package org.tvm.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmContext;
import org.tvm.ports.query.Connectivity;
import org.tvm.ports.query.FleetStatusView;

/**
 * The raw-JDBC baselines: what a careful hand-written JDBC data layer does for each measured operation, with the same
 * statements' effect as the library (same rows, same domain objects built and returned), the same context
 * ({@code set_config}) and the same role. Over 400 lines on purpose: one baseline per measured path, side by side, so a
 * reader can hold each against the adapters' code; split by path they would be harder to compare as a set.
 */
final class RawPaths {

    static final String TELEMETRY_COLUMNS = "facility_id, vehicle_id, \"timestamp\", latitude, longitude, heading, "
            + "speed_mps, acceleration_mps2, battery_level, battery_voltage, battery_current, lidar_status, camera_status, "
            + "imu_status, cpu_usage, memory_usage, disk_usage, error_codes";

    private static final String MISSION_COLUMNS = "m.id, m.facility_id, m.resident_id, m.vehicle_id, m.created_by_user_id, "
            + "m.pickup_location, ST_Y(m.pickup_coordinates::geometry), ST_X(m.pickup_coordinates::geometry), "
            + "m.dropoff_location, ST_Y(m.dropoff_coordinates::geometry), ST_X(m.dropoff_coordinates::geometry), "
            + "m.priority, m.status, m.scheduled_at, m.assigned_at, m.started_at, m.completed_at, m.notes, m.failure_reason, "
            + "m.last_progress, m.version, m.created_at, m.updated_at, m.deleted_at";

    /** Physical connections that already hold the session's staging table (created once per connection). */
    private static final Set<Object> STAGED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private RawPaths() {
    }

    // ------------------------------------------------------------------ telemetry

    /** COPY into a session temp table, then one INSERT ... SELECT into {@code target} (COPY FROM is refused under RLS). */
    static void ingest(DataSource ds, TvmContext ctx, List<TelemetrySample> samples, String target) {
        RawTx.run(ds, ctx, c -> {
            PGConnection pg = c.unwrap(PGConnection.class);
            if (STAGED.add(pg)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE IF NOT EXISTS bench_stage ON COMMIT DELETE ROWS AS SELECT "
                            + TELEMETRY_COLUMNS + " FROM telemetry WITH NO DATA");
                }
            }
            try {
                pg.getCopyAPI().copyIn("COPY pg_temp.bench_stage FROM STDIN", new StringReader(encode(samples)));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO " + target + " (" + TELEMETRY_COLUMNS + ") SELECT " + TELEMETRY_COLUMNS
                        + " FROM pg_temp.bench_stage");
            }
            return null;
        });
    }

    static String encode(List<TelemetrySample> samples) {
        StringBuilder sb = new StringBuilder(samples.size() * 200);
        for (TelemetrySample s : samples) {
            sb.append(s.facilityId().value()).append('\t').append(s.vehicleId().value()).append('\t')
                    .append(s.timestamp()).append('\t');
            num(sb, s.position() == null ? null : s.position().latitude());
            num(sb, s.position() == null ? null : s.position().longitude());
            num(sb, s.heading());
            num(sb, s.speedMps());
            num(sb, s.accelerationMps2());
            num(sb, s.batteryLevel());
            num(sb, s.batteryVoltage());
            num(sb, s.batteryCurrent());
            sb.append(s.lidarStatus() == null ? "\\N" : s.lidarStatus().code()).append('\t');
            sb.append(s.cameraStatus() == null ? "\\N" : s.cameraStatus().code()).append('\t');
            sb.append(s.imuStatus() == null ? "\\N" : s.imuStatus().code()).append('\t');
            num(sb, s.cpuUsage());
            num(sb, s.memoryUsageMb());
            num(sb, s.diskUsage());
            if (s.errorCodes().isEmpty()) {
                sb.append("{}");
            } else {
                sb.append('{').append(String.join(",", s.errorCodes())).append('}'); // bench codes are plain [A-Z0-9-]
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void num(StringBuilder sb, Number n) {
        if (n == null) {
            sb.append("\\N\t");
        } else {
            sb.append(n).append('\t');
        }
    }

    // ------------------------------------------------------------------ missions

    static Mission findMission(DataSource ds, TvmContext ctx, MissionId id) {
        return RawTx.run(ds, ctx, c -> findMission(c, ctx.facilityId(), id));
    }

    static Mission findMission(Connection c, FacilityId facility, MissionId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MISSION_COLUMNS
                + " FROM missions m WHERE m.facility_id = ? AND m.id = ? AND m.deleted_at IS NULL")) {
            ps.setObject(1, facility.value());
            ps.setObject(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mission(rs) : null;
            }
        }
    }

    static Mission mission(ResultSet rs) throws SQLException {
        UUID vehicle = rs.getObject(4, UUID.class);
        String progress = rs.getString(20);
        return Mission.builder().id(MissionId.of(rs.getObject(1, UUID.class)))
                .facilityId(FacilityId.of(rs.getObject(2, UUID.class))).residentId(ResidentId.of(rs.getObject(3, UUID.class)))
                .vehicleId(vehicle == null ? null : VehicleId.of(vehicle)).createdBy(UserId.of(rs.getObject(5, UUID.class)))
                .pickup(place(rs, 6)).dropoff(place(rs, 9)).priority(MissionPriority.fromCode(rs.getString(12)))
                .status(MissionStatus.fromCode(rs.getString(13))).scheduledAt(instant(rs, 14)).assignedAt(instant(rs, 15))
                .startedAt(instant(rs, 16)).completedAt(instant(rs, 17)).notes(rs.getString(18))
                .failureReason(rs.getString(19)).lastProgress(progress == null ? null : ProgressStep.fromCode(progress))
                .version(rs.getLong(21)).createdAt(instant(rs, 22)).updatedAt(instant(rs, 23)).deletedAt(instant(rs, 24))
                .build();
    }

    private static Place place(ResultSet rs, int i) throws SQLException {
        String label = rs.getString(i);
        double lat = rs.getDouble(i + 1);
        return rs.wasNull() ? Place.of(label) : Place.of(label, GeoPoint.of(lat, rs.getDouble(i + 2)));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    static void insertMission(DataSource ds, TvmContext ctx, MissionTransition created) {
        RawTx.run(ds, ctx, c -> {
            Mission m = created.mission();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO missions (id, facility_id, resident_id, "
                    + "created_by_user_id, pickup_location, pickup_coordinates, dropoff_location, dropoff_coordinates, "
                    + "priority, status, scheduled_at, notes, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                    + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, "
                    + "?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, m.id().value());
                ps.setObject(2, m.facilityId().value());
                ps.setObject(3, m.residentId().value());
                ps.setObject(4, m.createdBy().value());
                ps.setString(5, m.pickup().label());
                ps.setDouble(6, m.pickup().coordinates().longitude());
                ps.setDouble(7, m.pickup().coordinates().latitude());
                ps.setString(8, m.dropoff().label());
                ps.setDouble(9, m.dropoff().coordinates().longitude());
                ps.setDouble(10, m.dropoff().coordinates().latitude());
                ps.setString(11, m.priority().code());
                ps.setString(12, m.status().code());
                ps.setObject(13, ts(m.scheduledAt()));
                ps.setString(14, m.notes());
                ps.setLong(15, m.version());
                ps.setObject(16, ts(m.createdAt()));
                ps.setObject(17, ts(m.updatedAt()));
                ps.executeUpdate();
            }
            insertEvent(c, created);
            return null;
        });
    }

    static void insertEvent(Connection c, MissionTransition t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mission_events (facility_id, mission_id, vehicle_id, "
                + "event_type, details, created_at, created_by_user_id) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)")) {
            ps.setObject(1, t.event().facilityId().value());
            ps.setObject(2, t.event().missionId().value());
            ps.setObject(3, t.event().vehicleId() == null ? null : t.event().vehicleId().value());
            ps.setString(4, t.event().type().code());
            ps.setString(5, json(t.event().details()));
            ps.setObject(6, ts(t.event().occurredAt()));
            ps.setObject(7, t.event().triggeredBy() == null ? null : t.event().triggeredBy().value());
            ps.executeUpdate();
        }
    }

    static String json(Map<String, String> details) {
        StringBuilder sb = new StringBuilder("{");
        details.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"')); // bench details are ids only: no escaping needed
        return sb.append('}').toString();
    }

    /** Read, recordProgress (domain), optimistic UPDATE, event. */
    static void progress(DataSource ds, TvmContext ctx, MissionId id, Instant now) {
        RawTx.run(ds, ctx, c -> {
            Mission m = findMission(c, ctx.facilityId(), id);
            MissionTransition t = m.recordProgress(ProgressStep.next(m.lastProgress()), now, ctx.actorUserId().orElse(null));
            updateMission(c, t);
            insertEvent(c, t);
            return null;
        });
    }

    private static void updateMission(Connection c, MissionTransition t) throws SQLException {
        Mission m = t.mission();
        try (PreparedStatement ps = c.prepareStatement("UPDATE missions SET status = ?, vehicle_id = ?, assigned_at = ?, "
                + "last_progress = ?, version = version + 1, updated_at = ? WHERE facility_id = ? AND id = ? AND version = ?")) {
            ps.setString(1, m.status().code());
            ps.setObject(2, m.vehicleId() == null ? null : m.vehicleId().value());
            ps.setObject(3, ts(m.assignedAt()));
            ps.setString(4, m.lastProgress() == null ? null : m.lastProgress().code());
            ps.setObject(5, ts(m.updatedAt()));
            ps.setObject(6, m.facilityId().value());
            ps.setObject(7, m.id().value());
            ps.setLong(8, t.expectedVersion());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("stale mission " + m.id());
            }
        }
    }

    // ------------------------------------------------------------------ dispatch

    /** Claim the next due pending mission (SKIP LOCKED), nearest available vehicle (KNN), assign both, event. */
    static int dispatchOne(DataSource ds, TvmContext ctx, Instant now) {
        return RawTx.run(ds, ctx, c -> {
            Mission m;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MISSION_COLUMNS + " FROM missions m "
                    + "WHERE m.facility_id = ? AND m.status = 'pending' AND m.deleted_at IS NULL "
                    + "AND (m.scheduled_at IS NULL OR m.scheduled_at <= ?) ORDER BY CASE m.priority WHEN 'urgent' THEN 1 "
                    + "WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END, m.created_at, m.id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                ps.setObject(1, ctx.facilityId().value());
                ps.setObject(2, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    m = mission(rs);
                }
            }
            GeoPoint p = m.pickup().coordinates();
            UUID vehicle;
            long vehicleVersion;
            try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.version FROM vehicles v WHERE v.facility_id = ? "
                    + "AND v.deleted_at IS NULL AND v.status = 'idle' AND v.last_heartbeat > ? AND v.battery_level >= ? "
                    + "AND v.current_point IS NOT NULL AND NOT EXISTS (SELECT 1 FROM missions a WHERE a.vehicle_id = v.id "
                    + "AND a.facility_id = v.facility_id AND a.status IN ('assigned', 'in_progress') AND a.deleted_at IS NULL) "
                    + "ORDER BY v.current_point <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography LIMIT 1")) {
                ps.setObject(1, ctx.facilityId().value());
                ps.setObject(2, ts(now.minusSeconds(300)));
                ps.setInt(3, 20);
                ps.setDouble(4, p.longitude());
                ps.setDouble(5, p.latitude());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    vehicle = rs.getObject(1, UUID.class);
                    vehicleVersion = rs.getLong(2);
                }
            }
            MissionTransition t = m.assign(VehicleId.of(vehicle), now, ctx.actorUserId().orElse(null));
            updateMission(c, t);
            try (PreparedStatement ps = c.prepareStatement("UPDATE vehicles SET current_mission_id = ?, status = 'navigating', "
                    + "version = version + 1 WHERE facility_id = ? AND id = ? AND version = ? AND deleted_at IS NULL")) {
                ps.setObject(1, m.id().value());
                ps.setObject(2, ctx.facilityId().value());
                ps.setObject(3, vehicle);
                ps.setLong(4, vehicleVersion);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("stale vehicle");
                }
            }
            insertEvent(c, t);
            return 1;
        });
    }

    // ------------------------------------------------------------------ fleet

    /** One UPDATE for the whole fleet (arrays of ids, instants, batteries, locations), out-of-order beats ignored. */
    static void heartbeats(DataSource ds, TvmContext ctx, List<VehicleId> vehicles, Instant at, int battery,
            List<String> locationsJson) {
        RawTx.run(ds, ctx, c -> {
            int n = vehicles.size();
            Object[] ids = new Object[n];
            for (int i = 0; i < n; i++) {
                ids[i] = vehicles.get(i).value();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE vehicles v SET last_heartbeat = ?, battery_level = ?, "
                    + "current_location = CAST(h.loc AS jsonb) FROM unnest(?::uuid[], ?::text[]) AS h(id, loc) "
                    + "WHERE v.facility_id = ? AND v.id = h.id AND v.deleted_at IS NULL "
                    + "AND (v.last_heartbeat IS NULL OR v.last_heartbeat < ?)")) {
                Array idArray = c.createArrayOf("uuid", ids);
                Array locArray = c.createArrayOf("text", locationsJson.toArray());
                ps.setObject(1, ts(at));
                ps.setInt(2, battery);
                ps.setArray(3, idArray);
                ps.setArray(4, locArray);
                ps.setObject(5, ctx.facilityId().value());
                ps.setObject(6, ts(at));
                ps.executeUpdate();
            }
            return null;
        });
    }

    static List<FleetStatusView> fleetStatus(DataSource ds, TvmContext ctx, Instant now) {
        return RawTx.run(ds, ctx, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.name, v.status, v.battery_level, "
                    + "v.current_location->>'zone', v.last_heartbeat FROM vehicles v WHERE v.facility_id = ? "
                    + "AND v.deleted_at IS NULL ORDER BY v.name COLLATE \"C\", v.id")) {
                ps.setObject(1, ctx.facilityId().value());
                List<FleetStatusView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int battery = rs.getInt(4);
                        Integer b = rs.wasNull() ? null : battery;
                        Instant hb = instant(rs, 6);
                        out.add(new FleetStatusView(VehicleId.of(rs.getObject(1, UUID.class)), rs.getString(2),
                                VehicleStatus.fromCode(rs.getString(3)), b, rs.getString(5), hb, Connectivity.at(hb, now)));
                    }
                }
                return out;
            }
        });
    }

    /** One of the spec's four queries, verbatim (RLS scopes it to the context facility), every column read. */
    static int specQuery(DataSource ds, TvmContext ctx, String sql, UUID param) {
        return RawTx.run(ds, ctx, c -> readAll(c, sql, param));
    }

    /**
     * Spec query 1 as the library serves it: the dashboard shows resident names, so the residents shown are recorded
     * as read (one data-access row per distinct resident, one multi-row INSERT, in the same transaction).
     */
    static int activeMissionsRecordingReads(DataSource ds, TvmContext ctx, String sql) {
        return RawTx.run(ds, ctx, c -> {
            List<UUID> missions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    missions.add(rs.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO data_access_logs (facility_id, user_id, "
                    + "resident_id, access_type, accessed_at) SELECT DISTINCT m.facility_id, ?, m.resident_id, 'read', "
                    + "now() FROM missions m WHERE m.id = ANY (?)")) {
                ps.setObject(1, ctx.actorUserId().map(u -> u.value()).orElse(null));
                ps.setArray(2, c.createArrayOf("uuid", missions.toArray()));
                ps.executeUpdate();
            }
            return missions.size();
        });
    }

    static int readAll(Connection c, String sql, UUID param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
