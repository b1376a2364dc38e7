package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.migrations.support.Fixture.FACILITY_A;
import static org.tvm.migrations.support.Fixture.FACILITY_B;
import static org.tvm.migrations.support.Fixture.MISSION_A_PENDING;
import static org.tvm.migrations.support.Fixture.RESIDENT_A;
import static org.tvm.migrations.support.Fixture.VEHICLE_A;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;
import org.tvm.migrations.support.ValidRows;

/**
 * Row-level security and privileges, seen from a real application login: a temporary LOGIN role that is a
 * member of tvm_app (NOSUPERUSER, NOBYPASSRLS, not the owner), with the facility context set the way the
 * adapters set it: set_config('app.current_facility_id', ?, true) inside the transaction.
 */
class PostgresSecurityTest {

    private static final String PERMISSION_DENIED = "42501";

    private static PostgresTestDatabase db;
    private static PostgresTestDatabase.Login app;
    private Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        db = PostgresTestDatabase.create("security");
        TvmMigrations.migrate(db.dataSource());
        try (Connection c = db.connect()) {
            Fixture.insert(c);
            Sql.exec(c, "REFRESH MATERIALIZED VIEW mission_summary");
            Sql.exec(c, "ANALYZE"); // statistics exist, so the side-channel checks below have something to hide
        }
        app = db.createLoginRole("tvm_app");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void connectAsApp() throws SQLException {
        connection = db.dataSource(app.user(), app.password()).getConnection();
        connection.setAutoCommit(false);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.rollback();
        connection.close();
    }

    private void context(String facilityId) throws SQLException {
        Sql.rows(connection, "SELECT set_config('app.current_facility_id', ?, true), set_config('app.current_actor_id', ?, true)",
                facilityId, Fixture.USER_A);
    }

    @Test
    void the_login_is_an_ordinary_role() throws SQLException {
        assertThat(Sql.strings(connection, "SELECT rolsuper::text || rolbypassrls::text FROM pg_roles WHERE rolname = current_user"))
                .containsExactly("falsefalse");
        assertThat(Sql.strings(connection, "SELECT pg_has_role(current_user, 'tvm_app', 'USAGE')::text")).containsExactly("true");
    }

    static Stream<String> facilityOwnedTables() {
        return Stream.concat(Stream.of("facilities"), Fixture.FACILITY_OWNED_TABLES.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facilityOwnedTables")
    void rls_shows_only_the_context_facility(String table) throws SQLException {
        String column = table.equals("facilities") ? "id" : "facility_id";
        context(FACILITY_A);
        List<String> visible = Sql.strings(connection, "SELECT DISTINCT " + column + "::text FROM " + table);
        assertThat(visible).as(table + " under facility A").containsExactly(FACILITY_A);
        assertThat(Sql.number(connection, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?::uuid", FACILITY_B)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facilityOwnedTables")
    void without_a_facility_context_nothing_is_visible(String table) throws SQLException {
        assertThat(Sql.number(connection, "SELECT count(*) FROM " + table)).isZero();
    }

    @Test
    void the_context_is_transaction_local() throws SQLException {
        context(FACILITY_A);
        assertThat(Sql.number(connection, "SELECT count(*) FROM residents")).isEqualTo(2);
        connection.commit();
        assertThat(Sql.number(connection, "SELECT count(*) FROM residents")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertableTables")
    void inserting_into_another_facility_is_rejected(String table) throws SQLException {
        context(FACILITY_B);  // the valid rows belong to facility A
        assertThatThrownBy(() -> Sql.exec(connection, ValidRows.insert(table, Map.of())))
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining("row-level security")
                .extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
    }

    static Stream<String> insertableTables() {
        // audit_logs: its own test below; audit_logs_pending: only the audit triggers write it (next test)
        return Fixture.FACILITY_OWNED_TABLES.stream().filter(t -> !t.equals("audit_logs") && !t.equals("audit_logs_pending"));
    }

    /** V22: the entries waiting for the chain are written by the triggers and moved by the drain, never by a login. */
    @Test
    void waiting_audit_entries_are_read_only_for_the_app_and_the_admin_role() throws SQLException {
        context(FACILITY_A);
        assertThat(Sql.number(connection, "SELECT count(*) FROM audit_logs_pending")).isPositive();
        assertDenied(ValidRows.insert("audit_logs", Map.of()).replace("INSERT INTO audit_logs ", "INSERT INTO audit_logs_pending "));
        try (Connection admin = db.connect()) {
            admin.setAutoCommit(false);
            Sql.exec(admin, "SET LOCAL ROLE tvm_admin");
            assertThat(Sql.number(admin, "SELECT count(*) FROM audit_logs_pending")).isPositive();
            for (String tampering : List.of("UPDATE audit_logs_pending SET action = 'forged'", "DELETE FROM audit_logs_pending",
                    "TRUNCATE audit_logs_pending")) {
                assertThatThrownBy(() -> Sql.exec(admin, tampering)).as(tampering)
                        .isInstanceOf(PSQLException.class).hasMessageContaining("permission denied");
                admin.rollback();
                Sql.exec(admin, "SET LOCAL ROLE tvm_admin");
            }
            admin.rollback();
        }
    }

    @Test
    void audit_rows_must_carry_the_context_facility() throws SQLException {
        context(FACILITY_A);
        Sql.exec(connection, ValidRows.insert("audit_logs", "facility_id", "'" + FACILITY_A + "'"));
        assertThatThrownBy(() -> Sql.exec(connection, ValidRows.insert("audit_logs", Map.of())))  // facility_id NULL
                .isInstanceOf(PSQLException.class).hasMessageContaining("row-level security");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertableTables")
    void inserting_into_the_own_facility_works(String table) throws SQLException {
        context(FACILITY_A);
        Sql.exec(connection, ValidRows.insert(table, Map.of()));
    }

    @Test
    void moving_a_row_to_another_facility_is_rejected() throws SQLException {
        context(FACILITY_A);
        assertThatThrownBy(() -> Sql.exec(connection, "UPDATE residents SET facility_id = '" + FACILITY_B + "' WHERE id = '" + RESIDENT_A + "'"))
                .isInstanceOf(PSQLException.class).hasMessageContaining("row-level security");
    }

    @Test
    void rows_of_another_facility_cannot_be_updated_or_deleted() throws SQLException {
        context(FACILITY_B);
        assertThat(connection.createStatement().executeUpdate("UPDATE residents SET last_name = 'X' WHERE id = '" + RESIDENT_A + "'")).isZero();
        assertThat(connection.createStatement().executeUpdate("DELETE FROM vehicles WHERE id = '" + VEHICLE_A + "'")).isZero();
    }

    static Stream<String> appendOnlyTables() {
        return Stream.of("audit_logs", "data_access_logs", "mission_events", "telemetry", "vehicle_logs", "audit_logs_pending");
    }

    @ParameterizedTest(name = "UPDATE {0}")
    @MethodSource("appendOnlyTables")
    void append_only_tables_cannot_be_updated(String table) throws SQLException {
        context(FACILITY_A);
        assertDenied("UPDATE " + table + " SET facility_id = facility_id");
    }

    @ParameterizedTest(name = "DELETE {0}")
    @MethodSource("appendOnlyTables")
    void append_only_tables_cannot_be_deleted_from(String table) throws SQLException {
        context(FACILITY_A);
        assertDenied("DELETE FROM " + table);
    }

    @Test
    void the_catalogue_is_read_only_for_the_app() throws SQLException {
        assertThat(Sql.number(connection, "SELECT count(*) FROM roles")).isEqualTo(6);
        assertThat(Sql.number(connection, "SELECT count(*) FROM role_permissions")).isPositive();
        assertDenied("INSERT INTO roles (name) VALUES ('root')");
        assertDenied("UPDATE permissions SET description = 'x'");
        assertDenied("DELETE FROM role_permissions");
    }

    @Test
    void facilities_are_created_by_the_admin_entry_point_only() throws SQLException {
        context(FACILITY_A);
        assertDenied("INSERT INTO facilities (name) VALUES ('Rogue')");
        assertThat(connection.createStatement().executeUpdate("UPDATE facilities SET address = 'New address'")).isEqualTo(1);
    }

    @Test
    void partitions_are_reachable_only_through_their_parent() throws SQLException {
        String partition = "telemetry_" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy_MM"));
        assertDenied("SELECT count(*) FROM " + partition);
        assertDenied("SELECT count(*) FROM telemetry_default");
    }

    /** V10: missions are soft-deleted; a hard DELETE would cascade into the append-only mission_events. */
    @Test
    void the_app_cannot_erase_the_mission_timeline_by_hard_deleting_a_mission() throws SQLException {
        context(FACILITY_A);
        Sql.exec(connection, "INSERT INTO mission_events (facility_id, mission_id, event_type) VALUES ('" + FACILITY_A + "', '"
                + MISSION_A_PENDING + "', 'created')");
        long events = Sql.number(connection, "SELECT count(*) FROM mission_events WHERE mission_id = ?::uuid", MISSION_A_PENDING);
        assertThat(events).isPositive();
        assertDenied("DELETE FROM missions WHERE id = '" + MISSION_A_PENDING + "'");
        assertThat(Sql.number(connection, "SELECT count(*) FROM mission_events WHERE mission_id = ?::uuid", MISSION_A_PENDING))
                .isEqualTo(events);
        assertThat(connection.createStatement().executeUpdate(
                "UPDATE missions SET deleted_at = NOW() WHERE id = '" + MISSION_A_PENDING + "'")).isEqualTo(1);
    }

    /** V10: default privileges (spec §13.1 suggests them) must not open partitions created later. */
    @Test
    void partitions_created_under_default_privileges_stay_unreachable() throws SQLException {
        String grant = "IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tvm_app, PUBLIC";
        try (Connection su = db.connect()) {
            Sql.exec(su, "ALTER DEFAULT PRIVILEGES " + grant);
            try {
                assertThat(Sql.number(su, "SELECT tvm_ensure_telemetry_partitions('2041-01-01', '2041-01-01')")).isEqualTo(1);
                assertThat(Sql.number(su, "SELECT tvm_ensure_audit_partitions(2041, 2041)")).isEqualTo(1);
                assertDenied("SELECT count(*) FROM telemetry_2041_01");
                assertDenied("SELECT count(*) FROM audit_logs_2041");
                assertDenied("DELETE FROM telemetry_2041_01");
            } finally {
                Sql.exec(su, "ALTER DEFAULT PRIVILEGES " + grant.replace("GRANT", "REVOKE").replace(" TO ", " FROM "));
                Sql.exec(su, "DROP TABLE IF EXISTS telemetry_2041_01, audit_logs_2041");
            }
        }
    }

    /** V10: even a partition someone granted directly enforces the facility policy (ENABLE + FORCE RLS on it). */
    @Test
    void a_partition_granted_directly_still_isolates_facilities() throws SQLException {
        String partition;
        try (Connection su = db.connect()) {
            partition = Sql.strings(su, "SELECT DISTINCT tableoid::regclass::text FROM audit_logs WHERE action = 'login'").get(0);
            Sql.exec(su, "GRANT SELECT, INSERT, UPDATE, DELETE ON " + partition + " TO tvm_app");
        }
        try {
            assertThat(Sql.number(connection, "SELECT count(*) FROM " + partition)).isZero();
            context(FACILITY_A);
            assertThat(Sql.strings(connection, "SELECT DISTINCT facility_id::text FROM " + partition)).containsExactly(FACILITY_A);
            assertThat(connection.createStatement().executeUpdate(
                    "DELETE FROM " + partition + " WHERE facility_id = '" + FACILITY_B + "' OR facility_id IS NULL")).isZero();
            Sql.exec(connection, "SAVEPOINT probe");
            assertThatThrownBy(() -> Sql.exec(connection, "INSERT INTO " + partition + " (facility_id, action, success) VALUES ('"
                    + FACILITY_B + "', 'forged', TRUE)")).isInstanceOf(PSQLException.class).hasMessageContaining("row-level security");
            Sql.exec(connection, "ROLLBACK TO SAVEPOINT probe");
        } finally {
            connection.rollback();
            try (Connection su = db.connect()) {
                Sql.exec(su, "REVOKE ALL ON " + partition + " FROM tvm_app");
            }
        }
    }

    @Test
    void the_materialized_view_is_read_through_the_facility_filtered_view() throws SQLException {
        assertDenied("SELECT count(*) FROM mission_summary");
        context(FACILITY_A);
        assertThat(Sql.strings(connection, "SELECT DISTINCT facility_id::text FROM facility_mission_summary")).containsExactly(FACILITY_A);
    }

    @Test
    void partition_maintenance_is_for_the_admin_role_only() throws SQLException {
        assertDenied("SELECT tvm_ensure_telemetry_partitions('2032-01-01', '2032-01-01')");
        assertDenied("SELECT * FROM tvm_drop_telemetry_partitions_before('2000-01-01')");
        assertDenied("SELECT tvm_ensure_audit_partitions(2040, 2040)");
    }

    @Test
    void the_app_can_use_the_sequences_of_append_only_tables() throws SQLException {
        context(FACILITY_A);
        Sql.exec(connection, "INSERT INTO mission_events (facility_id, mission_id, event_type) VALUES ('" + FACILITY_A + "', '"
                + MISSION_A_PENDING + "', 'created')");
        Sql.exec(connection, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp, battery_level) VALUES ('" + FACILITY_A
                + "', '" + VEHICLE_A + "', NOW(), 50)");
    }

    @Test
    void tvm_admin_bypasses_rls_and_maintains_partitions() throws SQLException {
        try (Connection admin = db.connect()) {
            admin.setAutoCommit(false);
            Sql.exec(admin, "SET LOCAL ROLE tvm_admin");
            assertThat(Sql.strings(admin, "SELECT current_user")).containsExactly("tvm_admin");
            assertThat(Sql.number(admin, "SELECT count(DISTINCT facility_id) FROM residents")).isEqualTo(2);
            assertThat(Sql.number(admin, "SELECT tvm_ensure_telemetry_partitions('2033-01-01', '2033-02-01')")).isEqualTo(2);
            assertThat(Sql.strings(admin, "SELECT * FROM tvm_drop_telemetry_partitions_before('2000-01-01')")).isEmpty();
            Sql.exec(admin, "REFRESH MATERIALIZED VIEW CONCURRENTLY mission_summary");
            admin.rollback();
        }
    }

    @Test
    void tvm_readonly_reads_but_cannot_write() throws SQLException {
        try (Connection ro = db.connect()) {
            ro.setAutoCommit(false);
            Sql.exec(ro, "SET LOCAL ROLE tvm_readonly");
            Sql.rows(ro, "SELECT set_config('app.current_facility_id', ?, true)", FACILITY_A);
            assertThat(Sql.number(ro, "SELECT count(*) FROM residents")).isEqualTo(2);
            // V10: the materialized view carries no RLS (it held every facility's resident names)
            Sql.exec(ro, "SAVEPOINT probe");
            assertThatThrownBy(() -> Sql.exec(ro, "SELECT count(*) FROM mission_summary"))
                    .isInstanceOf(PSQLException.class).extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
            Sql.exec(ro, "ROLLBACK TO SAVEPOINT probe");
            assertThat(Sql.strings(ro, "SELECT DISTINCT facility_id::text FROM facility_mission_summary")).containsExactly(FACILITY_A);
            assertThatThrownBy(() -> Sql.exec(ro, "UPDATE residents SET last_name = last_name"))
                    .isInstanceOf(PSQLException.class).extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
            ro.rollback();
        }
    }

    /** V12: the PostGIS entry points to table statistics and extents are closed to the app, with or without context. */
    @Test
    void postgis_statistics_and_extents_are_not_readable_by_the_app() throws SQLException {
        List<String> functions = Sql.strings(connection, "SELECT p.oid::regprocedure::text FROM pg_proc p "
                + "WHERE p.proname IN ('st_estimatedextent', '_postgis_stats', '_postgis_selectivity', "
                + "'_postgis_join_selectivity', '_postgis_index_extent')");
        assertThat(functions).hasSizeGreaterThanOrEqualTo(7);
        for (String f : functions) {
            assertThat(Sql.strings(connection, "SELECT has_function_privilege(current_user, '" + f + "', 'execute')::text"))
                    .as(f).containsExactly("false");
        }
        for (String facility : new String[] {null, FACILITY_A}) {
            if (facility != null) {
                context(facility);
            }
            assertDenied("SELECT ST_EstimatedExtent('locations', 'coordinates')");
            assertDenied("SELECT ST_EstimatedExtent('public', 'locations', 'coordinates')");
            assertDenied("SELECT ST_EstimatedExtent('public', 'locations', 'coordinates', true)");
            assertDenied("SELECT _postgis_stats('locations'::regclass, 'coordinates')");
            assertDenied("SELECT _postgis_selectivity('locations'::regclass, 'coordinates', "
                    + "ST_MakeEnvelope(-180, -90, 180, 90, 4326))");
            assertDenied("SELECT _postgis_join_selectivity('locations'::regclass, 'coordinates', 'locations'::regclass, "
                    + "'coordinates')");
            assertDenied("SELECT _postgis_index_extent('locations'::regclass, 'coordinates')");
        }
    }

    /**
     * The planner estimates spatial predicates through PostGIS's C selectivity functions, not the SQL entry points
     * V12 revoked: the app still plans and runs spatial queries, and the spatial index is still chosen where row-level
     * security does not force the facility index first (as the owner).
     */
    @Test
    void the_planner_still_estimates_spatial_queries_for_the_app() throws SQLException {
        context(FACILITY_A);
        String query = "SELECT id FROM locations WHERE ST_DWithin(coordinates, "
                + "ST_SetSRID(ST_MakePoint(13.4, 52.5), 4326)::geography, 500)";
        assertThat(Sql.strings(connection, "EXPLAIN " + query)).isNotEmpty();
        Sql.rows(connection, query);
        Sql.rows(connection, "SELECT id FROM locations WHERE coordinates && ST_MakeEnvelope(0, 0, 1, 1, 4326)::geography");
        try (Connection owner = db.connect()) {
            owner.setAutoCommit(false);
            Sql.exec(owner, "SET LOCAL enable_seqscan = off");
            assertThat(String.join("\n", Sql.strings(owner, "EXPLAIN " + query))).contains("idx_locations_coordinates");
            owner.rollback();
        }
    }

    @Test
    void sequences_do_not_count_other_facilities_rows_for_the_app() throws SQLException {
        context(FACILITY_A);
        for (String sequence : List.of("mission_events_id_seq", "telemetry_id_seq", "vehicle_logs_id_seq",
                "audit_logs_id_seq", "data_access_logs_id_seq")) {
            assertDenied("SELECT last_value FROM " + sequence);
        }
        // pg_sequences shows last_value to anyone with USAGE: V12 revokes the function behind it too
        assertDenied("SELECT count(*) FROM pg_sequences WHERE last_value IS NOT NULL");
        assertDenied("SELECT pg_sequence_last_value('telemetry_id_seq'::regclass)");
    }

    @Test
    void column_statistics_of_facility_tables_are_hidden_from_the_app() throws SQLException {
        context(FACILITY_A);
        assertThat(Sql.number(connection, "SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename IN "
                + "('users', 'residents', 'vehicles', 'locations', 'missions', 'audit_logs')")).isZero();
        try (Connection admin = db.connect()) {
            assertThat(Sql.number(admin, "SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = 'users'"))
                    .as("the statistics exist; only the app cannot read them").isPositive();
        }
    }

    /** V12: an audit entry of facility A naming a user of facility B is refused exactly like one naming nobody. */
    @Test
    void audit_entries_name_only_users_of_their_facility_and_do_not_reveal_other_users() throws SQLException {
        context(FACILITY_A);
        Sql.exec(connection, ValidRows.insert("audit_logs", Map.of("facility_id", "'" + FACILITY_A + "'",
                "user_id", "'" + Fixture.USER_A + "'")));
        String otherFacilityUser = refusal(ValidRows.insert("audit_logs", Map.of("facility_id", "'" + FACILITY_A + "'",
                "user_id", "'" + Fixture.USER_B + "'")));
        String nobody = refusal(ValidRows.insert("audit_logs", Map.of("facility_id", "'" + FACILITY_A + "'",
                "user_id", "'" + java.util.UUID.randomUUID() + "'")));
        assertThat(otherFacilityUser).isEqualTo(nobody).isEqualTo("23503 fk_audit_logs_user_facility");
    }

    private String refusal(String sql) throws SQLException {
        Sql.exec(connection, "SAVEPOINT probe");
        try {
            Sql.exec(connection, sql);
            throw new AssertionError("accepted: " + sql);
        } catch (PSQLException e) {
            return e.getSQLState() + " " + e.getServerErrorMessage().getConstraint();
        } finally {
            Sql.exec(connection, "ROLLBACK TO SAVEPOINT probe");
        }
    }

    /**
     * V17: the app cannot update mission_events, but erasure must rewrite their reasons: the one function that may
     * does it only for the caller's facility, and only the free text.
     */
    @Test
    void the_erasure_function_rewrites_only_the_context_facilitys_mission_text() throws SQLException {
        String completedA = Fixture.MISSION_A_COMPLETED;
        context(Fixture.FACILITY_B); // events are not audited row by row: no actor of facility B needed
        long versionB = Sql.number(connection, "SELECT version FROM missions WHERE id = ?::uuid", Fixture.MISSION_B);
        Sql.rows(connection, "INSERT INTO mission_events (facility_id, mission_id, event_type, details) "
                + "VALUES (?::uuid, ?::uuid, 'cancelled', '{\"reason\": \"B felt dizzy\"}') RETURNING id", FACILITY_B, Fixture.MISSION_B);
        context(FACILITY_A);
        Sql.exec(connection, "UPDATE missions SET notes = 'A: speak slowly' WHERE id = '" + completedA + "'");
        Sql.rows(connection, "INSERT INTO mission_events (facility_id, mission_id, event_type, details) "
                + "VALUES (?::uuid, ?::uuid, 'cancelled', '{\"reason\": \"A felt dizzy\", \"by\": \"nurse\"}') RETURNING id",
                FACILITY_A, completedA);
        assertDenied("UPDATE mission_events SET details = NULL");
        long version = Sql.number(connection, "SELECT version FROM missions WHERE id = ?::uuid", completedA);

        // facility A's context naming facility B's resident: nothing changes
        assertThat(Sql.number(connection, "SELECT tvm_erase_resident_mission_text(?::uuid, now())", Fixture.RESIDENT_B)).isZero();
        assertThat(Sql.number(connection, "SELECT tvm_erase_resident_mission_text(?::uuid, now())", RESIDENT_A)).isEqualTo(1);
        assertThat(Sql.number(connection, "SELECT tvm_erase_resident_mission_text(?::uuid, now())", RESIDENT_A)).isZero();

        assertThat(Sql.strings(connection, "SELECT coalesce(notes, '-') || ' ' || version FROM missions WHERE id = ?::uuid",
                completedA)).containsExactly("- " + (version + 1));
        assertThat(Sql.strings(connection, "SELECT details::text FROM mission_events WHERE mission_id = ?::uuid "
                + "AND event_type = 'cancelled'", completedA)).containsExactly("{\"by\": \"nurse\", \"reason\": \"[erased]\"}");
        context(Fixture.FACILITY_B);
        assertThat(Sql.number(connection, "SELECT version FROM missions WHERE id = ?::uuid", Fixture.MISSION_B))
                .isEqualTo(versionB);
        assertThat(Sql.strings(connection, "SELECT details ->> 'reason' FROM mission_events WHERE mission_id = ?::uuid "
                + "AND event_type = 'cancelled'", Fixture.MISSION_B)).containsExactly("B felt dizzy");
    }

    /**
     * V17: erasure also rewrites the archived documents of the resident's missions (mission_archive is admin-only, so
     * the rows are written and read as the owner), in the caller's facility only, and nothing else in them.
     */
    @Test
    void the_erasure_function_rewrites_only_the_context_facilitys_archived_mission_text() throws SQLException {
        // a resident with no live mission: the count is the archived missions alone
        String resident = java.util.UUID.randomUUID().toString();
        String withText = java.util.UUID.randomUUID().toString();
        String withoutText = java.util.UUID.randomUUID().toString();
        String otherFacility = java.util.UUID.randomUUID().toString();
        String textA = "{\"mission\": {\"id\": \"" + withText + "\", \"resident_id\": \"" + resident + "\", "
                + "\"notes\": \"A: speak slowly\", \"failure_reason\": \"felt dizzy\", \"version\": 3, "
                + "\"updated_at\": \"2001-01-01T00:00:00Z\"}, \"events\": [{\"id\": 1, \"details\": "
                + "{\"by\": \"nurse\", \"reason\": \"A felt dizzy\"}}, {\"id\": 2, \"details\": {}}, "
                + "{\"id\": 3, \"details\": null}]}";
        String noTextA = "{\"mission\": {\"id\": \"" + withoutText + "\", \"resident_id\": \"" + resident + "\", "
                + "\"failure_reason\": null}, \"events\": [{\"id\": 4, \"details\": {\"by\": \"robot\"}}]}";
        String textB = "{\"mission\": {\"id\": \"" + otherFacility + "\", \"resident_id\": \"" + resident + "\", "
                + "\"notes\": \"B: speak slowly\"}, \"events\": [{\"id\": 5, \"details\": {\"reason\": \"B felt dizzy\"}}]}";
        String insert = "INSERT INTO mission_archive (mission_id, facility_id, finished_at, archived_at, event_count, "
                + "document) VALUES (?::uuid, ?::uuid, now(), now(), 1, ?::jsonb) RETURNING mission_id";
        String read = "SELECT document::text FROM mission_archive WHERE mission_id = ?::uuid";
        try (Connection owner = db.connect()) {
            Sql.rows(owner, insert, withText, FACILITY_A, textA);
            Sql.rows(owner, insert, withoutText, FACILITY_A, noTextA);
            Sql.rows(owner, insert, otherFacility, FACILITY_B, textB);
            String noTextBefore = Sql.strings(owner, read, withoutText).get(0);
            String textBBefore = Sql.strings(owner, read, otherFacility).get(0);
            try {
                assertDenied("SELECT 1 FROM mission_archive");
                context(FACILITY_A);
                assertThat(Sql.number(connection, "SELECT tvm_erase_resident_mission_text(?::uuid, now())", resident))
                        .isEqualTo(1);
                assertThat(Sql.number(connection, "SELECT tvm_erase_resident_mission_text(?::uuid, now())", resident))
                        .isZero();
                connection.commit();

                assertThat(Sql.strings(owner, read, withText)).containsExactly("{\"events\": [{\"id\": 1, \"details\": "
                        + "{\"by\": \"nurse\", \"reason\": \"[erased]\"}}, {\"id\": 2, \"details\": {}}, "
                        + "{\"id\": 3, \"details\": null}], \"mission\": {\"id\": \"" + withText + "\", "
                        + "\"notes\": null, \"version\": 3, \"updated_at\": \"2001-01-01T00:00:00Z\", "
                        + "\"resident_id\": \"" + resident + "\", \"failure_reason\": \"[erased]\"}}");
                assertThat(Sql.strings(owner, read, withoutText)).as("no member added").containsExactly(noTextBefore);
                assertThat(Sql.strings(owner, read, otherFacility)).as("another facility").containsExactly(textBBefore);
            } finally {
                Sql.rows(owner, "DELETE FROM mission_archive WHERE mission_id IN (?::uuid, ?::uuid, ?::uuid) "
                        + "RETURNING mission_id", withText, withoutText, otherFacility);
            }
        }
    }

    private void assertDenied(String sql) throws SQLException {
        Sql.exec(connection, "SAVEPOINT probe");
        try {
            assertThatThrownBy(() -> Sql.exec(connection, sql))
                    .as(sql)
                    .isInstanceOf(PSQLException.class)
                    .extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
        } finally {
            Sql.exec(connection, "ROLLBACK TO SAVEPOINT probe");
        }
    }
}
