package org.tvm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tvm.migrations.support.Fixture;
import org.tvm.migrations.support.PostgresTestDatabase;
import org.tvm.migrations.support.Sql;

/**
 * V23: under row-level security the spec's query 1 (the operations dashboard) reads one facility's active missions and
 * its residents' names from their covering indexes. The data has the bench's shape at a small scale: eight facilities
 * of 500 residents and 2,000 missions each, 100 of them active, so a table scan or the all-facilities status index
 * would cost the planner more.
 */
class PostgresDashboardPlanTest {

    private static final int FACILITIES = 8;
    private static PostgresTestDatabase db;
    private static PostgresTestDatabase.Login app;

    @BeforeAll
    static void migrateAndFill() throws SQLException {
        db = PostgresTestDatabase.create("dashboard_plan");
        TvmMigrations.migrate(db.dataSource());
        try (Connection c = db.connect()) {
            Fixture.insert(c);
            Sql.exec(c, "INSERT INTO facilities (id, name, address, timezone) SELECT md5('f' || f)::uuid, 'Plan ' || f, "
                    + "f || ' Plan Street', 'UTC' FROM generate_series(1, " + FACILITIES + ") f");
            Sql.exec(c, "INSERT INTO users (id, facility_id, email, password_hash, first_name, last_name, status) "
                    + "SELECT md5('u' || f)::uuid, md5('f' || f)::uuid, 'plan' || f || '@example.org', "
                    + "'$2a$12$abcdefghijklmnopqrstuuSOMEHASHVALUEabcdefghijklmnopq', 'Plan', 'Nurse', 'active' "
                    + "FROM generate_series(1, " + FACILITIES + ") f");
            Sql.exec(c, "INSERT INTO residents (id, facility_id, first_name, last_name, date_of_birth) "
                    + "SELECT md5('r' || f || '-' || r)::uuid, md5('f' || f)::uuid, 'First' || r, 'Last' || r, '1940-01-01' "
                    + "FROM generate_series(1, " + FACILITIES + ") f, generate_series(1, 500) r");
            // missions in creation order across facilities, as a service writes them; the last 100 of each wait (pending)
            Sql.exec(c, "INSERT INTO missions (facility_id, resident_id, created_by_user_id, pickup_location, "
                    + "dropoff_location, priority, status, completed_at, created_at) "
                    + "SELECT md5('f' || f)::uuid, md5('r' || f || '-' || (m % 500 + 1))::uuid, md5('u' || f)::uuid, "
                    + "'Room ' || m, 'Garden', (ARRAY['low', 'normal', 'high', 'urgent'])[m % 4 + 1], "
                    + "CASE WHEN m > 1900 THEN 'pending' ELSE 'completed' END, "
                    + "CASE WHEN m > 1900 THEN NULL ELSE now() - make_interval(mins => 2000 - m) END, "
                    + "now() - make_interval(mins => 2001 - m) "
                    + "FROM generate_series(1, 2000) m, generate_series(1, " + FACILITIES + ") f ORDER BY m, f");
            Sql.exec(c, "VACUUM ANALYZE missions");
            Sql.exec(c, "VACUUM ANALYZE residents");
        }
        app = db.createLoginRole("tvm_app");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void spec_query_1_reads_the_facilitys_active_missions_and_residents_from_their_covering_indexes() throws SQLException {
        String query = PostgresSpecQueriesTest.specQuery(1);
        String plan;
        try (Connection c = db.dataSource(app.user(), app.password()).getConnection()) {
            c.setAutoCommit(false);
            Sql.rows(c, "SELECT set_config('app.current_facility_id', md5('f3')::uuid::text, true)");
            plan = String.join("\n", Sql.strings(c, "EXPLAIN " + query));
            assertThat(Sql.strings(c, query)).as("query 1 rows of a facility with 100 active missions").hasSize(50);
            c.rollback();
        }
        assertThat(plan).as("plan of query 1 under row-level security")
                .contains("Index Only Scan using idx_missions_active_by_facility on missions")
                .contains("Index Only Scan using idx_residents_facility_names on residents")
                .doesNotContain("Seq Scan");
    }
}
