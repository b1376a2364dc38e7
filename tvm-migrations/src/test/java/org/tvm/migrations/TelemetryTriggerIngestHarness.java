package org.tvm.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;

/**
 * Reproducible measurement (not a test: no timing is asserted anywhere) of what V14's telemetry trigger costs the
 * library's bulk path, which always supplies facility_id: the same set-based INSERT of telemetry rows with the trigger
 * enabled, with it disabled, and without facility_id (the trigger fills it). Rounds alternate the modes so drift in
 * a shared machine hits all three alike; the median per mode is printed.
 *
 * <p>Run: {@code mvn -B -q -o -pl tvm-migrations -am test-compile} then
 * {@code java -cp "$(cat tvm-migrations/target/cp.txt):tvm-migrations/target/classes:tvm-migrations/target/test-classes"
 * org.tvm.migrations.TelemetryTriggerIngestHarness [rows] [rounds]} after
 * {@code mvn -B -q -o -pl tvm-migrations dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}.
 */
public final class TelemetryTriggerIngestHarness {

    private TelemetryTriggerIngestHarness() {
    }

    public static void main(String[] args) throws SQLException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (PostgresTestDatabase db = PostgresTestDatabase.create("ingest")) {
            TvmMigrations.migrate(db.dataSource());
            try (Connection c = db.connect()) {
                Fixture.insert(c);
                String[] modes = {"facility_id given, trigger on", "facility_id given, trigger off", "facility_id omitted (trigger fills)"};
                List<List<Double>> ms = new ArrayList<>();
                for (int m = 0; m < modes.length; m++) {
                    ms.add(new ArrayList<>());
                }
                for (int r = 0; r < rounds + 1; r++) {
                    for (int m = 0; m < modes.length; m++) {
                        double t = insert(c, m, rows);
                        if (r > 0) {  // round 0 warms caches and the JIT
                            ms.get(m).add(t);
                        }
                        Sql.exec(c, "TRUNCATE telemetry");
                    }
                }
                System.out.printf(Locale.ROOT, "telemetry INSERT ... SELECT of %d rows, median of %d rounds:%n", rows, rounds);
                for (int m = 0; m < modes.length; m++) {
                    double[] sorted = ms.get(m).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    double median = sorted[sorted.length / 2];
                    System.out.printf(Locale.ROOT, "  %-38s %8.1f ms  (%.0f rows/s)  all: %s%n", modes[m], median,
                            rows / (median / 1000), Arrays.toString(sorted));
                }
            }
        }
    }

    private static double insert(Connection c, int mode, int rows) throws SQLException {
        Sql.exec(c, "ALTER TABLE telemetry " + (mode == 1 ? "DISABLE" : "ENABLE") + " TRIGGER trg_telemetry_facility_from_vehicle");
        String sql = mode == 2
                ? "INSERT INTO telemetry (vehicle_id, timestamp, battery_level, speed_mps) "
                  + "SELECT ?::uuid, now() - make_interval(secs => g / 10.0), 50, 1.2 FROM generate_series(1, ?) g"
                : "INSERT INTO telemetry (facility_id, vehicle_id, timestamp, battery_level, speed_mps) "
                  + "SELECT ?::uuid, ?::uuid, now() - make_interval(secs => g / 10.0), 50, 1.2 FROM generate_series(1, ?) g";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (mode != 2) {
                ps.setString(i++, Fixture.FACILITY_A);
            }
            ps.setString(i++, Fixture.VEHICLE_A);
            ps.setInt(i, rows);
            long start = System.nanoTime();
            ps.executeUpdate();
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
