package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.tvm.migrations.support.ExpectedAccess;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Scripts;
import org.tvm.migrations.support.Sql;
import org.tvm.migrations.support.ValidRows;

/** The migrated PostgreSQL schema matches the spec (plus documented additions), and its machinery works. */
class PostgresSchemaTest {

    private static PostgresTestDatabase db;
    private static MigrationReport firstMigration;

    @BeforeAll
    static void migrate() throws SQLException {
        db = PostgresTestDatabase.create("schema");
        firstMigration = TvmMigrations.migrate(db.dataSource());
        try (Connection c = db.connect()) {
            Fixture.insert(c);
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- tables and columns

    @Test
    void first_migrate_applies_every_script_in_order() {
        assertThat(firstMigration.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(firstMigration.initialVersion()).isEmpty();
        assertThat(firstMigration.executed()).extracting(Migration::version)
                .containsExactlyElementsOf(Scripts.versions(Vendor.POSTGRESQL));
        assertThat(firstMigration.targetVersion()).contains(Scripts.latest(Vendor.POSTGRESQL));
    }

    @Test
    void the_schema_has_exactly_the_spec_tables_and_the_tables_it_names() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> tables = Sql.strings(c, """
                    SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                      AND relkind IN ('r', 'p') AND NOT relispartition
                      AND relname NOT IN ('spatial_ref_sys', 'flyway_schema_history') ORDER BY relname""");
            assertThat(tables).containsExactlyInAnyOrderElementsOf(SpecColumns.TABLES.keySet());
        }
    }

    static Stream<String> specTables() {
        return SpecColumns.TABLES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specTables")
    void columns_types_and_nullability_match_the_spec(String table) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        SpecColumns.TABLES.get(table).lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] parts = line.replace("+ ", "").split(" ");
            expected.put(parts[0], parts[1] + " " + parts[2]);
        });
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale, is_nullable
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?""", table)) {
                actual.put((String) row.get("column_name"), type(row) + " " + ("YES".equals(row.get("is_nullable")) ? "null" : "not-null"));
            }
        }
        assertThat(actual).as("columns of " + table).isEqualTo(expected);
    }

    private static String type(Map<String, Object> row) {
        String dataType = (String) row.get("data_type");
        return switch (dataType) {
            case "character varying" -> "varchar(" + row.get("character_maximum_length") + ")";
            case "numeric" -> "numeric(" + row.get("numeric_precision") + "," + row.get("numeric_scale") + ")";
            case "timestamp with time zone" -> "timestamptz";
            case "USER-DEFINED" -> (String) row.get("udt_name");
            case "ARRAY" -> ((String) row.get("udt_name")).substring(1) + "[]";
            default -> dataType;
        };
    }

    @Test
    void coordinates_are_geography_points_in_wgs84() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> columns = Sql.strings(c, """
                    SELECT f_table_name || '.' || f_geography_column || ' ' || type || ' ' || srid
                    FROM geography_columns WHERE f_table_schema = 'public' ORDER BY 1""");
            assertThat(columns).containsExactly(
                    "locations.coordinates Point 4326",
                    "missions.dropoff_coordinates Point 4326",
                    "missions.pickup_coordinates Point 4326",
                    "vehicles.current_point Point 4326");
        }
    }

    @Test
    void vehicles_current_point_is_derived_from_current_location() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Sql.strings(c, "SELECT ST_AsText(current_point) FROM vehicles WHERE id = ?::uuid", Fixture.VEHICLE_A))
                    .containsExactly("POINT(139.7 35.6)");
            assertThat(Sql.strings(c, "SELECT ST_AsText(current_point) FROM vehicles WHERE id = ?::uuid", Fixture.VEHICLE_A2))
                    .containsExactly((String) null);
            assertThat(Sql.strings(c, """
                    SELECT is_generated || ' ' || generation_expression IS NOT NULL FROM information_schema.columns
                    WHERE table_name = 'vehicles' AND column_name = 'current_point'""")).containsExactly("true");
            // nearest vehicle (KNN on the GiST index) from a point near facility A's campus
            assertThat(Sql.strings(c, """
                    SELECT name FROM vehicles WHERE current_point IS NOT NULL
                    ORDER BY current_point <-> ST_GeogFromText('SRID=4326;POINT(139.71 35.61)') LIMIT 1""")).containsExactly("Alpha");
        }
    }

    @Test
    void every_spec_index_exists_plus_the_documented_ones() throws SQLException {
        Set<String> expected = Set.of(
                // spec §4
                "idx_residents_facility", "idx_residents_last_name", "idx_residents_deleted",
                "idx_vehicles_facility", "idx_vehicles_status", "idx_vehicles_last_heartbeat", "idx_vehicles_name",
                "idx_missions_facility", "idx_missions_resident", "idx_missions_vehicle", "idx_missions_status",
                "idx_missions_created_at", "idx_missions_scheduled_at", "idx_missions_pickup_location", "idx_missions_dropoff_location",
                "idx_mission_events_mission", "idx_mission_events_created_at", "idx_mission_events_type",
                "idx_telemetry_vehicle_timestamp", "idx_telemetry_timestamp",
                "idx_users_facility", "idx_user_roles_user", "idx_user_roles_role",
                "idx_audit_logs_user", "idx_audit_logs_timestamp", "idx_audit_logs_action", "idx_audit_logs_resource",
                // spec §5.3 (also covers §4.6 idx_users_email)
                "idx_vehicles_name_unique", "idx_users_email_unique",
                // additions
                "idx_missions_one_active_per_vehicle", "idx_vehicles_current_point", "idx_mission_summary_id",
                // V10: spec query 4 / adapters' timeline order, facility-scoped mission lists
                "idx_mission_events_mission_created_at", "idx_missions_facility_created_at",
                // V23: the operations dashboard (spec query 1) under row-level security
                "idx_missions_active_by_facility", "idx_residents_facility_names");
        try (Connection c = db.connect()) {
            List<String> indexes = Sql.strings(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
            assertThat(indexes).containsAll(expected);
            assertThat(Sql.strings(c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_missions_pickup_location'"))
                    .singleElement().asString().contains("USING gist");
            assertThat(Sql.strings(c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_missions_one_active_per_vehicle'"))
                    .singleElement().asString().contains("UNIQUE").contains("deleted_at IS NULL");
        }
    }

    // ---------------------------------------------------------------- triggers

    static final List<String> TABLES_WITH_UPDATED_AT = List.of(
            "facilities", "locations", "maps", "users", "roles", "residents", "vehicles", "missions");

    @Test
    void every_table_with_updated_at_has_the_trigger() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> withColumn = Sql.strings(c, """
                    SELECT c.table_name FROM information_schema.columns c
                    JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = 'public'::regnamespace
                    WHERE c.table_schema = 'public' AND c.column_name = 'updated_at' AND NOT k.relispartition""");
            List<String> triggers = Sql.strings(c, """
                    SELECT tgrelid::regclass::text || ':' || tgname FROM pg_trigger t
                    JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND p.proname = 'update_updated_at_column'""");
            assertThat(withColumn).containsExactlyInAnyOrderElementsOf(TABLES_WITH_UPDATED_AT);
            assertThat(triggers).containsExactlyInAnyOrderElementsOf(
                    TABLES_WITH_UPDATED_AT.stream().map(t -> t + ":update_" + t + "_updated_at").toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithUpdatedAt")
    void updated_at_trigger_stamps_now_on_update(String table) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                String insert = ValidRows.insert(table, Map.of("updated_at", "'2000-01-01T00:00:00Z'")) + " RETURNING id";
                String id = Sql.strings(c, insert).get(0);
                Sql.exec(c, "UPDATE " + table + " SET created_at = created_at WHERE id = '" + id + "'");
                List<Map<String, Object>> row = Sql.rows(c,
                        "SELECT updated_at = NOW() AS stamped, updated_at > '2000-01-01T00:00:00Z' AS moved FROM " + table
                                + " WHERE id = ?::uuid", id);
                assertThat(row.get(0)).containsEntry("stamped", true).containsEntry("moved", true);
            } finally {
                c.rollback();
            }
        }
    }

    static Stream<String> tablesWithUpdatedAt() {
        return TABLES_WITH_UPDATED_AT.stream();
    }

    // ---------------------------------------------------------------- partitions

    @Test
    void telemetry_partitions_exist_from_last_month_to_three_months_ahead_plus_default() throws SQLException {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy_MM", Locale.ROOT);
        try (Connection c = db.connect()) {
            List<String> partitions = partitionsOf(c, "telemetry");
            assertThat(partitions).contains("telemetry_default");
            for (int i = -1; i <= 3; i++) {
                assertThat(partitions).contains("telemetry_" + thisMonth.plusMonths(i).format(f));
            }
            assertThat(Sql.strings(c, """
                    SELECT tableoid::regclass::text FROM telemetry
                    WHERE vehicle_id = ?::uuid AND timestamp BETWEEN NOW() - INTERVAL '6 minutes' AND NOW()""",
                    Fixture.VEHICLE_A)).singleElement().asString().startsWith("telemetry_2");
        }
    }

    @Test
    void audit_partitions_exist_for_this_and_next_year_plus_default() throws SQLException {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        try (Connection c = db.connect()) {
            assertThat(partitionsOf(c, "audit_logs"))
                    .contains("audit_logs_" + year, "audit_logs_" + (year + 1), "audit_logs_default");
        }
    }

    @Test
    void ensure_telemetry_partitions_creates_missing_months_once() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2031-01-15', '2031-03-01')")).isEqualTo(3);
            assertThat(Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2031-01-01', '2031-03-31')")).isZero();
            assertThat(partitionsOf(c, "telemetry")).contains("telemetry_2031_01", "telemetry_2031_02", "telemetry_2031_03");
            // bounds are UTC months
            assertThat(Sql.strings(c, """
                    SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'telemetry_2031_02'"""))
                    .containsExactly("FOR VALUES FROM ('2031-02-01 00:00:00+00') TO ('2031-03-01 00:00:00+00')");
            // per-partition autovacuum tuning from spec §11.2
            assertThat(Sql.strings(c, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'telemetry_2031_02'"))
                    .singleElement().asString().contains("autovacuum_vacuum_scale_factor=0.05");
        }
    }

    @Test
    void ensure_telemetry_partitions_moves_stray_rows_out_of_the_default_partition() throws SQLException {
        try (Connection c = db.connect()) {
            Sql.exec(c, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp, battery_level) VALUES ('"
                    + Fixture.FACILITY_A + "', '" + Fixture.VEHICLE_A + "', '2040-05-03T12:00:00Z', 42)");
            assertThat(Sql.strings(c, "SELECT tableoid::regclass::text FROM telemetry WHERE timestamp = '2040-05-03T12:00:00Z'"))
                    .containsExactly("telemetry_default");
            assertThat(Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2040-05-01', '2040-05-01')")).isEqualTo(1);
            assertThat(Sql.strings(c, "SELECT tableoid::regclass::text FROM telemetry WHERE timestamp = '2040-05-03T12:00:00Z'"))
                    .containsExactly("telemetry_2040_05");
            assertThat(Sql.strings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'telemetry_2040_05'")).hasSize(3);
            Sql.exec(c, "DELETE FROM telemetry WHERE timestamp = '2040-05-03T12:00:00Z'");
        }
    }

    @Test
    void ensure_telemetry_partitions_rejects_bad_ranges() throws SQLException {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2031-05-01', '2031-04-01')"))
                    .isInstanceOf(PSQLException.class).extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo("22023");
            assertThatThrownBy(() -> Sql.number(c, "SELECT tvm_ensure_telemetry_partitions(NULL, '2031-04-01')"))
                    .isInstanceOf(PSQLException.class).extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo("22004");
        }
    }

    @Test
    void drop_telemetry_partitions_before_drops_only_older_months_and_returns_their_names() throws SQLException {
        try (Connection c = db.connect()) {
            Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2001-01-01', '2001-03-01')");
            Sql.exec(c, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp) VALUES ('"
                    + Fixture.FACILITY_A + "', '" + Fixture.VEHICLE_A + "', '1999-06-01T00:00:00Z')");  // stray, in default
            List<String> dropped = Sql.strings(c, "SELECT * FROM tvm_drop_telemetry_partitions_before('2001-03-15')");
            assertThat(dropped).containsExactly("telemetry_2001_01", "telemetry_2001_02");
            assertThat(partitionsOf(c, "telemetry")).contains("telemetry_2001_03", "telemetry_default")
                    .doesNotContain("telemetry_2001_01", "telemetry_2001_02");
            assertThat(Sql.number(c, "SELECT count(*) FROM telemetry WHERE timestamp < '2001-03-01'")).isZero();
            assertThat(Sql.strings(c, "SELECT * FROM tvm_drop_telemetry_partitions_before('2001-03-15')")).isEmpty();
            // the fixture's current rows survive
            assertThat(Sql.number(c, "SELECT count(*) FROM telemetry WHERE vehicle_id = ?::uuid AND timestamp BETWEEN NOW() - INTERVAL '1 hour' AND NOW()",
                    Fixture.VEHICLE_A)).isEqualTo(2);
        }
    }

    @Test
    void ensure_audit_partitions_creates_missing_years_once() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Sql.number(c, "SELECT tvm_ensure_audit_partitions(2035, 2036)")).isEqualTo(2);
            assertThat(Sql.number(c, "SELECT tvm_ensure_audit_partitions(2035, 2036)")).isZero();
            assertThat(partitionsOf(c, "audit_logs")).contains("audit_logs_2035", "audit_logs_2036");
            assertThat(Sql.strings(c, "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'audit_logs_2035'"))
                    .containsExactly("FOR VALUES FROM ('2035-01-01 00:00:00+00') TO ('2036-01-01 00:00:00+00')");
        }
    }

    private static List<String> partitionsOf(Connection c, String parent) throws SQLException {
        return Sql.strings(c, "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = ?::regclass", parent);
    }

    // ---------------------------------------------------------------- RLS flags, roles

    @Test
    void rls_is_enabled_and_forced_on_every_facility_owned_table() throws SQLException {
        try (Connection c = db.connect()) {
            Map<String, Object> flags = new TreeMap<>();
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT relname, relrowsecurity AND relforcerowsecurity AS forced FROM pg_class
                    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
                      AND relname NOT IN ('spatial_ref_sys', 'flyway_schema_history')""")) {
                flags.put((String) row.get("relname"), row.get("forced"));
            }
            // facility-owned = every table with a facility_id column that the application or read-only role can
            // reach, read from the migrated schema; the fixture's hand-kept list (used to parameterise the security
            // tests) must be exactly that. Tables with a facility_id that only the administration reaches (the mission
            // archive) need no policy, and must stay out of the other roles' reach.
            String facilityTables = """
                    SELECT c.table_name FROM information_schema.columns c
                    JOIN pg_class r ON r.relname = c.table_name AND r.relnamespace = 'public'::regnamespace
                    WHERE c.table_schema = 'public' AND c.column_name = 'facility_id' AND r.relkind IN ('r', 'p')
                      AND NOT r.relispartition""";
            String reachable = "has_table_privilege('%s', r.oid, 'SELECT, INSERT, UPDATE, DELETE')";
            Set<String> owned = new TreeSet<>(Sql.strings(c, facilityTables + " AND (" + reachable.formatted("tvm_app")
                    + " OR " + reachable.formatted("tvm_readonly") + ")"));
            Set<String> adminOnly = new TreeSet<>(Sql.strings(c, facilityTables));
            adminOnly.removeAll(owned);
            assertThat(adminOnly).as("facility tables only the administration reaches").containsExactly("mission_archive");
            assertThat(owned).as("tables with facility_id").containsExactlyInAnyOrderElementsOf(Fixture.FACILITY_OWNED_TABLES);
            owned.add("facilities");
            for (String table : flags.keySet()) {
                assertThat(flags.get(table)).as("RLS enabled+forced on " + table).isEqualTo(owned.contains(table));
            }
            List<String> policies = Sql.strings(c, """
                    SELECT tablename || ':' || policyname FROM pg_policies p
                    WHERE schemaname = 'public' AND NOT (SELECT relispartition FROM pg_class WHERE oid = ('public.' || quote_ident(p.tablename))::regclass)""");
            assertThat(policies).containsExactlyInAnyOrderElementsOf(
                    owned.stream().map(t -> t + ":" + t + "_facility_isolation").collect(Collectors.toList()));
            // V18: every policy reads the context in a scalar sub-SELECT (once per statement, not once per row)
            List<String> perRow = Sql.strings(c, """
                    SELECT tablename FROM pg_policies WHERE schemaname = 'public'
                    AND (qual NOT LIKE '%= ( SELECT (NULLIF(current_setting(''app.current_facility_id''::text, true)%'
                         OR with_check NOT LIKE '%= ( SELECT (NULLIF(current_setting(''app.current_facility_id''::text, true)%')""");
            assertThat(perRow).as("policies evaluating the context per row").isEmpty();
        }
    }

    /** V10: a partition reached directly (after a stray GRANT or ALTER DEFAULT PRIVILEGES) must not bypass RLS. */
    @Test
    void every_partition_existing_or_created_later_has_forced_rls_its_facility_policy_and_no_grants() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                assertThat(Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2045-01-01', '2045-01-01')")).isEqualTo(1);
                assertThat(Sql.number(c, "SELECT tvm_ensure_audit_partitions(2045, 2045)")).isEqualTo(1);
                // a stray row first, so the LIKE + ATTACH path of the helper is taken as well
                Sql.exec(c, "INSERT INTO facilities (id, name) VALUES ('f0000000-0000-0000-0000-000000000001', 'P') ON CONFLICT DO NOTHING");
                Sql.exec(c, "INSERT INTO vehicles (id, facility_id, name) VALUES ('f0000000-0000-0000-0000-000000000031', "
                        + "'f0000000-0000-0000-0000-000000000001', 'P1') ON CONFLICT DO NOTHING");
                Sql.exec(c, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp) VALUES ('f0000000-0000-0000-0000-000000000001', "
                        + "'f0000000-0000-0000-0000-000000000031', '2046-02-03Z')");
                assertThat(Sql.number(c, "SELECT tvm_ensure_telemetry_partitions('2046-02-01', '2046-02-01')")).isEqualTo(1);
                List<Map<String, Object>> partitions = Sql.rows(c, """
                        SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity AS forced,
                               (SELECT count(*) FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner) AS foreign_grants,
                               (SELECT string_agg(p.polname || ' ' || pg_get_expr(p.polqual, p.polrelid) || ' | '
                                                  || pg_get_expr(p.polwithcheck, p.polrelid), ';')
                                FROM pg_policy p WHERE p.polrelid = c.oid) AS policy
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent IN ('telemetry'::regclass, 'audit_logs'::regclass) ORDER BY 1""");
                assertThat(partitions).extracting(r -> r.get("relname"))
                        .contains("telemetry_default", "audit_logs_default", "telemetry_2045_01", "telemetry_2046_02", "audit_logs_2045");
                // V18: a scalar sub-SELECT, so the context is read once per statement, not once per row
                String expected = "(facility_id = ( SELECT (NULLIF(current_setting('app.current_facility_id'::text, true), ''::text))::uuid AS \"nullif\"))";
                for (Map<String, Object> p : partitions) {
                    String name = (String) p.get("relname");
                    assertThat(p.get("forced")).as("RLS enabled+forced on " + name).isEqualTo(true);
                    assertThat(((Number) p.get("foreign_grants")).longValue()).as("grants on " + name).isZero();
                    assertThat((String) p.get("policy")).as("policy on " + name)
                            .isEqualTo(name + "_facility_isolation " + expected + " | " + expected);
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** V10: SECURITY DEFINER functions resolve relations with pg_temp last (unlisted, it is searched first). */
    @Test
    void security_definer_functions_pin_search_path_with_pg_temp_last_and_are_not_public() throws SQLException {
        try (Connection c = db.connect()) {
            List<Map<String, Object>> functions = Sql.rows(c, """
                    SELECT p.oid::regprocedure::text AS name, array_to_string(p.proconfig, ';') AS config,
                           p.prosecdef AS definer, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
                    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND (p.prosecdef OR p.proname LIKE 'tvm\\_%')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                      AND d.deptype = 'e')  -- extension members (PostGIS) are not ours""");
            assertThat(functions).extracting(r -> r.get("name")).contains(
                    "tvm_create_range_partition(text,text,timestamp with time zone,timestamp with time zone,text)",
                    "tvm_ensure_telemetry_partitions(date,date)", "tvm_drop_telemetry_partitions_before(date)",
                    "tvm_ensure_audit_partitions(integer,integer)", "tvm_secure_partition(text)",
                    "tvm_erase_resident_mission_text(uuid,timestamp with time zone)");
            // V16: the chain's pure-expression helpers pin nothing, so PostgreSQL inlines them into their (pinned)
            // SECURITY DEFINER callers; they must stay plain SQL expressions that only the owner may call
            java.util.Set<String> inlined = java.util.Set.of("tvm_chain_field(text)",
                    "tvm_epoch_micros(timestamp with time zone)", "tvm_audit_link_hash(uuid,bigint,text,text)",
                    "tvm_audit_entry_text(bigint,uuid,uuid,text,text,text,uuid,jsonb,timestamp with time zone,inet,text,"
                            + "boolean,text)");
            assertThat(functions).extracting(r -> r.get("name")).containsAll(inlined);
            for (Map<String, Object> f : functions) {
                assertThat(f.get("public_execute")).as("PUBLIC may execute " + f.get("name")).isEqualTo(false);
                if (inlined.contains(f.get("name"))) {
                    assertThat(f.get("config")).as("settings of " + f.get("name")).isNull();
                    assertThat(f.get("definer")).as("SECURITY DEFINER " + f.get("name")).isEqualTo(false);
                    continue;
                }
                // other settings may be pinned too (V13's audit trigger pins TimeZone=UTC for its value texts)
                assertThat(((String) f.get("config")).split(";")).as("search_path of " + f.get("name"))
                        .filteredOn(setting -> setting.startsWith("search_path="))
                        .containsExactly("search_path=pg_catalog, public, pg_temp");
            }
        }
    }

    /**
     * V16/V19: the chain's text helpers are really inlined (an IMMUTABLE SQL function whose body is only STABLE, as
     * V16's epoch helper was, silently runs as a function call per row), and they still give the chain's texts.
     */
    @Test
    void chain_text_helpers_are_inlined_and_keep_their_texts() throws SQLException {
        try (Connection c = db.connect()) {
            String plan = String.join("\n", Sql.strings(c, """
                    EXPLAIN (VERBOSE, COSTS OFF)
                    SELECT tvm_chain_field(tvm_epoch_micros(t)), tvm_chain_field(s)
                    FROM (SELECT now() + make_interval(secs => g) AS t, g::text AS s FROM generate_series(1, 3) g) v"""));
            assertThat(plan).as("plan of the chain helpers").doesNotContain("tvm_epoch_micros", "tvm_chain_field");
            // V22: the entry text and link hash shared by the chain trigger and the drain
            String linkPlan = String.join("\n", Sql.strings(c, """
                    EXPLAIN (VERBOSE, COSTS OFF)
                    SELECT tvm_audit_link_hash(md5(g::text)::uuid, g, tvm_audit_entry_text(g, NULL, NULL, NULL, 'a', NULL,
                               NULL, '{}'::jsonb, now(), NULL, NULL, true, NULL), repeat('0', 64))
                    FROM generate_series(1, 3) g"""));
            assertThat(linkPlan).as("plan of the link helpers").doesNotContain("tvm_audit_link_hash", "tvm_audit_entry_text",
                    "tvm_epoch_micros", "tvm_chain_field");
            assertThat(Sql.strings(c, """
                    SELECT tvm_chain_field(tvm_epoch_micros(timestamptz '2026-11-30 15:00:00.123456+01'))
                        || tvm_chain_field(NULL) || tvm_chain_field('é')""")).containsExactly("16:1796047200123456~2:é");
        }
    }

    /**
     * V20: row-level security adds {@code facility_id = ?} to every telemetry read, and the planner must know that the
     * vehicle already decides the facility, or it divides the vehicle's estimate by the facilities (which turned the
     * spec's query 3 into a read-and-sort of the vehicle's whole hour). Every partition, existing or created later,
     * carries the dependency statistics, and they correct the estimate.
     */
    @Test
    void telemetry_partitions_know_that_the_vehicle_decides_the_facility() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                Sql.exec(c, "SELECT tvm_ensure_telemetry_partitions('2092-01-01', '2092-01-01')");
                assertThat(Sql.strings(c, """
                        SELECT p.relname || ' ' || COALESCE((SELECT string_agg(array_to_string(s.stxkind, '') || ':'
                                   || (SELECT string_agg(a.attname, ',' ORDER BY a.attname) FROM pg_attribute a
                                       WHERE a.attrelid = s.stxrelid AND a.attnum = ANY (s.stxkeys)), ';')
                                 FROM pg_statistic_ext s WHERE s.stxrelid = p.oid), 'none')
                        FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                        WHERE i.inhparent = 'telemetry'::regclass ORDER BY 1"""))
                        .as("statistics of each telemetry partition").isNotEmpty().contains("telemetry_2092_01 f:facility_id,vehicle_id")
                        .allSatisfy(line -> assertThat(line).endsWith(" f:facility_id,vehicle_id"));
                // 1,000 rows of vehicle A, 1,000 of A2 (same facility), 4,000 of B: independent columns would give
                // 6,000 x 2/6 x 1/6 = 333 rows for (facility A, vehicle A)
                Sql.exec(c, "INSERT INTO telemetry (facility_id, vehicle_id, timestamp, battery_level) "
                        + "SELECT v.facility_id, v.id, timestamptz '2092-01-02Z' + make_interval(secs => g), 50 "
                        + "FROM vehicles v, generate_series(1, 4000) g WHERE (v.id IN ('" + Fixture.VEHICLE_A + "', '"
                        + Fixture.VEHICLE_A2 + "') AND g <= 1000) OR v.id = '" + Fixture.VEHICLE_B + "'");
                Sql.exec(c, "ANALYZE telemetry_2092_01");
                String plan = String.join("\n", Sql.strings(c, "EXPLAIN (FORMAT JSON) SELECT * FROM telemetry_2092_01 "
                        + "WHERE facility_id = '" + Fixture.FACILITY_A + "' AND vehicle_id = '" + Fixture.VEHICLE_A + "'"));
                java.util.regex.Matcher rows = java.util.regex.Pattern.compile("\"Plan Rows\": (\\d+)").matcher(plan);
                assertThat(rows.find()).as("plan rows in %s", plan).isTrue();
                assertThat(Integer.parseInt(rows.group(1))).as("estimated rows of vehicle A (1,000 stored)")
                        .isBetween(800, 1200);
            } finally {
                c.rollback();
            }
        }
    }

    /** V10: the internal helper splices storage options into DDL, so it accepts only "name = number" lists and TVM parents. */
    @Test
    void create_range_partition_rejects_other_parents_and_odd_storage_options() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                for (String call : List.of(
                        "SELECT tvm_create_range_partition('telemetry', 'telemetry_2047_01', '2047-01-01Z', '2047-02-01Z', "
                                + "'fillfactor = 90) ; DROP TABLE roles; --')",
                        "SELECT tvm_create_range_partition('users', 'users_x', '2047-01-01Z', '2047-02-01Z')")) {
                    Sql.exec(c, "SAVEPOINT probe");
                    assertThatThrownBy(() -> Sql.exec(c, call)).as(call).isInstanceOf(PSQLException.class)
                            .extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo("22023");
                    Sql.exec(c, "ROLLBACK TO SAVEPOINT probe");
                }
                assertThat(Sql.number(c, "SELECT count(*) FROM roles")).isEqualTo(6);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void database_roles_exist_without_login_and_only_admin_bypasses_rls() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> roles = Sql.strings(c, """
                    SELECT rolname || ' login=' || rolcanlogin || ' super=' || rolsuper || ' bypassrls=' || rolbypassrls
                    FROM pg_roles WHERE rolname IN ('tvm_admin', 'tvm_app', 'tvm_readonly') ORDER BY rolname""");
            assertThat(roles).containsExactly(
                    "tvm_admin login=false super=false bypassrls=true",
                    "tvm_app login=false super=false bypassrls=false",
                    "tvm_readonly login=false super=false bypassrls=false");
            assertThat(Sql.strings(c, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'mission_summary'"))
                    .containsExactly("tvm_admin");
        }
    }

    // ---------------------------------------------------------------- seeds

    @Test
    void seeds_roles_with_the_spec_descriptions() throws SQLException {
        try (Connection c = db.connect()) {
            Map<String, String> roles = new TreeMap<>();
            for (Map<String, Object> row : Sql.rows(c, "SELECT name, description FROM roles")) {
                roles.put((String) row.get("name"), (String) row.get("description"));
            }
            assertThat(roles).isEqualTo(new TreeMap<>(ExpectedAccess.ROLES));
        }
    }

    @Test
    void seeds_the_default_access_catalogue_exactly() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Sql.strings(c, "SELECT resource || ':' || action FROM permissions"))
                    .containsExactlyInAnyOrderElementsOf(ExpectedAccess.PERMISSIONS);
            Map<String, Set<String>> grants = new TreeMap<>();
            for (Map<String, Object> row : Sql.rows(c, """
                    SELECT r.name, p.resource || ':' || p.action AS permission FROM role_permissions rp
                    JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id""")) {
                grants.computeIfAbsent((String) row.get("name"), k -> new TreeSet<>()).add((String) row.get("permission"));
            }
            assertThat(grants).isEqualTo(new TreeMap<>(ExpectedAccess.GRANTS));
            assertThat(grants.get("operator")).containsAll(ExpectedAccess.SPEC_OPERATOR_EXAMPLE);
            for (Map.Entry<String, String> spec : ExpectedAccess.SPEC_PERMISSION_DESCRIPTIONS.entrySet()) {
                String[] ra = spec.getKey().split(":");
                assertThat(Sql.strings(c, "SELECT description FROM permissions WHERE resource = ? AND action = ?", ra[0], ra[1]))
                        .as(spec.getKey()).containsExactly(spec.getValue());
            }
        }
    }

    @Test
    void no_seed_user_or_facility_is_shipped() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Sql.number(c, "SELECT count(*) FROM users WHERE email = 'admin@example.com'")).isZero();
            assertThat(Sql.number(c, "SELECT count(*) FROM facilities WHERE id = '123e4567-e89b-12d3-a456-426614174000'")).isZero();
        }
    }

    // ---------------------------------------------------------------- re-run, info, validate

    @Test
    void migrating_again_is_a_no_op() throws SQLException {
        long historyBefore;
        List<String> relationsBefore;
        try (Connection c = db.connect()) {
            historyBefore = Sql.number(c, "SELECT count(*) FROM flyway_schema_history");
            relationsBefore = Sql.strings(c, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1");
        }
        MigrationReport again = TvmMigrations.migrate(db.dataSource());
        assertThat(again.migrationsExecuted()).isZero();
        assertThat(again.initialVersion()).contains(Scripts.latest(Vendor.POSTGRESQL));
        assertThat(again.targetVersion()).contains(Scripts.latest(Vendor.POSTGRESQL));
        try (Connection c = db.connect()) {
            assertThat(Sql.number(c, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(historyBefore);
            assertThat(Sql.strings(c, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1"))
                    .isEqualTo(relationsBefore);
        }
        TvmMigrations.validate(db.dataSource());
        SchemaInfo info = TvmMigrations.info(db.dataSource());
        assertThat(info.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(info.isUpToDate()).isTrue();
        assertThat(info.pendingCount()).isZero();
        assertThat(info.currentVersion()).contains(Scripts.latest(Vendor.POSTGRESQL));
        assertThat(info.applied()).extracting(Migration::description)
                .containsExactlyElementsOf(Scripts.descriptions(Vendor.POSTGRESQL));
    }
}
