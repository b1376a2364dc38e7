package org.tvm.testkit.db;

/**
 * Test databases for adapter tests; both kinds are {@link TestDatabase}s (an application and an admin pool).
 *
 * <ul>
 *   <li>{@link #postgres()}: one migrated PostgreSQL database per JVM, created lazily on the server named by
 *       {@code TVM_TEST_PG_URL}/{@code TVM_TEST_PG_USER}/{@code TVM_TEST_PG_PASSWORD} (default
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}); the application pool logs in as a
 *       non-superuser role granted {@code tvm_app}, so row-level security applies. A fresh database, dropped at JVM
 *       shutdown; or, when {@code TVM_TEST_PG_DATABASE} names one, that persistent database (created if missing,
 *       migrated, kept).</li>
 *   <li>{@link #h2()}: a fresh, uniquely named in-memory H2 database in PostgreSQL mode, migrated with the H2 set.</li>
 * </ul>
 *
 * An unreachable PostgreSQL is one clear failure naming the variables to set and how to start a server, never a
 * silent skip.
 */
public final class TestDatabases {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String DEFAULT_USER = "postgres";

    private static PostgresTestDatabase postgres;
    private static RuntimeException postgresFailure;

    private TestDatabases() {
    }

    /**
     * @return the JVM's shared, migrated PostgreSQL test database (created on first call)
     * @throws IllegalStateException if PostgreSQL is not reachable or provisioning failed (repeated on later calls)
     */
    public static synchronized PostgresTestDatabase postgres() {
        if (postgres != null) {
            return postgres;
        }
        if (postgresFailure != null) {
            throw new IllegalStateException(postgresFailure.getMessage(), postgresFailure);
        }
        try {
            String url = env("TVM_TEST_PG_URL", DEFAULT_URL);
            String user = env("TVM_TEST_PG_USER", DEFAULT_USER);
            String password = env("TVM_TEST_PG_PASSWORD", "");
            String persistentName = env("TVM_TEST_PG_DATABASE", null);
            if (persistentName != null) {
                PostgresTestDatabase db = PostgresTestDatabase.attach(url, user, password, persistentName);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "close-" + persistentName));
                postgres = db;
            } else {
                // provision registers the shutdown hook dropping the database and the role before creating them
                postgres = PostgresTestDatabase.provision(url, user, password);
            }
            return postgres;
        } catch (RuntimeException e) {
            postgresFailure = e;
            throw e;
        }
    }

    /**
     * A new throw-away migrated database on the server {@link #postgres()} uses (the same {@code TVM_TEST_PG_*}
     * variables), not cached: for a measurement or test that needs a second database beside the shared one (e.g. the
     * bench's unaudited baseline). Dropped by {@link PostgresTestDatabase#close()} or at JVM exit.
     *
     * @throws IllegalStateException as {@link #postgres()}
     */
    public static PostgresTestDatabase anotherPostgres() {
        return PostgresTestDatabase.provision(env("TVM_TEST_PG_URL", DEFAULT_URL), env("TVM_TEST_PG_USER", DEFAULT_USER),
                env("TVM_TEST_PG_PASSWORD", ""));
    }

    /**
     * A new migrated database of the same shape as {@link #postgres()} on an explicitly named server (not cached; used by
     * {@code bin/tvm bench --jdbc-url}). Dropped at JVM exit.
     *
     * @param serverUrl a {@code jdbc:postgresql://} URL of any database on the server
     * @param user      a user that may create databases, roles and extensions (a superuser)
     * @param password  its password, empty for none
     * @throws IllegalStateException as {@link #postgres()}
     */
    public static PostgresTestDatabase postgresAt(String serverUrl, String user, String password) {
        return PostgresTestDatabase.provision(serverUrl, user, password == null ? "" : password);
    }

    /** @return a new, migrated, uniquely named in-memory H2 database (PostgreSQL mode) */
    public static H2TestDatabase h2() {
        return H2TestDatabase.create();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
