package org.tvm.ports.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionStatus;

/**
 * The KPI arithmetic, once for every adapter: adapters read {@link MissionFacts} and vehicle logs, these functions
 * turn them into {@link MissionDayKpis} and {@link VehicleKpis}.
 */
public final class Kpis {

    /** Vehicle log code that opens a charging session. */
    public static final String CHARGING_STARTED = "BATTERY_LOW";
    /** Vehicle log code that closes it. */
    public static final String CHARGING_ENDED = "CHARGED";
    static final String NO_REASON = "(none)";

    private Kpis() {
    }

    /** @throws IllegalArgumentException unless {@code from < to <= from + 366 days} */
    public static void checkDays(LocalDate fromInclusive, LocalDate toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!fromInclusive.isBefore(toExclusive) || fromInclusive.plusDays(366).isBefore(toExclusive)) {
            throw new IllegalArgumentException("days must satisfy from < to <= from + 366 days (was " + fromInclusive
                    + " .. " + toExclusive + ")");
        }
    }

    /** @throws IllegalArgumentException unless {@code from < to} */
    public static void checkWindow(Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!fromInclusive.isBefore(toExclusive)) {
            throw new IllegalArgumentException("window must not be empty (was " + fromInclusive + " .. " + toExclusive + ")");
        }
    }

    /** Start of a UTC day. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Per UTC request day, oldest first; days without requests are absent. */
    public static List<MissionDayKpis> missionDays(List<MissionFacts> facts) {
        Map<LocalDate, List<MissionFacts>> byDay = new TreeMap<>();
        for (MissionFacts f : facts) {
            byDay.computeIfAbsent(LocalDate.ofInstant(f.requestedAt(), ZoneOffset.UTC), d -> new ArrayList<>()).add(f);
        }
        List<MissionDayKpis> out = new ArrayList<>();
        byDay.forEach((day, list) -> out.add(day(day, list)));
        return out;
    }

    static MissionDayKpis day(LocalDate day, List<MissionFacts> list) {
        Map<MissionStatus, Long> byStatus = new EnumMap<>(MissionStatus.class);
        for (MissionStatus s : MissionStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<MissionPriority, Long> byPriority = new EnumMap<>(MissionPriority.class);
        for (MissionPriority p : MissionPriority.values()) {
            byPriority.put(p, 0L);
        }
        List<Double> waits = new ArrayList<>();
        List<Double> trips = new ArrayList<>();
        Map<String, Long> cancelled = new TreeMap<>();
        Map<String, Long> failed = new TreeMap<>();
        for (MissionFacts f : list) {
            byStatus.merge(f.status(), 1L, Long::sum);
            byPriority.merge(f.priority(), 1L, Long::sum);
            if (f.pickupArrivedAt() != null) {
                waits.add(seconds(f.requestedAt(), f.pickupArrivedAt()));
            }
            if (f.status() == MissionStatus.COMPLETED && f.startedAt() != null && f.completedAt() != null) {
                trips.add(seconds(f.startedAt(), f.completedAt()));
            }
            String reason = f.endReason() == null || f.endReason().isBlank() ? NO_REASON : f.endReason();
            if (f.status() == MissionStatus.CANCELLED) {
                cancelled.merge(reason, 1L, Long::sum);
            } else if (f.status() == MissionStatus.FAILED) {
                failed.merge(reason, 1L, Long::sum);
            }
        }
        long completed = byStatus.get(MissionStatus.COMPLETED);
        long finished = completed + byStatus.get(MissionStatus.CANCELLED) + byStatus.get(MissionStatus.FAILED);
        return new MissionDayKpis(day, list.size(), byStatus, byPriority, mean(waits), p95(waits), mean(trips),
                finished == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) completed / finished), cancelled, failed);
    }

    /**
     * @param missions every mission of the facility that may touch the window (any vehicle; filtered here)
     * @param logs     this vehicle's log lines in (or just before) the window, any order
     */
    public static VehicleKpis vehicle(VehicleId vehicleId, String name, Instant from, Instant to,
                                      List<MissionFacts> missions, List<VehicleLogEntry> logs) {
        Duration busy = Duration.ZERO;
        long completed = 0;
        for (MissionFacts m : missions) {
            if (!vehicleId.equals(m.vehicleId()) || m.assignedAt() == null) {
                continue;
            }
            busy = busy.plus(overlap(m.assignedAt(), m.finishedAt() == null ? to : m.finishedAt(), from, to));
            if (m.status() == MissionStatus.COMPLETED && m.completedAt() != null && !m.completedAt().isBefore(from)
                    && m.completedAt().isBefore(to)) {
                completed++;
            }
        }
        List<VehicleLogEntry> ordered = new ArrayList<>(logs);
        ordered.sort((a, b) -> a.loggedAt().compareTo(b.loggedAt()));
        Duration charging = Duration.ZERO;
        Instant open = null;
        long errors = 0;
        for (VehicleLogEntry e : ordered) {
            if (CHARGING_STARTED.equals(e.code()) && open == null) {
                open = e.loggedAt();
            } else if (CHARGING_ENDED.equals(e.code()) && open != null) {
                charging = charging.plus(overlap(open, e.loggedAt(), from, to));
                open = null;
            }
            if (e.level() == LogLevel.ERROR && !e.loggedAt().isBefore(from) && e.loggedAt().isBefore(to)) {
                errors++;
            }
        }
        if (open != null) {
            charging = charging.plus(overlap(open, to, from, to));
        }
        double window = Duration.between(from, to).toMillis();
        return new VehicleKpis(vehicleId, name, completed, busy, Math.min(1.0, busy.toMillis() / window), charging, errors);
    }

    private static Duration overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant s = a.isBefore(from) ? from : a;
        Instant e = b.isAfter(to) ? to : b;
        return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
    }

    private static double seconds(Instant a, Instant b) {
        return a.until(b, ChronoUnit.MICROS) / 1e6;
    }

    private static OptionalDouble mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    /** Nearest-rank 95th percentile. */
    private static OptionalDouble p95(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return OptionalDouble.of(sorted[Math.max(0, rank - 1)]);
    }
}
