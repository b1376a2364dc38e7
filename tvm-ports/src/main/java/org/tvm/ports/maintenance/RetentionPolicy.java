package org.tvm.ports.maintenance;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How long each class of data is kept and how far ahead partitions are created. {@link #defaults()} are the
 * specification's (telemetry and vehicle logs 90 days, finished missions with their events 3 years then archived,
 * audit 7 years in whole yearly partitions, residents anonymised 3 years after deletion). A deployment overrides any
 * of them with the withers or {@link #fromProperties(Map)}.
 *
 * @param telemetry           samples older than this are removed (whole monthly partitions, then the boundary rows)
 * @param vehicleLogs         vehicle log lines older than this are deleted
 * @param missions            finished missions (completed, cancelled, failed) whose finish is older than this are
 *                            archived with their events, then deleted
 * @param audit               whole yearly audit partitions whose every instant is older than this are dropped
 * @param residentAnonymisation residents soft-deleted longer ago than this are anonymised
 * @param telemetryMonthsAhead monthly telemetry partitions kept ready after the current month (0..120)
 * @param auditYearsAhead     yearly audit partitions kept ready after the current year (0..50)
 * @param batchSize           rows deleted (or missions archived) per transaction (1..100 000)
 */
public record RetentionPolicy(Duration telemetry, Duration vehicleLogs, Period missions, Period audit,
                              Period residentAnonymisation, int telemetryMonthsAhead, int auditYearsAhead, int batchSize) {

    /** Property keys understood by {@link #fromProperties(Map)}; values are ISO-8601 ({@code P90D}, {@code P3Y}) or ints. */
    public static final String PREFIX = "tvm.retention.";

    public RetentionPolicy {
        positive("telemetry", Objects.requireNonNull(telemetry, "telemetry"));
        positive("vehicleLogs", Objects.requireNonNull(vehicleLogs, "vehicleLogs"));
        positive("missions", Objects.requireNonNull(missions, "missions"));
        positive("audit", Objects.requireNonNull(audit, "audit"));
        positive("residentAnonymisation", Objects.requireNonNull(residentAnonymisation, "residentAnonymisation"));
        range("telemetryMonthsAhead", telemetryMonthsAhead, 0, 120);
        range("auditYearsAhead", auditYearsAhead, 0, 50);
        range("batchSize", batchSize, 1, 100_000);
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(90), Duration.ofDays(90), Period.ofYears(3), Period.ofYears(7),
                Period.ofYears(3), 3, 1, 5_000);
    }

    /**
     * {@link #defaults()} overridden by the entries of {@code properties} that start with {@link #PREFIX}:
     * {@code telemetry}, {@code vehicle-logs} (durations, e.g. {@code P90D}), {@code missions}, {@code audit},
     * {@code resident-anonymisation} (periods, e.g. {@code P3Y}), {@code telemetry-months-ahead},
     * {@code audit-years-ahead}, {@code batch-size} (integers). Other keys are ignored; an unknown key under the
     * prefix is an error, so a typo never silently keeps a default.
     *
     * @throws IllegalArgumentException naming the key when a key is unknown or a value does not parse or is out of range
     */
    public static RetentionPolicy fromProperties(Map<String, String> properties) {
        RetentionPolicy p = defaults();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = e.getKey().substring(PREFIX.length());
            String v = e.getValue() == null ? "" : e.getValue().trim();
            p = switch (key) {
                case "telemetry" -> p.withTelemetry(parse(e.getKey(), v, Duration::parse));
                case "vehicle-logs" -> p.withVehicleLogs(parse(e.getKey(), v, Duration::parse));
                case "missions" -> p.withMissions(parse(e.getKey(), v, Period::parse));
                case "audit" -> p.withAudit(parse(e.getKey(), v, Period::parse));
                case "resident-anonymisation" -> p.withResidentAnonymisation(parse(e.getKey(), v, Period::parse));
                case "telemetry-months-ahead" -> p.withTelemetryMonthsAhead(parse(e.getKey(), v, Integer::parseInt));
                case "audit-years-ahead" -> p.withAuditYearsAhead(parse(e.getKey(), v, Integer::parseInt));
                case "batch-size" -> p.withBatchSize(parse(e.getKey(), v, Integer::parseInt));
                default -> throw new IllegalArgumentException("unknown retention setting " + e.getKey());
            };
        }
        return p;
    }

    public RetentionPolicy withTelemetry(Duration d) {
        return new RetentionPolicy(d, vehicleLogs, missions, audit, residentAnonymisation, telemetryMonthsAhead, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withVehicleLogs(Duration d) {
        return new RetentionPolicy(telemetry, d, missions, audit, residentAnonymisation, telemetryMonthsAhead, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withMissions(Period p) {
        return new RetentionPolicy(telemetry, vehicleLogs, p, audit, residentAnonymisation, telemetryMonthsAhead, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withAudit(Period p) {
        return new RetentionPolicy(telemetry, vehicleLogs, missions, p, residentAnonymisation, telemetryMonthsAhead, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withResidentAnonymisation(Period p) {
        return new RetentionPolicy(telemetry, vehicleLogs, missions, audit, p, telemetryMonthsAhead, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withTelemetryMonthsAhead(int n) {
        return new RetentionPolicy(telemetry, vehicleLogs, missions, audit, residentAnonymisation, n, auditYearsAhead, batchSize);
    }

    public RetentionPolicy withAuditYearsAhead(int n) {
        return new RetentionPolicy(telemetry, vehicleLogs, missions, audit, residentAnonymisation, telemetryMonthsAhead, n, batchSize);
    }

    public RetentionPolicy withBatchSize(int n) {
        return new RetentionPolicy(telemetry, vehicleLogs, missions, audit, residentAnonymisation, telemetryMonthsAhead, auditYearsAhead, n);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be " + (key.endsWith("ahead") || key.endsWith("size")
                    ? "an integer" : "an ISO-8601 duration or period such as P90D or P3Y") + " (was '" + value + "')");
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (was " + d + ")");
        }
    }

    private static void positive(String name, Period p) {
        if (p.isNegative() || p.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (was " + p + ")");
        }
    }

    private static void range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (was " + v + ")");
        }
    }
}
