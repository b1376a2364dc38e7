package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.migrations.support.Fixture.FACILITY_A;
import static org.tvm.migrations.support.Fixture.MISSION_A_ASSIGNED;
import static org.tvm.migrations.support.Fixture.MISSION_A_PENDING;
import static org.tvm.migrations.support.Fixture.VEHICLE_A;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;

/**
 * The spec's four query patterns (§8.1), copied verbatim into src/main/resources/org/tvm/migrations/spec-queries (including
 * their {@code $1} placeholders, bound server-side through PREPARE/EXECUTE), run against the migrated schema
 * as the application login under facility A, and the §8.2 materialized view refreshes concurrently.
 */
class PostgresSpecQueriesTest {

    private static PostgresTestDatabase db;
    private static PostgresTestDatabase.Login app;

    @BeforeAll
    static void migrate() throws SQLException {
        db = PostgresTestDatabase.create("queries");
        TvmMigrations.migrate(db.dataSource());
        try (Connection c = db.connect()) {
            Fixture.insert(c);
        }
        app = db.createLoginRole("tvm_app");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    /** The spec's query {@code n} as shipped (verbatim, without its trailing semicolon). */
    static String specQuery(int n) {
        try (InputStream in = PostgresSpecQueriesTest.class.getResourceAsStream("/org/tvm/migrations/spec-queries/query" + n + ".sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PREPARE the verbatim text (so $1 stays a real parameter) and EXECUTE it under facility A as the app. */
    private static List<Map<String, Object>> runAsApp(int n, String... params) throws SQLException {
        try (Connection c = db.dataSource(app.user(), app.password()).getConnection()) {
            c.setAutoCommit(false);
            Sql.rows(c, "SELECT set_config('app.current_facility_id', ?, true)", FACILITY_A);
            Sql.exec(c, "PREPARE spec_query_" + n + " AS " + specQuery(n));
            String args = params.length == 0 ? "" : "('" + String.join("', '", params) + "')";
            List<Map<String, Object>> rows = Sql.rows(c, "EXECUTE spec_query_" + n + args);
            c.rollback();
            return rows;
        }
    }

    @Test
    void query_1_active_missions_dashboard() throws SQLException {
        List<Map<String, Object>> rows = runAsApp(1);
        assertThat(rows).extracting(r -> r.get("id").toString()).containsExactly(MISSION_A_ASSIGNED, MISSION_A_PENDING);
        assertThat(rows.get(0)).containsEntry("priority", "urgent").containsEntry("status", "assigned")
                .containsEntry("resident_name", "Kenji Ito").containsEntry("vehicle_name", "Alpha")
                .containsEntry("pickup_location", "Room 102").containsEntry("dropoff_location", "Dining hall");
        assertThat(rows.get(1)).containsEntry("priority", "normal").containsEntry("resident_name", "Hana Sato")
                .containsEntry("vehicle_name", null);
        assertThat(rows.get(0)).containsOnlyKeys("id", "status", "priority", "pickup_location", "dropoff_location",
                "resident_name", "vehicle_name", "created_at");
    }

    @Test
    void query_2_vehicle_fleet_status() throws SQLException {
        List<Map<String, Object>> rows = runAsApp(2);
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Alpha", "Bravo");
        assertThat(rows.get(0)).containsEntry("current_zone", "Building A").containsEntry("connectivity_status", "online")
                .containsEntry("battery_level", 80).containsEntry("status", "navigating");
        assertThat(rows.get(1)).containsEntry("current_zone", null).containsEntry("connectivity_status", "offline");
    }

    @Test
    void query_3_recent_telemetry_for_a_vehicle() throws SQLException {
        List<Map<String, Object>> rows = runAsApp(3, VEHICLE_A);
        assertThat(rows).extracting(r -> r.get("battery_level")).containsExactly(80, 81);  // newest first, last hour only
        assertThat(rows.get(0)).containsOnlyKeys("timestamp", "latitude", "longitude", "speed_mps", "battery_level", "error_codes");
        Array codes = (Array) rows.get(1).get("error_codes");
        assertThat(Arrays.asList((Object[]) codes.getArray())).containsExactly("VEH-NAV-001");
    }

    @Test
    void query_4_mission_timeline() throws SQLException {
        List<Map<String, Object>> rows = runAsApp(4, MISSION_A_ASSIGNED);
        assertThat(rows).extracting(r -> r.get("event_type")).containsExactly("created", "assigned");
        assertThat(rows).extracting(r -> r.get("triggered_by")).containsExactly(Fixture.USER_A_EMAIL, null);
        assertThat(rows.get(0).get("details").toString()).contains("\"source\": \"nurse\"");
    }

    @Test
    void the_queries_run_verbatim_as_superuser_across_facilities_too() throws SQLException {
        try (Connection c = db.connect()) {
            for (int n = 1; n <= 4; n++) {
                Sql.exec(c, "PREPARE any_" + n + " AS " + specQuery(n));
            }
            assertThat(Sql.rows(c, "EXECUTE any_1")).hasSize(3);
            assertThat(Sql.rows(c, "EXECUTE any_2")).hasSize(3);
            assertThat(Sql.rows(c, "EXECUTE any_3('" + VEHICLE_A + "')")).hasSize(2);
            assertThat(Sql.rows(c, "EXECUTE any_4('" + MISSION_A_ASSIGNED + "')")).hasSize(2);
        }
    }

    @Test
    void mission_summary_refreshes_concurrently() throws SQLException {
        try (Connection c = db.connect()) {
            Sql.exec(c, "REFRESH MATERIALIZED VIEW mission_summary");
            long before = Sql.number(c, "SELECT count(*) FROM mission_summary");
            assertThat(before).isEqualTo(4);
            Sql.exec(c, "UPDATE missions SET deleted_at = NOW() WHERE id = '" + MISSION_A_PENDING + "'");
            Sql.exec(c, "REFRESH MATERIALIZED VIEW CONCURRENTLY mission_summary");
            assertThat(Sql.number(c, "SELECT count(*) FROM mission_summary")).isEqualTo(3);
            assertThat(Sql.strings(c, "SELECT resident_name FROM mission_summary WHERE id = ?::uuid", MISSION_A_ASSIGNED))
                    .containsExactly("Kenji Ito");
            // spec §8.2 columns first, then facility_id and the KPI columns (V14_2)
            assertThat(Sql.strings(c, """
                    SELECT attname FROM pg_attribute WHERE attrelid = 'mission_summary'::regclass AND attnum > 0 ORDER BY attnum"""))
                    .containsExactly("id", "status", "priority", "resident_name", "vehicle_name", "created_at", "facility_id",
                            "vehicle_id", "assigned_at", "started_at", "completed_at", "pickup_arrived_at", "finished_at",
                            "failure_reason", "end_details");
            Sql.exec(c, "UPDATE missions SET deleted_at = NULL WHERE id = '" + MISSION_A_PENDING + "'");
        }
    }

    /** Spec §4.5 has no facility_id: an INSERT without it takes the vehicle's, also as the app under RLS. */
    @Test
    void telemetry_insert_without_facility_id_takes_it_from_the_vehicle() throws SQLException {
        try (Connection c = db.dataSource(app.user(), app.password()).getConnection()) {
            c.setAutoCommit(false);
            Sql.rows(c, "SELECT set_config('app.current_facility_id', ?, true)", FACILITY_A);
            Sql.exec(c, "INSERT INTO telemetry (vehicle_id, timestamp, battery_level) VALUES ('" + VEHICLE_A + "', NOW(), 55)");
            assertThat(Sql.strings(c, "SELECT facility_id::text FROM telemetry WHERE battery_level = 55"))
                    .containsExactly(FACILITY_A);
            // a vehicle of another facility is invisible under RLS: facility_id stays NULL and the row is refused
            // (the RLS check runs before NOT NULL)
            Sql.exec(c, "SAVEPOINT other");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sql.exec(c,
                    "INSERT INTO telemetry (vehicle_id, timestamp) VALUES ('" + Fixture.VEHICLE_B + "', NOW())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("telemetry");
            c.rollback();
        }
    }

    /** Spec §4.6/§5.3: e-mail stored as written, unique case-insensitively, found by any case. */
    @Test
    void email_is_stored_as_written_and_unique_case_insensitively() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            Sql.exec(c, "INSERT INTO users (facility_id, email, password_hash, first_name, last_name) VALUES ('"
                    + FACILITY_A + "', 'Mixed.Case@Example.org', 'x', 'M', 'C')");
            assertThat(Sql.strings(c, "SELECT email FROM users WHERE lower(email) = lower('MIXED.case@example.ORG')"))
                    .containsExactly("Mixed.Case@Example.org");
            Sql.exec(c, "SAVEPOINT dup");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sql.exec(c,
                    "INSERT INTO users (facility_id, email, password_hash, first_name, last_name) VALUES ('"
                            + FACILITY_A + "', 'mixed.case@example.org', 'x', 'M', 'C')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("idx_users_email_unique");
            c.rollback();
        }
    }
}
