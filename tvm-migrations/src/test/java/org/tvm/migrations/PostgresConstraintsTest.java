package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.tvm.migrations.support.Fixture.FACILITY_A;
import static org.tvm.migrations.support.Fixture.MISSION_A_ASSIGNED;
import static org.tvm.migrations.support.Fixture.MISSION_B;
import static org.tvm.migrations.support.Fixture.RESIDENT_A;
import static org.tvm.migrations.support.Fixture.RESIDENT_B;
import static org.tvm.migrations.support.Fixture.USER_A;
import static org.tvm.migrations.support.Fixture.USER_B;
import static org.tvm.migrations.support.Fixture.VEHICLE_A;
import static org.tvm.migrations.support.Fixture.VEHICLE_B;
import static org.tvm.migrations.support.ValidRows.q;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;
import org.tvm.migrations.support.ValidRows;

/**
 * Every CHECK, FOREIGN KEY, UNIQUE (constraint or unique index) and NOT NULL of the PostgreSQL schema rejects
 * a bad row: one parameterised case per constraint, each inserting a known-valid row with one column spoiled,
 * asserting SQLState and constraint (or column) name. Runs as superuser, so RLS is out of the picture:
 * these are the guarantees that hold even when the application is bypassed.
 */
class PostgresConstraintsTest {

    private static final String NOWHERE = "'00000000-0000-0000-0000-00000000dead'";
    private static final String CHECK = "23514";
    private static final String FK = "23503";
    private static final String UNIQUE = "23505";
    private static final String NOT_NULL = "23502";

    private static PostgresTestDatabase db;
    private static Connection connection;

    /** One bad row and the constraint that must reject it. */
    record Case(String table, Map<String, String> overrides, String sqlState, String constraintPattern) {
        @Override
        public String toString() {
            return table + " [" + ValidRows.describe(overrides) + "] -> " + constraintPattern;
        }
    }

    private static Case check(String table, String constraint, String... overrides) {
        return new Case(table, map(overrides), CHECK, constraint);
    }

    private static Case fk(String table, String constraint, String... overrides) {
        return new Case(table, map(overrides), FK, constraint);
    }

    private static Case unique(String table, String constraint, String... overrides) {
        return new Case(table, map(overrides), UNIQUE, constraint);
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Case> constraintCases() {
        List<Case> cases = new ArrayList<>();
        // facilities
        cases.add(check("facilities", "check_facilities_name_not_blank", "name", "'  '"));
        cases.add(check("facilities", "check_facilities_timezone_not_blank", "timezone", "''"));
        cases.add(unique("facilities", "facilities_pkey", "id", q(FACILITY_A)));
        // locations
        cases.add(check("locations", "check_locations_kind", "kind", "'kitchen'"));
        cases.add(unique("locations", "uq_locations_facility_name", "name", "'Room 101'"));
        cases.add(fk("locations", "locations_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(unique("locations", "locations_pkey|uq_locations_id_facility", "id", "(SELECT id FROM locations LIMIT 1)"));
        // maps
        cases.add(check("maps", "check_maps_version", "version", "0"));
        cases.add(unique("maps", "uq_maps_facility_name_version", "name", "'Campus'"));
        cases.add(fk("maps", "maps_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(unique("maps", "maps_pkey", "id", "(SELECT id FROM maps LIMIT 1)"));
        // maintenance_runs, mission_archive (V14_1)
        cases.add(check("maintenance_runs", "check_maintenance_runs_outcome", "outcome", "'paused'", "finished_at", "NOW()"));
        cases.add(check("maintenance_runs", "check_maintenance_runs_finished", "finished_at", "NOW()"));
        cases.add(check("maintenance_runs", "check_maintenance_runs_steps", "steps", "'{}'"));
        cases.add(unique("maintenance_runs", "maintenance_runs_pkey", "id", "1000000"));
        cases.add(check("mission_archive", "check_mission_archive_event_count", "event_count", "-1"));
        cases.add(check("mission_archive", "check_mission_archive_document", "document", "'[]'"));
        cases.add(fk("mission_archive", "mission_archive_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(unique("mission_archive", "mission_archive_pkey", "mission_id", "'a0000000-0000-0000-0000-0000000000a1'"));
        // users
        cases.add(check("users", "check_users_status", "status", "'banned'"));
        cases.add(check("users", "check_users_email_format", "email", "'not-an-email'"));
        cases.add(check("users", "check_users_mfa_secret", "mfa_enabled", "TRUE"));
        cases.add(check("users", "check_users_password_reset_pair", "password_reset_token", "'tok'"));
        cases.add(unique("users", "idx_users_email_unique", "email", "'Nurse.A@Example.org'"));
        cases.add(fk("users", "users_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(unique("users", "users_pkey|uq_users_id_facility", "id", q(USER_A)));
        // roles / permissions / role_permissions
        cases.add(unique("roles", "roles_name_key", "name", "'admin'"));
        cases.add(unique("roles", "roles_pkey", "id", "(SELECT id FROM roles WHERE name = 'admin')"));
        cases.add(unique("permissions", "unique_permission", "resource", "'mission'", "action", "'create'"));
        cases.add(check("permissions", "check_permissions_resource_format", "resource", "'Mission'"));
        cases.add(check("permissions", "check_permissions_action_format", "action", "'do it'"));
        cases.add(unique("permissions", "permissions_pkey", "id", "(SELECT id FROM permissions LIMIT 1)"));
        cases.add(unique("role_permissions", "role_permissions_pkey", "role_id", "(SELECT id FROM roles WHERE name = 'admin')"));
        cases.add(fk("role_permissions", "role_permissions_role_id_fkey", "role_id", NOWHERE));
        cases.add(fk("role_permissions", "role_permissions_permission_id_fkey", "permission_id", NOWHERE));
        // user_roles
        cases.add(unique("user_roles", "user_roles_pkey", "role_id", "(SELECT id FROM roles WHERE name = 'nurse')"));
        cases.add(fk("user_roles", "user_roles_role_id_fkey", "role_id", NOWHERE));
        cases.add(fk("user_roles", "fk_user_roles_user", "user_id", q(USER_B)));
        cases.add(fk("user_roles", "fk_user_roles_assigned_by", "assigned_by_user_id", q(USER_B)));
        cases.add(fk("user_roles", "user_roles_facility_id_fkey|fk_user_roles_user", "facility_id", NOWHERE));
        // residents
        cases.add(check("residents", "check_gender", "gender", "'other'"));
        cases.add(check("residents", "check_residents_wheelchair_type", "wheelchair_type", "'rocket'"));
        cases.add(check("residents", "check_residents_gdpr_consent_date", "gdpr_consent", "TRUE"));
        cases.add(fk("residents", "residents_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(unique("residents", "residents_pkey|uq_residents_id_facility", "id", q(RESIDENT_A)));
        // caregiver_assignments
        cases.add(unique("caregiver_assignments", "caregiver_assignments_pkey", "resident_id", q(RESIDENT_A)));
        cases.add(fk("caregiver_assignments", "fk_caregiver_assignments_caregiver", "caregiver_user_id", q(USER_B)));
        cases.add(fk("caregiver_assignments", "fk_caregiver_assignments_resident", "resident_id", q(RESIDENT_B)));
        cases.add(fk("caregiver_assignments", "fk_caregiver_assignments_assigned_by", "assigned_by_user_id", q(USER_B)));
        cases.add(fk("caregiver_assignments", "caregiver_assignments_facility_id_fkey|fk_caregiver_assignments_caregiver",
                "facility_id", NOWHERE));
        // vehicles
        cases.add(check("vehicles", "check_vehicles_status", "status", "'flying'"));
        cases.add(check("vehicles", "check_battery_level", "battery_level", "101"));
        cases.add(check("vehicles", "check_vehicles_version", "version", "-1"));
        cases.add(check("vehicles", "check_vehicles_unbound_when_out_of_service",
                "status", "'charging'", "current_mission_id", q(MISSION_A_ASSIGNED)));
        cases.add(check("vehicles", "check_vehicles_current_location_object", "current_location", "'[1, 2]'"));
        cases.add(unique("vehicles", "idx_vehicles_name_unique", "name", "'Alpha'"));
        cases.add(unique("vehicles", "vehicles_serial_number_key", "serial_number", "'" + Fixture.VEHICLE_A_SERIAL + "'"));
        cases.add(unique("vehicles", "vehicles_pkey|uq_vehicles_id_facility", "id", q(VEHICLE_A)));
        cases.add(fk("vehicles", "vehicles_facility_id_fkey", "facility_id", NOWHERE));
        cases.add(fk("vehicles", "fk_vehicles_current_mission", "current_mission_id", q(MISSION_B)));
        // missions
        cases.add(check("missions", "check_priority", "priority", "'asap'"));
        cases.add(check("missions", "check_missions_status", "status", "'lost'"));
        cases.add(check("missions", "check_missions_last_progress", "last_progress", "'teleported'"));
        cases.add(check("missions", "check_missions_active_has_vehicle", "status", "'assigned'"));
        cases.add(check("missions", "check_missions_failed_has_reason", "status", "'failed'", "failure_reason", "'  '"));
        cases.add(check("missions", "check_missions_version", "version", "-1"));
        cases.add(fk("missions", "fk_missions_resident", "resident_id", q(RESIDENT_B)));
        cases.add(fk("missions", "fk_missions_vehicle", "vehicle_id", q(VEHICLE_B)));
        cases.add(fk("missions", "fk_missions_created_by", "created_by_user_id", q(USER_B)));
        cases.add(fk("missions", "missions_facility_id_fkey|fk_missions_resident|fk_missions_created_by", "facility_id", NOWHERE));
        cases.add(unique("missions", "idx_missions_one_active_per_vehicle",
                "vehicle_id", q(VEHICLE_A), "status", "'in_progress'"));
        cases.add(unique("missions", "missions_pkey|uq_missions_id_facility", "id", q(MISSION_A_ASSIGNED)));
        // mission_events
        cases.add(check("mission_events", "check_mission_events_event_type", "event_type", "'exploded'"));
        cases.add(fk("mission_events", "fk_mission_events_mission", "mission_id", q(MISSION_B)));
        cases.add(fk("mission_events", "fk_mission_events_vehicle", "vehicle_id", q(VEHICLE_B)));
        cases.add(fk("mission_events", "fk_mission_events_created_by", "created_by_user_id", q(USER_B)));
        cases.add(fk("mission_events", "mission_events_facility_id_fkey|fk_mission_events_mission", "facility_id", NOWHERE));
        cases.add(unique("mission_events", "mission_events_pkey", "id", "(SELECT min(id) FROM mission_events)"));
        // telemetry
        cases.add(check("telemetry", "check_telemetry_latitude", "latitude", "90.5"));
        cases.add(check("telemetry", "check_telemetry_longitude", "longitude", "-180.5"));
        cases.add(check("telemetry", "check_telemetry_heading", "heading", "360.5"));
        cases.add(check("telemetry", "check_telemetry_battery_level", "battery_level", "-1"));
        cases.add(check("telemetry", "check_telemetry_cpu_usage", "cpu_usage", "101"));
        cases.add(check("telemetry", "check_telemetry_memory_usage", "memory_usage", "-1"));
        cases.add(check("telemetry", "check_telemetry_disk_usage", "disk_usage", "101"));
        cases.add(check("telemetry", "check_telemetry_lidar_status", "lidar_status", "'broken'"));
        cases.add(check("telemetry", "check_telemetry_camera_status", "camera_status", "'broken'"));
        cases.add(check("telemetry", "check_telemetry_imu_status", "imu_status", "'broken'"));
        cases.add(fk("telemetry", "fk_telemetry_vehicle", "vehicle_id", q(VEHICLE_B)));
        cases.add(fk("telemetry", "telemetry_facility_id_fkey|fk_telemetry_vehicle", "facility_id", NOWHERE));
        cases.add(unique("telemetry", "telemetry_(\\d{4}_\\d{2}|default)_pkey",
                "id", "(SELECT min(id) FROM telemetry)", "timestamp", "(SELECT timestamp FROM telemetry ORDER BY id LIMIT 1)"));
        // vehicle_logs
        cases.add(check("vehicle_logs", "check_vehicle_logs_level", "level", "'fatal'"));
        cases.add(fk("vehicle_logs", "fk_vehicle_logs_vehicle", "vehicle_id", q(VEHICLE_B)));
        cases.add(fk("vehicle_logs", "vehicle_logs_facility_id_fkey|fk_vehicle_logs_vehicle", "facility_id", NOWHERE));
        cases.add(unique("vehicle_logs", "vehicle_logs_pkey", "id", "(SELECT min(id) FROM vehicle_logs)"));
        // audit_logs
        cases.add(check("audit_logs", "check_audit_logs_failure_reason", "success", "FALSE"));
        cases.add(fk("audit_logs", "audit_logs_facility_id_fkey|fk_audit_logs_user_facility", "facility_id", NOWHERE));
        cases.add(fk("audit_logs", "fk_audit_logs_user_facility", "facility_id", q(FACILITY_A), "user_id", NOWHERE));
        // V12: an entry of a facility names a user of that facility; a system entry (no facility) names no user
        cases.add(fk("audit_logs", "fk_audit_logs_user_facility", "facility_id", q(FACILITY_A), "user_id", q(USER_B)));
        cases.add(check("audit_logs", "check_audit_logs_system_entry_without_user", "user_id", q(USER_A)));
        cases.add(unique("audit_logs", "audit_logs_(\\d{4}|default)_pkey",
                "id", "(SELECT min(id) FROM audit_logs)", "timestamp", "(SELECT timestamp FROM audit_logs ORDER BY id LIMIT 1)"));
        // audit_logs_pending (V22): audit_logs' rules, so a waiting entry can always be moved into audit_logs
        cases.add(check("audit_logs_pending", "check_audit_logs_pending_failure_reason", "success", "FALSE"));
        cases.add(fk("audit_logs_pending", "audit_logs_pending_facility_id_fkey|fk_audit_logs_pending_user_facility",
                "facility_id", NOWHERE));
        cases.add(fk("audit_logs_pending", "fk_audit_logs_pending_user_facility", "facility_id", q(FACILITY_A),
                "user_id", q(USER_B)));
        cases.add(check("audit_logs_pending", "check_audit_logs_pending_system_entry_without_user", "user_id", q(USER_A)));
        // data_access_logs
        cases.add(check("data_access_logs", "check_data_access_logs_access_type", "access_type", "'delete'"));
        cases.add(fk("data_access_logs", "fk_data_access_logs_user", "user_id", q(USER_B)));
        cases.add(fk("data_access_logs", "fk_data_access_logs_resident", "resident_id", q(RESIDENT_B)));
        cases.add(fk("data_access_logs", "data_access_logs_facility_id_fkey|fk_data_access_logs_resident", "facility_id", NOWHERE));
        cases.add(unique("data_access_logs", "data_access_logs_pkey", "id", "(SELECT min(id) FROM data_access_logs)"));
        // V13 audit chain
        cases.add(check("audit_chain_heads", "check_audit_chain_heads_last_seq", "last_seq", "-1"));
        cases.add(unique("audit_chain_heads", "audit_chain_heads_pkey", "chain_id",
                "(SELECT chain_id FROM audit_chain_heads LIMIT 1)"));
        cases.add(check("audit_chain_checkpoints", "check_audit_chain_checkpoints_seq", "seq", "0"));
        cases.add(unique("audit_chain_checkpoints", "audit_chain_checkpoints_pkey", "chain_id",
                "(SELECT chain_id FROM audit_chain_checkpoints LIMIT 1)"));
        return cases;
    }

    @BeforeAll
    static void migrate() throws SQLException {
        db = PostgresTestDatabase.create("constraints");
        TvmMigrations.migrate(db.dataSource());
        connection = db.connect();
        Fixture.insert(connection);
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void drop() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tvm.migrations.support.ValidRows#tables")
    void the_valid_row_of_every_table_is_accepted(String table) throws SQLException {
        try {
            Sql.exec(connection, ValidRows.insert(table, Map.of()));
        } finally {
            connection.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraintCases")
    void constraint_rejects_bad_row(Case c) {
        ServerErrorMessage error = rejection(ValidRows.insert(c.table(), c.overrides()));
        assertThat(error.getSQLState()).as("SQLState of " + c).isEqualTo(c.sqlState());
        assertThat(error.getConstraint()).as("constraint of " + c).matches(Pattern.compile(c.constraintPattern()));
    }

    static Stream<String[]> notNullColumns() throws SQLException {
        // read from the live schema, so a NOT NULL added later is covered automatically
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND is_nullable = 'NO' AND is_generated = 'NEVER'
                      AND table_name = ANY (?) ORDER BY table_name, ordinal_position""",
                    c.createArrayOf("text", ValidRows.tables().toArray()))) {
                out.add(new String[] {(String) row.get("table_name"), (String) row.get("column_name")});
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}.{1} NOT NULL")
    @MethodSource("notNullColumns")
    void not_null_rejects_null(String table, String column) {
        // telemetry.facility_id is filled from the vehicle when NULL (V14); it stays NULL for an unknown vehicle
        String sql = table.equals("telemetry") && column.equals("facility_id")
                ? ValidRows.insert(table, Map.of(column, "NULL", "vehicle_id", "'" + java.util.UUID.randomUUID() + "'"))
                : ValidRows.insert(table, column, "NULL");
        ServerErrorMessage error = rejection(sql);
        assertThat(error.getSQLState()).isEqualTo(NOT_NULL);
        assertThat(error.getColumn()).isEqualTo(column);
    }

    @Test
    void every_check_foreign_key_and_unique_constraint_has_a_case() throws SQLException {
        Set<String> covered = new TreeSet<>();
        for (Case c : constraintCases()) {
            covered.add(c.constraintPattern().split("\\|")[0]);
        }
        // Not separately violable: UNIQUE (id, facility_id) targets of the composite FKs are implied by the
        // primary key on id (a duplicate id hits one of the two first).
        Set<String> impliedByPrimaryKey = Set.of("uq_locations_id_facility", "uq_users_id_facility", "uq_residents_id_facility",
                "uq_vehicles_id_facility", "uq_missions_id_facility");
        Set<String> all = new TreeSet<>();
        try (Connection c = db.connect()) {
            all.addAll(Sql.strings(c, """
                    SELECT con.conname FROM pg_constraint con JOIN pg_class cls ON cls.oid = con.conrelid
                    WHERE cls.relnamespace = 'public'::regnamespace AND NOT cls.relispartition
                      AND cls.relname NOT IN ('spatial_ref_sys', 'flyway_schema_history')
                      AND con.contype IN ('c', 'f', 'u', 'p')"""));
            all.addAll(Sql.strings(c, """
                    SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                    WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
                      AND x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)
                      AND t.relname NOT IN ('spatial_ref_sys', 'flyway_schema_history')"""));
        }
        all.removeAll(impliedByPrimaryKey);
        all.removeIf(name -> name.startsWith("telemetry_") && name.endsWith("_pkey") || name.startsWith("audit_logs_") && name.endsWith("_pkey"));
        covered.add("telemetry_pkey");
        covered.add("audit_logs_pkey");
        assertThat(covered).as("constraint cases").containsAll(all);
    }

    @Test
    void one_active_mission_per_vehicle_ignores_finished_and_deleted_missions() throws SQLException {
        try {
            // fixture: vehicle A has an assigned mission and a completed one; another completed one is fine
            Sql.exec(connection, ValidRows.insert("missions", Map.of("vehicle_id", q(VEHICLE_A), "status", "'completed'")));
            // a soft-deleted active mission does not count either
            Sql.exec(connection, ValidRows.insert("missions",
                    Map.of("vehicle_id", q(VEHICLE_A), "status", "'in_progress'", "deleted_at", "NOW()")));
            // after the active one completes, the vehicle can take a new one
            Sql.exec(connection, "UPDATE missions SET status = 'completed' WHERE id = '" + MISSION_A_ASSIGNED + "'");
            Sql.exec(connection, ValidRows.insert("missions", Map.of("vehicle_id", q(VEHICLE_A), "status", "'assigned'")));
        } finally {
            connection.rollback();
        }
    }

    @Test
    void composite_foreign_keys_reject_pointing_into_another_facility_on_update_too() {
        ServerErrorMessage error = rejection("UPDATE missions SET vehicle_id = '" + VEHICLE_B + "' WHERE facility_id = '" + FACILITY_A + "'");
        assertThat(error.getSQLState()).isEqualTo(FK);
        assertThat(error.getConstraint()).isEqualTo("fk_missions_vehicle");
    }

    private static ServerErrorMessage rejection(String sql) {
        try {
            Sql.exec(connection, sql);
            fail("expected a rejection of: " + sql);
            return null;
        } catch (PSQLException e) {
            assertThat(e.getServerErrorMessage()).as(e.getMessage()).isNotNull();
            return e.getServerErrorMessage();
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void resident_and_user_references_are_checked_too() {
        ServerErrorMessage error = rejection(ValidRows.insert("data_access_logs", "resident_id", q(RESIDENT_B)));
        assertThat(error.getConstraint()).isEqualTo("fk_data_access_logs_resident");
        error = rejection(ValidRows.insert("missions", "created_by_user_id", q(USER_A.replace('a', 'c'))));
        assertThat(error.getConstraint()).isEqualTo("fk_missions_created_by");
    }
}
