package org.tvm.adapter.sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * Encodes telemetry rows in PostgreSQL's COPY text format (UTF-8) into a fixed buffer, handing each full buffer to the
 * COPY stream. Column order: {@code ord} then {@link TelemetryBulkWriter#COLUMNS}.
 */
final class TelemetryCopyEncoder {

    static final int BUFFER = 64 * 1024;
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final CopyIn out;
    private final byte[] buf = new byte[BUFFER];
    private final StringBuilder scratch = new StringBuilder(32);
    private int pos;

    TelemetryCopyEncoder(CopyIn out) {
        this.out = out;
    }

    void row(long ord, TelemetrySample s) throws SQLException {
        number(ord);
        tab();
        uuid(s.facilityId().value());
        tab();
        uuid(s.vehicleId().value());
        tab();
        timestamp(s.timestamp());
        tab();
        decimal(s.position() == null ? null : s.position().latitude());
        tab();
        decimal(s.position() == null ? null : s.position().longitude());
        tab();
        decimal(s.heading());
        tab();
        decimal(s.speedMps());
        tab();
        decimal(s.accelerationMps2());
        tab();
        integer(s.batteryLevel());
        tab();
        decimal(s.batteryVoltage());
        tab();
        decimal(s.batteryCurrent());
        tab();
        sensor(s.lidarStatus());
        tab();
        sensor(s.cameraStatus());
        tab();
        sensor(s.imuStatus());
        tab();
        integer(s.cpuUsage());
        tab();
        integer(s.memoryUsageMb());
        tab();
        integer(s.diskUsage());
        tab();
        array(s.errorCodes());
        ensure(1);
        buf[pos++] = '\n';
    }

    void flush() throws SQLException {
        if (pos > 0) {
            out.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    private void ensure(int bytes) throws SQLException {
        if (pos + bytes > buf.length) {
            flush();
        }
    }

    private void tab() throws SQLException {
        ensure(1);
        buf[pos++] = '\t';
    }

    private void nullValue() throws SQLException {
        ensure(2);
        buf[pos++] = NULL[0];
        buf[pos++] = NULL[1];
    }

    private void uuid(UUID id) throws SQLException {
        ensure(36);
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        hex(hi >>> 32, 8);
        buf[pos++] = '-';
        hex(hi >>> 16, 4);
        buf[pos++] = '-';
        hex(hi, 4);
        buf[pos++] = '-';
        hex(lo >>> 48, 4);
        buf[pos++] = '-';
        hex(lo, 12);
    }

    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        pos += digits;
    }

    /** ISO-8601 in UTC with microseconds, e.g. 2026-11-30 06:45:08.123456+00, without java.time objects. */
    private void timestamp(Instant t) throws SQLException {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        long secOfDay = Math.floorMod(seconds, 86_400);
        // civil-from-days (H. Hinnant), proleptic Gregorian as PostgreSQL
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2) {
            year++;
        }
        if (year < 1 || year > 9999) {
            text(t.toString()); // outside 4-digit years: the ISO text PostgreSQL also accepts
            return;
        }
        ensure(32);
        digits(year, 4);
        buf[pos++] = '-';
        digits(month, 2);
        buf[pos++] = '-';
        digits(day, 2);
        buf[pos++] = ' ';
        digits(secOfDay / 3600, 2);
        buf[pos++] = ':';
        digits(secOfDay / 60 % 60, 2);
        buf[pos++] = ':';
        digits(secOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            buf[pos++] = '.';
            digits(nanos, 9); // the domain keeps microseconds; PostgreSQL rounds anything finer
        }
        buf[pos++] = '+';
        buf[pos++] = '0';
        buf[pos++] = '0';
    }

    private void digits(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += width;
    }

    private void number(long value) throws SQLException {
        scratch.setLength(0);
        scratch.append(value);
        ascii(scratch);
    }

    private void integer(Integer value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        scratch.setLength(0);
        scratch.append(value.intValue());
        ascii(scratch);
    }

    /** The shortest decimal that reads back as the double (as BigDecimal.valueOf); PostgreSQL accepts its E-notation. */
    private void decimal(Double value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        scratch.setLength(0);
        scratch.append(value.doubleValue());
        ascii(scratch);
    }

    private void ascii(CharSequence chars) throws SQLException {
        int n = chars.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) chars.charAt(i);
        }
    }

    private void sensor(SensorStatus status) throws SQLException {
        if (status == null) {
            nullValue();
        } else {
            text(status.code());
        }
    }

    /** An array literal {"a","b"}: element quoting (backslash, double quote), then COPY escaping via {@link #text}. */
    private void array(List<String> values) throws SQLException {
        ensure(2);
        buf[pos++] = '{';
        for (int i = 0; i < values.size(); i++) {
            ensure(2);
            if (i > 0) {
                buf[pos++] = ',';
            }
            buf[pos++] = '"';
            String v = values.get(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    // array-level backslash, itself escaped for COPY: \\ then the character
                    ensure(2);
                    buf[pos++] = '\\';
                    buf[pos++] = '\\';
                }
                k = character(v, k);
            }
            ensure(1);
            buf[pos++] = '"';
        }
        ensure(1);
        buf[pos++] = '}';
    }

    private void text(String v) throws SQLException {
        for (int k = 0; k < v.length(); k++) {
            k = character(v, k);
        }
    }

    /** Writes v[k] with COPY text escaping, UTF-8 encoded; returns the index of the last char consumed. */
    private int character(String v, int k) throws SQLException {
        char c = v.charAt(k);
        ensure(4);
        switch (c) {
            case '\\' -> {
                buf[pos++] = '\\';
                buf[pos++] = '\\';
            }
            case '\t' -> {
                buf[pos++] = '\\';
                buf[pos++] = 't';
            }
            case '\n' -> {
                buf[pos++] = '\\';
                buf[pos++] = 'n';
            }
            case '\r' -> {
                buf[pos++] = '\\';
                buf[pos++] = 'r';
            }
            default -> {
                if (c < 0x80) {
                    buf[pos++] = (byte) c;
                } else if (c < 0x800) {
                    buf[pos++] = (byte) (0xC0 | (c >> 6));
                    buf[pos++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && k + 1 < v.length() && Character.isLowSurrogate(v.charAt(k + 1))) {
                    int cp = Character.toCodePoint(c, v.charAt(k + 1));
                    buf[pos++] = (byte) (0xF0 | (cp >> 18));
                    buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                    return k + 1;
                } else if (Character.isSurrogate(c)) {
                    buf[pos++] = '?'; // a lone surrogate has no UTF-8 form (String.getBytes does the same)
                } else {
                    buf[pos++] = (byte) (0xE0 | (c >> 12));
                    buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        return k;
    }
}
