package org.tvm.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fills a migrated PostgreSQL database with N facilities, their users, residents and vehicles, missions with their
 * events (history spread over months, the newest missions still active) and telemetry over the same months.
 *
 * <p>Set-based: every table is filled by a few {@code INSERT ... SELECT FROM generate_series(...)} statements that run
 * inside the server, as the administrative (superuser) login, so no row crosses the network and the server's own
 * bulk insert path does the work (the same effect as client-side COPY without encoding and shipping the bytes).
 * Telemetry goes in chunks of at most {@link #TELEMETRY_CHUNK} rows, with the monthly partitions created first.
 * Ends with ANALYZE (autovacuum may be off).
 *
 * <p>Facility {@code n} is named {@code Bench facility n}; its vehicles are {@code V-0000...}; the first
 * {@code inProgressPerFacility} vehicles carry an in-progress mission, the rest are idle and online.
 */
public final class ScaleGenerator {

    /** Rows per telemetry INSERT: keeps each statement's memory and WAL burst bounded and shows progress. */
    static final long TELEMETRY_CHUNK = 2_000_000;

    /** How much to generate. */
    public record Scale(int facilities, int vehiclesPerFacility, int residentsPerFacility, long missions,
                        int activePerFacility, int inProgressPerFacility, long telemetry, int months,
                        int recentTelemetryPerVehicle) {
        public Scale {
            if (facilities < 1 || vehiclesPerFacility < 1 || residentsPerFacility < 1 || months < 1 || months > 120) {
                throw new IllegalArgumentException("facilities, vehicles, residents must be >= 1; months 1..120");
            }
            if (missions < (long) facilities * activePerFacility) {
                throw new IllegalArgumentException("missions must be at least facilities x active missions per facility");
            }
            if (inProgressPerFacility > vehiclesPerFacility / 2 || inProgressPerFacility > activePerFacility) {
                throw new IllegalArgumentException("in-progress missions per facility must be <= vehicles/2 and <= active");
            }
            if (telemetry < 0 || recentTelemetryPerVehicle < 0) {
                throw new IllegalArgumentException("telemetry counts must be >= 0");
            }
        }

        /** The quick bench's data set: seconds to build. */
        public static Scale quick() {
            return new Scale(2, 100, 200, 5_000, 200, 30, 50_000, 3, 120);
        }

        /** The full bench's data set: 1,000,000 missions and 10,000,000 telemetry rows (minutes to build). */
        public static Scale full() {
            return new Scale(10, 100, 1_000, 1_000_000, 200, 30, 10_000_000, 6, 36_000);
        }
    }

    private final DataSource admin;
    private final PrintWriter progress;

    /**
     * @param admin    a superuser (or table owner) pool: RLS does not apply to it, which generation needs
     * @param progress where to report each step and its time
     */
    public ScaleGenerator(DataSource admin, PrintWriter progress) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Generates the data set; returns the time it took. */
    public Duration generate(Scale s) {
        long start = System.nanoTime();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            // Bulk load of rows consistent by construction: no per-row FK and trigger checks (superuser only; this
            // session only). The constraints are still declared, and the bench's own writes are fully checked.
            st.execute("SET session_replication_role = replica");
            try {
                fill(st, s);
            } finally {
                st.execute("RESET session_replication_role"); // never hand a pooled connection back without checks
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Generating the data set failed: " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        progress.printf("generated in %.1f s%n", took.toMillis() / 1000.0);
        return took;
    }

    private void fill(Statement st, Scale s) throws SQLException {
        st.execute("DROP TABLE IF EXISTS g_fac, g_res, g_veh, g_mis"); // left over by a failed run on this connection
        int f = s.facilities();
        int v = s.vehiclesPerFacility();
        int r = s.residentsPerFacility();
        long m = s.missions();
        long firstActive = m - (long) f * s.activePerFacility();
        step(st, "facilities and users", """
                CREATE TEMP TABLE g_fac AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS user_id
                    FROM generate_series(0, %d) n;
                INSERT INTO facilities (id, name, timezone) SELECT id, 'Bench facility ' || n, 'UTC' FROM g_fac;
                INSERT INTO users (id, facility_id, email, password_hash, first_name, last_name, status)
                    SELECT user_id, id, 'nurse' || n || '.' || substr(id::text, 1, 8) || '@bench.example',
                           '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'Nurse', 'Bench ' || n, 'active'
                    FROM g_fac;
                """.formatted(f - 1));
        step(st, "residents", """
                CREATE TEMP TABLE g_res AS SELECT fa.n AS fn, fa.id AS fid, r, gen_random_uuid() AS id
                    FROM g_fac fa, generate_series(0, %d) r;
                INSERT INTO residents (id, facility_id, first_name, last_name, date_of_birth, wheelchair_type)
                    SELECT id, fid, 'Resident', 'R' || fn || '-' || r, date '1930-01-01' + (r %% 9000), 'manual'
                    FROM g_res;
                CREATE INDEX ON g_res (fn, r);
                ANALYZE g_fac, g_res;
                """.formatted(r - 1));
        step(st, "vehicles", """
                CREATE TEMP TABLE g_veh AS SELECT fa.n AS fn, fa.id AS fid, v, fa.n * %1$d + v AS k, gen_random_uuid() AS id
                    FROM g_fac fa, generate_series(0, %2$d) v;
                INSERT INTO vehicles (id, facility_id, name, serial_number, model, firmware_version, status,
                                      current_location, battery_level, last_heartbeat)
                    SELECT id, fid, 'V-' || lpad(v::text, 4, '0'), 'SN-' || fn || '-' || v || '-' || substr(id::text, 1, 8),
                           'TVM-1', '1.0.0', 'idle',
                           jsonb_build_object('lat', 52.52 + (v %% 20) * 0.0005, 'lon', 13.405 + (v / 20) * 0.0005,
                                              'zone', 'Zone ' || (v %% 5)),
                           50 + (v %% 50), now()
                    FROM g_veh;
                CREATE INDEX ON g_veh (fn, v);
                CREATE INDEX ON g_veh (k);
                ANALYZE g_veh;
                """.formatted(v, v - 1));
        // Mission i belongs to facility i % F; history first (completed), the newest active per facility last:
        // pending, except the first inProgress of each facility, bound to vehicles 0..inProgress-1. Ids are UUIDv7 like
        // the domain's (creation millisecond first), so the missions' and events' indexes fill in order: with random
        // ids every row lands on a random index page, and 10,000,000 missions took longer than the rest together.
        step(st, "missions (" + m + ")", """
                CREATE TEMP TABLE g_mis AS
                SELECT i, fn, at, status, v,
                       encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
                           substring(int8send((extract(epoch FROM at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
                           'hex')::uuid AS id
                FROM (SELECT i, i %% %1$d AS fn,
                       now() - make_interval(secs => (%2$d - i) * (%3$s / %2$d::float8)) - interval '1 hour' AS at,
                       CASE WHEN i < %4$d THEN 'completed'
                            WHEN (i - %4$d) / %1$d < %5$d THEN 'in_progress' ELSE 'pending' END AS status,
                       CASE WHEN i < %4$d THEN (i / %1$d) %% %6$d
                            WHEN (i - %4$d) / %1$d < %5$d THEN (i - %4$d) / %1$d END AS v
                      FROM generate_series(0, %2$d - 1) i) s;
                ANALYZE g_mis;
                INSERT INTO missions (id, facility_id, resident_id, vehicle_id, created_by_user_id, pickup_location,
                                      pickup_coordinates, dropoff_location, dropoff_coordinates, priority, status,
                                      assigned_at, started_at, completed_at, last_progress, version, created_at, updated_at)
                SELECT g.id, fa.id, re.id, ve.id, fa.user_id, 'Room ' || (g.i %% 300),
                       ST_SetSRID(ST_MakePoint(13.405 + (g.i %% 40) * 0.0002, 52.52 + (g.i %% 30) * 0.0002), 4326)::geography,
                       'Garden ' || (g.i %% 7),
                       ST_SetSRID(ST_MakePoint(13.41, 52.525), 4326)::geography,
                       (ARRAY['low','normal','normal','high','urgent'])[1 + g.i %% 5], g.status,
                       CASE WHEN g.status <> 'pending' THEN g.at + interval '1 minute' END,
                       CASE WHEN g.status <> 'pending' THEN g.at + interval '3 minutes' END,
                       CASE WHEN g.status = 'completed' THEN g.at + interval '20 minutes' END,
                       CASE WHEN g.status = 'completed' THEN 'dropoff_completed' END,
                       CASE g.status WHEN 'completed' THEN 7 WHEN 'in_progress' THEN 2 ELSE 0 END,
                       g.at, g.at
                FROM g_mis g
                JOIN g_fac fa ON fa.n = g.fn
                JOIN g_res re ON re.fn = g.fn AND re.r = (g.i / %1$d) %% %7$d
                LEFT JOIN g_veh ve ON ve.fn = g.fn AND ve.v = g.v;
                UPDATE vehicles ve SET current_mission_id = mi.id, status = 'navigating'
                FROM missions mi WHERE mi.vehicle_id = ve.id AND mi.status = 'in_progress';
                """.formatted(f, m, s.months() * 30L * 86_400, firstActive, s.inProgressPerFacility(), v, r));
        step(st, "mission events", """
                INSERT INTO mission_events (facility_id, mission_id, vehicle_id, event_type, created_at, created_by_user_id)
                SELECT mi.facility_id, mi.id, CASE WHEN e.k > 1 THEN mi.vehicle_id END, e.type,
                       mi.created_at + e.k * interval '1 minute', CASE WHEN e.k = 1 THEN mi.created_by_user_id END
                FROM missions mi
                JOIN (VALUES (1, 'created'), (2, 'assigned'), (3, 'started'), (4, 'completed')) e(k, type)
                  ON e.k = 1 OR (e.k <= 3 AND mi.status = 'in_progress') OR mi.status = 'completed';
                """);
        long vehicles = (long) f * v;
        if (s.telemetry() > 0) {
            st.execute("SELECT tvm_ensure_telemetry_partitions((now() - interval '" + (s.months() + 1)
                    + " months')::date, (now() + interval '1 month')::date)");
            double spanSeconds = s.months() * 30.0 * 86_400;
            for (long from = 0; from < s.telemetry(); from += TELEMETRY_CHUNK) {
                long to = Math.min(s.telemetry(), from + TELEMETRY_CHUNK) - 1;
                step(st, "telemetry rows " + from + ".." + to, telemetrySql(from, to, s.telemetry(), vehicles,
                        spanSeconds, "now() - interval '2 hours'"));
            }
        }
        if (s.recentTelemetryPerVehicle() > 0) {
            // the last hour of facility 0's fleet (what query 3 and the dashboards read): at 10 Hz in the full data set,
            // as the streaming fleet sends it, so query 3 reads a steady state and not an hour that fills up while it runs
            step(st, "recent telemetry of facility 0", """
                    INSERT INTO telemetry (facility_id, vehicle_id, "timestamp", latitude, longitude, heading, speed_mps,
                                           acceleration_mps2, battery_level, battery_voltage, battery_current,
                                           lidar_status, camera_status, imu_status, cpu_usage, memory_usage, disk_usage)
                    SELECT ve.fid, ve.id, now() - j * (interval '1 hour' / %1$d), 52.52 + (j %% 100) * 0.00001,
                           13.405 + (j %% 50) * 0.00001, (j * 7) %% 360, 1.2, 0.1, 80, 24.1, 1.5,
                           'ok', 'ok', 'ok', 30, 512, 40
                    FROM g_veh ve, generate_series(1, %1$d) j WHERE ve.fn = 0;
                    """.formatted(s.recentTelemetryPerVehicle()));
        }
        step(st, "analyze", "ANALYZE");
        st.execute("DROP TABLE g_fac, g_res, g_veh, g_mis");
    }

    static String telemetrySql(long from, long to, long total, long vehicles, double spanSeconds, String end) {
        return """
                INSERT INTO telemetry (facility_id, vehicle_id, "timestamp", latitude, longitude, heading, speed_mps,
                                       acceleration_mps2, battery_level, battery_voltage, battery_current,
                                       lidar_status, camera_status, imu_status, cpu_usage, memory_usage, disk_usage,
                                       error_codes)
                SELECT ve.fid, ve.id, %5$s - make_interval(secs => (%3$d - j) * (%6$s / %3$d)),
                       52.52 + (j %% 1000) * 0.000001, 13.405 + (j %% 777) * 0.000001, (j %% 3600) / 10.0,
                       (j %% 20) / 10.0, 0.1, (j %% 101), 24.0, 1.5, 'ok', 'ok', 'ok', (j %% 100), 512, 40,
                       CASE WHEN j %% 997 = 0 THEN ARRAY['E-LIDAR-7']::varchar(100)[] END
                FROM generate_series(%1$d, %2$d) j
                JOIN g_veh ve ON ve.k = j %% %4$d
                """.formatted(from, to, total, vehicles, end, Double.toString(spanSeconds));
    }

    private void step(Statement st, String what, String sql) throws SQLException {
        long t0 = System.nanoTime();
        st.execute(sql);
        progress.printf("  %-40s %8.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
