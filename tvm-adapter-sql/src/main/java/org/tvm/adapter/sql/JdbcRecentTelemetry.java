package org.tvm.adapter.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tvm.ports.query.TelemetryPoint;

/**
 * The recent-telemetry dashboard (spec 8.1 query 3) for both SQL adapters, read with plain JDBC on the unit of work's
 * own connection: the six columns the read model needs. A vehicle streaming at 10 Hz has 36,000 samples an hour, so
 * the query returns its full 1,000 rows, and building 1,000 entities or mapped rows of all twenty columns doubled the
 * time of the same query read by hand (the bench's dashboard query 3 row).
 */
public final class JdbcRecentTelemetry {

    // newest first, ties by id: the index (vehicle_id, timestamp DESC) gives the order, an incremental sort the ties
    private static final String SQL = "SELECT t.\"timestamp\", t.latitude, t.longitude, t.speed_mps, t.battery_level, "
            + "t.error_codes FROM telemetry t WHERE t.facility_id = ? AND t.vehicle_id = ? AND t.\"timestamp\" > ? "
            + "ORDER BY t.\"timestamp\" DESC, t.id DESC LIMIT ?";

    private JdbcRecentTelemetry() {
    }

    /**
     * @param c        the unit of work's connection (its context already published)
     * @param facility the context facility
     * @param vehicle  the vehicle
     * @param after    only samples strictly after this instant
     * @param limit    at most this many samples
     * @return the vehicle's samples after {@code after}, newest first (ties: higher id first)
     */
    public static List<TelemetryPoint> read(Connection c, UUID facility, UUID vehicle, Instant after, int limit)
            throws SQLException {
        Objects.requireNonNull(after, "after");
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setObject(1, facility);
            ps.setObject(2, vehicle);
            ps.setObject(3, OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
            ps.setInt(4, limit);
            List<TelemetryPoint> points = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double latitude = number(rs, 2);
                    Double longitude = number(rs, 3);
                    Double speed = number(rs, 4);
                    int battery = rs.getInt(5);
                    Integer batteryLevel = rs.wasNull() ? null : battery;
                    points.add(new TelemetryPoint(rs.getObject(1, OffsetDateTime.class).toInstant(), latitude, longitude,
                            speed, batteryLevel, codes(rs.getArray(6))));
                }
            }
            return points;
        }
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> codes(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }
}
