package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The shared telemetry writer on PostgreSQL (as the application role, RLS on) and on H2. */
class TelemetryBulkWriterTest {

    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");

    @Test
    void appendsInInputOrderAndEveryValueRoundTrips() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        UUID[] fv = facilityWithVehicle(db.adminDataSource());
        List<TelemetrySample> first = List.of(full(fv, T0, List.of("E\t1", "q\"uo\\te", "ümlaut 🚗")), sparse(fv, T0));
        List<TelemetrySample> second = List.of(full(fv, T0.plusSeconds(1), List.of()));
        try (Connection c = app(db, fv[0])) {
            assertThat(TelemetryBulkWriter.append(c, first)).isEqualTo(2);
            assertThat(TelemetryBulkWriter.append(c, second)).isEqualTo(1); // only its own rows move
            c.commit();
        }
        List<String> rows = rows(db.adminDataSource(), fv[1]);
        assertThat(rows).containsExactly(
                "2026-03-04T05:06:07.123456Z|52.5200001|-13.4050002|359.99|1.25|-0.50|100|24.10|-1.50|ok|degraded|error|0|512|100|{\"E\t1\",\"q\\\"uo\\\\te\",\"ümlaut 🚗\"}",
                "2026-03-04T05:06:07.123456Z|null|null|null|null|null|null|null|null|null|null|null|null|null|null|{}",
                "2026-03-04T05:06:08.123456Z|52.5200001|-13.4050002|359.99|1.25|-0.50|100|24.10|-1.50|ok|degraded|error|0|512|100|{}");
    }

    @Test
    void aRolledBackFirstAppendLeavesTheConnectionUsable() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        UUID[] fv = facilityWithVehicle(db.adminDataSource());
        try (Connection c = app(db, fv[0])) {
            TelemetryBulkWriter.append(c, List.of(sparse(fv, T0)));
            c.rollback(); // the staging table created by this transaction is gone again
            publish(c, fv[0]);
            TelemetryBulkWriter.append(c, List.of(sparse(fv, T0), sparse(fv, T0)));
            c.commit();
            publish(c, fv[0]);
            TelemetryBulkWriter.append(c, List.of(sparse(fv, T0)));
            c.commit();
        }
        assertThat(rows(db.adminDataSource(), fv[1])).hasSize(3);
    }

    @Test
    void rowLevelSecurityStillRejectsAnotherFacilitysRows() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        UUID[] mine = facilityWithVehicle(db.adminDataSource());
        UUID[] other = facilityWithVehicle(db.adminDataSource());
        try (Connection c = app(db, mine[0])) {
            assertThatThrownBy(() -> TelemetryBulkWriter.append(c, List.of(sparse(other, T0))))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            c.rollback();
        }
        assertThat(rows(db.adminDataSource(), other[1])).isEmpty();
    }

    @Test
    void streamsAppendsOfAnySizeWithoutMaterialisingThem() throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        UUID[] fv = facilityWithVehicle(db.adminDataSource());
        int n = 60_000; // ~8 MB of COPY text through one 64 KiB buffer; the samples themselves are made on demand
        List<TelemetrySample> lazy = new AbstractList<>() {
            @Override
            public TelemetrySample get(int i) {
                return full(fv, T0.plusMillis(100L * i), List.of());
            }

            @Override
            public int size() {
                return n;
            }
        };
        try (Connection c = app(db, fv[0])) {
            assertThat(TelemetryBulkWriter.append(c, lazy)).isEqualTo(n);
            c.commit();
        }
        assertThat(rows(db.adminDataSource(), fv[1])).hasSize(n);
    }

    @Test
    void h2GetsJdbcBatches() throws SQLException {
        try (H2TestDatabase h2 = TestDatabases.h2()) {
            UUID[] fv = facilityWithVehicle(h2.dataSource());
            List<TelemetrySample> samples = new ArrayList<>();
            for (int i = 0; i < TelemetryBulkWriter.BATCH + 3; i++) {
                samples.add(i == 1 ? full(fv, T0, List.of("E-1", "E-2")) : sparse(fv, T0.plusSeconds(i)));
            }
            try (Connection c = h2.dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertThat(TelemetryBulkWriter.append(c, samples)).isEqualTo(samples.size());
                c.commit();
            }
            try (Connection c = h2.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*), max(cardinality(error_codes)) FROM telemetry "
                         + "WHERE vehicle_id = ?")) {
                ps.setObject(1, fv[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(samples.size());
                    assertThat(rs.getInt(2)).isEqualTo(2);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static TelemetrySample full(UUID[] fv, Instant at, List<String> errors) {
        return TelemetrySample.builder().facilityId(FacilityId.of(fv[0])).vehicleId(VehicleId.of(fv[1])).timestamp(at)
                .position(GeoPoint.of(52.5200001, -13.4050002)).heading(359.99).speedMps(1.25).accelerationMps2(-0.5)
                .batteryLevel(100).batteryVoltage(24.1).batteryCurrent(-1.5).lidarStatus(SensorStatus.OK)
                .cameraStatus(SensorStatus.DEGRADED).imuStatus(SensorStatus.ERROR).cpuUsage(0).memoryUsageMb(512)
                .diskUsage(100).errorCodes(errors).build();
    }

    static TelemetrySample sparse(UUID[] fv, Instant at) {
        return TelemetrySample.builder().facilityId(FacilityId.of(fv[0])).vehicleId(VehicleId.of(fv[1])).timestamp(at).build();
    }

    /** A facility and one vehicle, written as admin. */
    static UUID[] facilityWithVehicle(DataSource admin) throws SQLException {
        UUID f = UUID.randomUUID();
        UUID v = UUID.randomUUID();
        try (Connection c = admin.getConnection();
             PreparedStatement pf = c.prepareStatement("INSERT INTO facilities (id, name) VALUES (?, 'writer test')");
             PreparedStatement pv = c.prepareStatement("INSERT INTO vehicles (id, facility_id, name) VALUES (?, ?, ?)")) {
            pf.setObject(1, f);
            pf.executeUpdate();
            pv.setObject(1, v);
            pv.setObject(2, f);
            pv.setString(3, "V-" + v);
            pv.executeUpdate();
        }
        return new UUID[] {f, v};
    }

    private static Connection app(PostgresTestDatabase db, UUID facility) throws SQLException {
        Connection c = db.appDataSource().getConnection();
        c.setAutoCommit(false);
        publish(c, facility);
        return c;
    }

    private static void publish(Connection c, UUID facility) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_facility_id', ?, true)")) {
            ps.setString(1, facility.toString());
            ps.execute();
        }
    }

    private static List<String> rows(DataSource admin, UUID vehicle) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT \"timestamp\", latitude, "
                + "longitude, heading, speed_mps, acceleration_mps2, battery_level, battery_voltage, battery_current, "
                + "lidar_status, camera_status, imu_status, cpu_usage, memory_usage, disk_usage, error_codes "
                + "FROM telemetry WHERE vehicle_id = ? ORDER BY id")) {
            ps.setObject(1, vehicle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(rs.getTimestamp(1).toInstant().toString());
                    for (int i = 2; i <= 15; i++) {
                        cells.add(String.valueOf(rs.getString(i)));
                    }
                    cells.add(rs.getArray(16) == null ? "null" : arrayLiteral((String[]) rs.getArray(16).getArray()));
                    out.add(String.join("|", cells));
                }
            }
        }
        return out;
    }

    private static String arrayLiteral(String[] values) {
        return Arrays.stream(values).map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .reduce((a, b) -> a + "," + b).map(s -> "{" + s + "}").orElse("{}");
    }
}
