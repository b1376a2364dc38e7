package org.tvm.examples.wiring;

import java.util.Map;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;

/**
 * Wiring the MyBatis 3.5 adapter in plain Java with HikariCP: copy this into your application.
 *
 * <p>Two pools: the <b>admin</b> pool (migrations, facility creation, partition maintenance; on PostgreSQL a superuser
 * or a login in {@code tvm_admin}) and the <b>application</b> pool (every unit of work; on PostgreSQL a login granted
 * {@code tvm_app}, never a superuser or table owner, because those bypass row-level security).
 *
 * <p>Configuration comes from the environment; without {@code TVM_DB_URL} it runs on an embedded H2 database:
 * <pre>
 * TVM_DB_URL=jdbc:postgresql://127.0.0.1:5432/tvm
 * TVM_DB_ADMIN_USER / TVM_DB_ADMIN_PASSWORD     e.g. postgres (migrations need a superuser: PostGIS, roles)
 * TVM_DB_APP_USER / TVM_DB_APP_PASSWORD         e.g. tvm_server (CREATE ROLE tvm_server LOGIN PASSWORD '...' IN ROLE tvm_app)
 * TVM_FIELD_KEYS=k1:&lt;base64 32-byte key&gt;      key ring for medical notes and MFA secrets (see KeyRing.parse)
 * </pre>
 * Run it with {@code java -cp "$(cat examples/target/tvm-classpath.txt):examples/target/classes"
 * org.tvm.examples.wiring.MyBatisWiringExample}.
 */
public final class MyBatisWiringExample {

    private MyBatisWiringExample() {
    }

    // tag::wiring[]
    public static void main(String[] args) {
        run(System.getenv());
    }

    /**
     * The example with the configuration in {@code environment} (the names above), so tests can point it at a database.
     *
     * @param environment non-null configuration by variable name
     */
    public static void run(Map<String, String> environment) {
        String url = env(environment, "TVM_DB_URL", "jdbc:h2:mem:mybatis-wiring;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try (HikariDataSource adminPool = pool("tvm-admin", url, env(environment, "TVM_DB_ADMIN_USER", null), env(environment, "TVM_DB_ADMIN_PASSWORD", null), 2);
             HikariDataSource appPool = pool("tvm-app", url, env(environment, "TVM_DB_APP_USER", env(environment, "TVM_DB_ADMIN_USER", null)),
                     env(environment, "TVM_DB_APP_PASSWORD", env(environment, "TVM_DB_ADMIN_PASSWORD", null)), 10)) {

            // 1. the schema of record (idempotent: applies only what is missing)
            System.out.println(TvmMigrations.migrate(adminPool));

            // 2. the adapter: one TvmPersistence per application, shared by all threads; one administration
            KeyRing keys = environment.get("TVM_FIELD_KEYS") != null
                    ? KeyRing.parse(environment.get("TVM_FIELD_KEYS"))
                    : KeyRing.generate("example");   // a throw-away key: sealed fields die with this process
            try (TvmAdministration administration = MyBatisTvmPersistence.administration(adminPool);
                 TvmPersistence persistence = MyBatisTvmPersistence.create(appPool,
                         MyBatisTvmPersistence.Options.defaults().keyRing(keys))) {
                FirstSteps.run(persistence, administration);
            }
        }
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static String env(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
    // end::wiring[]
}
