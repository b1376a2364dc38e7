package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.tvm.examples.demo.AdapterChoice;
import org.tvm.ports.maintenance.RetentionPolicy;
import picocli.CommandLine.Option;

/** Connection and retention options shared by {@code tvm maintain} and {@code tvm status} (a picocli mixin). */
final class DatabaseOptions {

    @Option(names = "--jdbc-url", required = true, description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/tvm")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user: a superuser or a member of tvm_admin (default: none).")
    String user;

    @Option(names = "--password", description = "Database password. Prefer the TVM_DB_PASSWORD environment variable, "
            + "which is used when this option is absent.")
    String password;

    @Option(names = "--adapter", defaultValue = "mybatis",
            description = "Adapter whose administration anonymises and refreshes: jpa or mybatis (default: ${DEFAULT-VALUE}).")
    AdapterChoice adapter;

    @Option(names = "--retention-file", description = "Properties file with tvm.retention.* overrides "
            + "(telemetry, vehicle-logs, missions, audit, resident-anonymisation, telemetry-months-ahead, "
            + "audit-years-ahead, batch-size).")
    Path retentionFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "One retention override, e.g. "
            + "tvm.retention.telemetry=P30D (repeatable; wins over --retention-file).")
    List<String> overrides = List.of();

    HikariDataSource dataSource(String poolName) {
        // the maintenance lock holds one connection for the whole run; each batch takes another
        return pool(jdbcUrl, user, password, poolName);
    }

    /**
     * The command line's pool: 4 connections, the password from the option or else {@code TVM_DB_PASSWORD}.
     *
     * @param user     login, or null for none
     * @param password password, or null to use the environment
     */
    static HikariDataSource pool(String jdbcUrl, String user, String password, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        String effectivePassword = password != null ? password : System.getenv("TVM_DB_PASSWORD");
        if (effectivePassword != null) {
            config.setPassword(effectivePassword);
        }
        config.setMaximumPoolSize(4);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /** The spec's defaults, then the file's entries, then each {@code --set}. */
    RetentionPolicy policy() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (retentionFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(retentionFile)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --retention-file " + retentionFile + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        }
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set needs KEY=VALUE (was '" + kv + "')");
            }
            settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return RetentionPolicy.fromProperties(settings);
    }
}
