package org.tvm.adapter.mybatis;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmPersistenceException;

/**
 * PostgreSQL COPY (text format) of telemetry samples into the session's staging table, through pgjdbc's CopyManager
 * on the transaction's own connection (so it is all-or-nothing with the unit of work). Values are only ever data rows
 * of the COPY stream, never SQL text.
 */
final class TelemetryCopy {

    static final String COPY_SQL = "COPY pg_temp.tvm_telemetry_stage (ord, facility_id, vehicle_id, \"timestamp\", "
            + "latitude, longitude, heading, speed_mps, acceleration_mps2, battery_level, battery_voltage, "
            + "battery_current, lidar_status, camera_status, imu_status, cpu_usage, memory_usage, disk_usage, "
            + "error_codes) FROM STDIN";

    private TelemetryCopy() {
    }

    static long copy(MyBatisTransaction tx, List<TelemetrySample> samples) {
        String data = encode(samples);
        try {
            PGConnection pg = tx.session.getConnection().unwrap(PGConnection.class);
            return pg.getCopyAPI().copyIn(COPY_SQL, new StringReader(data));
        } catch (SQLException e) {
            throw new Jdbc.SqlFailure(e);
        } catch (IOException e) {
            throw new TvmPersistenceException("COPY of telemetry failed", e);
        }
    }

    static String encode(List<TelemetrySample> samples) {
        StringBuilder sb = new StringBuilder(samples.size() * 160);
        int ord = 0;
        for (TelemetrySample s : samples) {
            sb.append(ord++).append('\t');
            uuid(sb, s.facilityId().value()).append('\t');
            uuid(sb, s.vehicleId().value()).append('\t');
            sb.append(s.timestamp().toString()).append('\t');
            num(sb, s.position() == null ? null : s.position().latitude()).append('\t');
            num(sb, s.position() == null ? null : s.position().longitude()).append('\t');
            num(sb, s.heading()).append('\t');
            num(sb, s.speedMps()).append('\t');
            num(sb, s.accelerationMps2()).append('\t');
            integer(sb, s.batteryLevel()).append('\t');
            num(sb, s.batteryVoltage()).append('\t');
            num(sb, s.batteryCurrent()).append('\t');
            sensor(sb, s.lidarStatus()).append('\t');
            sensor(sb, s.cameraStatus()).append('\t');
            sensor(sb, s.imuStatus()).append('\t');
            integer(sb, s.cpuUsage()).append('\t');
            integer(sb, s.memoryUsageMb()).append('\t');
            integer(sb, s.diskUsage()).append('\t');
            array(sb, s.errorCodes()).append('\n');
        }
        return sb.toString();
    }

    private static StringBuilder uuid(StringBuilder sb, UUID id) {
        return sb.append(id);
    }

    private static StringBuilder num(StringBuilder sb, Double d) {
        return d == null ? sb.append("\\N") : sb.append(TypeHandlers.plain(d));
    }

    private static StringBuilder integer(StringBuilder sb, Integer i) {
        return i == null ? sb.append("\\N") : sb.append(i.intValue());
    }

    private static StringBuilder sensor(StringBuilder sb, SensorStatus s) {
        return s == null ? sb.append("\\N") : text(sb, s.code());
    }

    /** An array literal {"a","b"} (element quoting), then escaped for the COPY text format. */
    private static StringBuilder array(StringBuilder sb, List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String v = values.get(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        literal.append('}');
        return text(sb, literal.toString());
    }

    /** COPY text format escaping: backslash, tab, newline, carriage return. */
    static StringBuilder text(StringBuilder sb, String v) {
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }
}
