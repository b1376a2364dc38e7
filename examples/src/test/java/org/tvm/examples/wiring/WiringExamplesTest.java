package org.tvm.examples.wiring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.tvm.ports.UnsafeDatabaseLoginException;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The wiring examples run as documented: embedded H2 without environment variables, and on PostgreSQL. */
class WiringExamplesTest {

    @Test
    void firstStepsWorkOnAnyAdapter() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        var active = FirstSteps.run(store, store.administration());
        assertThat(active).singleElement().extracting(ActiveMissionView::status).isEqualTo(MissionStatus.PENDING);
    }

    @Test
    void jpaWiringExampleRuns() {
        assertThat(captured(() -> JpaWiringExample.main(new String[0]))).contains("active missions of Example Care Home: 1");
    }

    @Test
    void myBatisWiringExampleRuns() {
        assertThat(captured(() -> MyBatisWiringExample.main(new String[0]))).contains("active missions of Example Care Home: 1");
    }

    @Test
    void jpaWiringExampleRunsOnPostgresqlWithAnAdminPoolOfTwo() throws SQLException {
        onPostgres(env -> assertThat(captured(() -> JpaWiringExample.run(env))).contains("active missions of Example Care Home: 1"));
    }

    @Test
    void myBatisWiringExampleRunsOnPostgresqlWithAnAdminPoolOfTwo() throws SQLException {
        onPostgres(env -> assertThat(captured(() -> MyBatisWiringExample.run(env))).contains("active missions of Example Care Home: 1"));
    }

    @Test
    void theExampleRefusesASuperuserApplicationLogin() throws SQLException {
        onPostgres(configured -> {
            Map<String, String> env = new HashMap<>(configured);
            env.remove("TVM_DB_APP_USER");
            env.remove("TVM_DB_APP_PASSWORD"); // falls back to the admin (superuser) login
            assertThatThrownBy(() -> JpaWiringExample.run(env)).isInstanceOf(UnsafeDatabaseLoginException.class);
        });
    }

    /**
     * The documented variables for a fresh test database: the superuser as admin login (as the migrations need) and a
     * new login in tvm_app as application login.
     */
    private static void onPostgres(java.util.function.Consumer<Map<String, String>> test) throws SQLException {
        PostgresTestDatabase db = TestDatabases.postgres();
        String appLogin = "tvm_test_wiring_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        try (Connection c = db.adminDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + appLogin + " LOGIN PASSWORD '" + appLogin + "' IN ROLE tvm_app");
        }
        Map<String, String> env = new HashMap<>();
        env.put("TVM_DB_URL", db.jdbcUrl());
        env.put("TVM_DB_ADMIN_USER", System.getenv().getOrDefault("TVM_TEST_PG_USER", "postgres"));
        env.put("TVM_DB_ADMIN_PASSWORD", System.getenv().getOrDefault("TVM_TEST_PG_PASSWORD", ""));
        env.put("TVM_DB_APP_USER", appLogin);
        env.put("TVM_DB_APP_PASSWORD", appLogin);
        try {
            test.accept(env);
        } finally {
            try (Connection c = db.adminDataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + appLogin); // the example closed its pools: the login holds no session
            }
        }
    }

    private static String captured(Runnable main) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
