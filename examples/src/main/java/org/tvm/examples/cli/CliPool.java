package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A small connection pool for one command run; the password comes from the option or {@code TVM_DB_PASSWORD}. */
final class CliPool {

    private CliPool() {
    }

    static HikariDataSource open(String jdbcUrl, String user, String password, String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        String effective = password != null ? password : System.getenv("TVM_DB_PASSWORD");
        if (effective != null) {
            config.setPassword(effective);
        }
        config.setMaximumPoolSize(size);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }
}
