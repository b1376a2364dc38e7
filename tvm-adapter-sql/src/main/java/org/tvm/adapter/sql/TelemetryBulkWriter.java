package org.tvm.adapter.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * The one bulk writer of telemetry samples, used by both SQL adapters, on the caller's connection and transaction (so
 * it is all-or-nothing with the unit of work and row-level security applies).
 *
 * <p><b>PostgreSQL:</b> {@code COPY FROM} is refused for roles under row-level security, so samples are streamed with
 * COPY (text format, through pgjdbc's {@link CopyIn}) into a session temp table and moved with one
 * {@code INSERT ... SELECT}, to which RLS ({@code WITH CHECK}), the CHECKs and the foreign keys apply. Encoding goes
 * straight into a fixed 64 KiB buffer that is flushed as it fills: memory is bounded for any append size, and there is
 * no per-value String (numbers go through one reused StringBuilder, which appends doubles and ints without allocating).
 * The temp table is created once per physical connection ({@code ON COMMIT DELETE ROWS}: commit and rollback empty
 * it, no TRUNCATE per append); each append moves only its own rows (an ever-increasing {@code ord} per connection),
 * in input order, so ids follow the input order.
 *
 * <p><b>Other databases (H2):</b> one JDBC batch per {@value #BATCH} rows.
 *
 * <p>Values only ever travel as COPY data or bind parameters, never as SQL text. SQL errors are thrown unchanged for
 * the adapter to translate.
 */
public final class TelemetryBulkWriter {

    /** Rows per JDBC batch on databases without COPY. */
    static final int BATCH = 500;

    static final String COLUMNS = "facility_id, vehicle_id, \"timestamp\", latitude, longitude, heading, speed_mps, "
            + "acceleration_mps2, battery_level, battery_voltage, battery_current, lidar_status, camera_status, imu_status, "
            + "cpu_usage, memory_usage, disk_usage, error_codes";

    static final String CREATE_STAGE = "CREATE TEMP TABLE IF NOT EXISTS tvm_telemetry_stage (ord bigint NOT NULL, "
            + "facility_id uuid, vehicle_id uuid, \"timestamp\" timestamptz, latitude numeric(10,7), longitude numeric(10,7), "
            + "heading numeric(5,2), speed_mps numeric(4,2), acceleration_mps2 numeric(4,2), battery_level integer, "
            + "battery_voltage numeric(5,2), battery_current numeric(6,2), lidar_status varchar(20), "
            + "camera_status varchar(20), imu_status varchar(20), cpu_usage integer, memory_usage integer, "
            + "disk_usage integer, error_codes varchar(100)[]) ON COMMIT DELETE ROWS";

    static final String COPY = "COPY pg_temp.tvm_telemetry_stage (ord, " + COLUMNS + ") FROM STDIN";

    static final String MOVE = "INSERT INTO telemetry (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM pg_temp.tvm_telemetry_stage WHERE ord >= ? ORDER BY ord";

    static final String INSERT = "INSERT INTO telemetry (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Per physical connection: the staging table's state. Weak keys: a closed connection's entry goes with it. A stage
     * created by a transaction that then rolled back is gone again, so an entry stays "unconfirmed" (and the idempotent
     * CREATE is repeated) until an append sees the table already there at its start.
     */
    private static final Map<Object, Stage> STAGES = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Stage {
        long nextOrd;
        boolean confirmed;
    }

    private TelemetryBulkWriter() {
    }

    /**
     * Appends the samples, in order, on {@code connection} inside its current transaction.
     *
     * @param connection an open connection in the caller's transaction (auto-commit off)
     * @param samples    non-null samples without null elements (the caller has validated facility and access)
     * @return the number of rows inserted
     * @throws SQLException as the database reports it (constraint, foreign key, RLS violation, ...)
     */
    public static long append(Connection connection, List<TelemetrySample> samples) throws SQLException {
        if (samples.isEmpty()) {
            return 0;
        }
        if (connection.isWrapperFor(PGConnection.class)) {
            return copy(connection, connection.unwrap(PGConnection.class), samples);
        }
        return batch(connection, samples);
    }

    private static long copy(Connection connection, PGConnection pg, List<TelemetrySample> samples) throws SQLException {
        Stage stage;
        synchronized (STAGES) {
            stage = STAGES.computeIfAbsent(pg, k -> new Stage());
        }
        if (!stage.confirmed) {
            try (Statement st = connection.createStatement()) {
                st.execute(CREATE_STAGE);
                stage.confirmed = alreadyExisted(st.getWarnings());
            }
        }
        long first = stage.nextOrd;
        CopyIn in = pg.getCopyAPI().copyIn(COPY);
        try {
            TelemetryCopyEncoder encoder = new TelemetryCopyEncoder(in);
            long ord = first;
            for (TelemetrySample s : samples) {
                encoder.row(ord++, s);
            }
            encoder.flush();
            in.endCopy();
            stage.nextOrd = ord;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(MOVE)) {
            ps.setLong(1, first);
            return ps.executeUpdate();
        }
    }

    /** "relation ... already exists, skipping" (42P07 as a notice): the table predates this transaction. */
    private static boolean alreadyExisted(SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            if ("42P07".equals(w.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static long batch(Connection connection, List<TelemetrySample> samples) throws SQLException {
        long inserted = 0;
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (TelemetrySample s : samples) {
                bind(connection, ps, s);
                ps.addBatch();
                if (++pending == BATCH) {
                    inserted += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += sum(ps.executeBatch());
            }
        }
        return inserted;
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += c < 0 ? 1 : c; // SUCCESS_NO_INFO counts as one row
        }
        return n;
    }

    private static void bind(Connection c, PreparedStatement ps, TelemetrySample s) throws SQLException {
        int i = 1;
        ps.setObject(i++, s.facilityId().value());
        ps.setObject(i++, s.vehicleId().value());
        ps.setObject(i++, OffsetDateTime.ofInstant(s.timestamp(), ZoneOffset.UTC));
        decimal(ps, i++, s.position() == null ? null : s.position().latitude());
        decimal(ps, i++, s.position() == null ? null : s.position().longitude());
        decimal(ps, i++, s.heading());
        decimal(ps, i++, s.speedMps());
        decimal(ps, i++, s.accelerationMps2());
        integer(ps, i++, s.batteryLevel());
        decimal(ps, i++, s.batteryVoltage());
        decimal(ps, i++, s.batteryCurrent());
        ps.setString(i++, s.lidarStatus() == null ? null : s.lidarStatus().code());
        ps.setString(i++, s.cameraStatus() == null ? null : s.cameraStatus().code());
        ps.setString(i++, s.imuStatus() == null ? null : s.imuStatus().code());
        integer(ps, i++, s.cpuUsage());
        integer(ps, i++, s.memoryUsageMb());
        integer(ps, i++, s.diskUsage());
        ps.setArray(i, c.createArrayOf("varchar", s.errorCodes().toArray(new String[0])));
    }

    private static void decimal(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NUMERIC);
        } else {
            ps.setBigDecimal(i, BigDecimal.valueOf(v)); // the shortest decimal of the double, rounded by the column
        }
    }

    private static void integer(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
