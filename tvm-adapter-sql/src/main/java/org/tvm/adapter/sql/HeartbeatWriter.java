package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.ports.NotFoundException;

/**
 * A fleet's heartbeats in a constant number of statements, for both SQL adapters
 * ({@link org.tvm.ports.VehicleRepository#recordHeartbeats}). PostgreSQL: one {@code UPDATE ... FROM unnest(...)} over
 * arrays of ids, instants, batteries and locations. H2 (no UPDATE ... FROM): one JDBC batch per statement shape. Only
 * when fewer rows changed than heartbeats were given, one more query tells an unknown vehicle from an out-of-order
 * heartbeat. Nothing is read back.
 */
public final class HeartbeatWriter {

    private static final String POSTGRES = "UPDATE vehicles v SET last_heartbeat = h.at, "
            + "battery_level = COALESCE(h.battery, v.battery_level), "
            + "current_location = COALESCE(CAST(h.loc AS jsonb), v.current_location) "
            + "FROM unnest(CAST(? AS uuid[]), CAST(? AS timestamptz[]), CAST(? AS integer[]), CAST(? AS text[])) "
            + "AS h(id, at, battery, loc) "
            + "WHERE v.facility_id = ? AND v.id = h.id AND v.deleted_at IS NULL "
            + "AND (v.last_heartbeat IS NULL OR v.last_heartbeat < h.at)";

    private static final String EXISTING = "SELECT id FROM vehicles WHERE facility_id = ? AND deleted_at IS NULL "
            + "AND id = ANY (?)";

    private HeartbeatWriter() {
    }

    /**
     * @throws IllegalArgumentException if a vehicle appears more than once (call before any SQL)
     */
    public static void requireOnePerVehicle(List<VehicleHeartbeat> heartbeats) {
        Set<UUID> seen = new HashSet<>();
        for (VehicleHeartbeat h : heartbeats) {
            if (!seen.add(h.vehicleId().value())) {
                throw new IllegalArgumentException("heartbeats: vehicle " + h.vehicleId() + " appears more than once");
            }
        }
    }

    /**
     * Applies the heartbeats on the caller's connection and transaction.
     *
     * @return the number applied (not ignored as out of order)
     * @throws NotFoundException if a vehicle does not exist (non-deleted) in the facility
     */
    public static int record(Connection c, UUID facility, List<VehicleHeartbeat> heartbeats) throws SQLException {
        if (heartbeats.isEmpty()) {
            return 0;
        }
        int applied = c.isWrapperFor(PGConnection.class) ? postgres(c, facility, heartbeats) : batches(c, facility, heartbeats);
        if (applied < heartbeats.size()) {
            requireAllExist(c, facility, heartbeats);
        }
        return applied;
    }

    private static int postgres(Connection c, UUID facility, List<VehicleHeartbeat> heartbeats) throws SQLException {
        int n = heartbeats.size();
        Object[] ids = new Object[n];
        Object[] ats = new Object[n];
        Object[] batteries = new Object[n];
        Object[] locations = new Object[n];
        for (int i = 0; i < n; i++) {
            VehicleHeartbeat h = heartbeats.get(i);
            ids[i] = h.vehicleId().value();
            ats[i] = h.at().toString(); // ISO-8601 with Z: PostgreSQL's timestamptz input reads it exactly
            batteries[i] = h.batteryLevel();
            locations[i] = h.location() == null ? null : h.location().toJson();
        }
        try (PreparedStatement ps = c.prepareStatement(POSTGRES)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("text", ats));
            ps.setArray(3, c.createArrayOf("int4", batteries));
            ps.setArray(4, c.createArrayOf("text", locations));
            ps.setObject(5, facility);
            return ps.executeUpdate();
        }
    }

    /** One batch per shape (battery given or not, location given or not): null leaves the stored value. */
    private static int batches(Connection c, UUID facility, List<VehicleHeartbeat> heartbeats) throws SQLException {
        int applied = 0;
        for (int shape = 0; shape < 4; shape++) {
            boolean battery = (shape & 1) != 0;
            boolean location = (shape & 2) != 0;
            String sql = "UPDATE vehicles SET last_heartbeat = ?" + (battery ? ", battery_level = ?" : "")
                    + (location ? ", current_location = ? FORMAT JSON" : "")
                    + " WHERE facility_id = ? AND id = ? AND deleted_at IS NULL AND (last_heartbeat IS NULL OR last_heartbeat < ?)";
            PreparedStatement ps = null;
            try {
                for (VehicleHeartbeat h : heartbeats) {
                    if ((h.batteryLevel() != null) != battery || (h.location() != null) != location) {
                        continue;
                    }
                    if (ps == null) {
                        ps = c.prepareStatement(sql);
                    }
                    OffsetDateTime at = OffsetDateTime.ofInstant(h.at(), ZoneOffset.UTC);
                    int i = 1;
                    ps.setObject(i++, at);
                    if (battery) {
                        ps.setInt(i++, h.batteryLevel());
                    }
                    if (location) {
                        ps.setString(i++, h.location().toJson());
                    }
                    ps.setObject(i++, facility);
                    ps.setObject(i++, h.vehicleId().value());
                    ps.setObject(i, at, Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.addBatch();
                }
                if (ps != null) {
                    for (int count : ps.executeBatch()) {
                        applied += Math.max(count, 0);
                    }
                }
            } finally {
                if (ps != null) {
                    ps.close();
                }
            }
        }
        return applied;
    }

    private static void requireAllExist(Connection c, UUID facility, List<VehicleHeartbeat> heartbeats) throws SQLException {
        Object[] ids = heartbeats.stream().map(h -> h.vehicleId().value()).toArray();
        Set<UUID> existing = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
            ps.setObject(1, facility);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getObject(1, UUID.class));
                }
            }
        }
        for (VehicleHeartbeat h : heartbeats) {
            if (!existing.contains(h.vehicleId().value())) {
                throw new NotFoundException("Vehicle", h.vehicleId());
            }
        }
    }
}
