package org.tvm.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tvm.*} settings of {@link TvmAutoConfiguration}.
 *
 * <pre>
 * tvm.adapter=jpa                      # or mybatis; may be omitted when exactly one adapter is on the classpath
 * tvm.field-keys=k1:BASE64KEY          # key ring spec (KeyRing.parse); else the environment variable TVM_FIELD_KEYS
 * tvm.admin.datasource.url=jdbc:postgresql://db/tvm
 * tvm.admin.datasource.username=tvm_owner
 * tvm.admin.datasource.password=...
 * tvm.migrations.enabled=true          # migrate with the admin data source at startup (default false)
 * tvm.audit.link-interval=10s          # link the audit entries waiting for the chain this often (with an admin url)
 * tvm.audit.link-enabled=false         # or not at all here (then run bin/tvm audit link every minute)
 * </pre>
 */
@ConfigurationProperties("tvm")
public class TvmProperties {

    /** Which adapter implements the ports. */
    public enum Adapter { JPA, MYBATIS }

    /** The adapter; null means "the only one on the classpath". */
    private Adapter adapter;

    /** Key ring spec for the sensitive fields, e.g. {@code k2:BASE64,k1:BASE64;primary=k2}; never logged. */
    private String fieldKeys;

    /** Tests and demos only: a per-process key (sealed data cannot be read by the next process). */
    private boolean throwAwayKeyForTestsAndDemos;

    /** Demos only: accept an application login that bypasses row-level security. */
    private boolean allowLoginBypassingRowLevelSecurity;

    private final Admin admin = new Admin();
    private final Migrations migrations = new Migrations();
    private final Audit audit = new Audit();

    public Adapter getAdapter() {
        return adapter;
    }

    public void setAdapter(Adapter adapter) {
        this.adapter = adapter;
    }

    public String getFieldKeys() {
        return fieldKeys;
    }

    public void setFieldKeys(String fieldKeys) {
        this.fieldKeys = fieldKeys;
    }

    public boolean isThrowAwayKeyForTestsAndDemos() {
        return throwAwayKeyForTestsAndDemos;
    }

    public void setThrowAwayKeyForTestsAndDemos(boolean throwAwayKeyForTestsAndDemos) {
        this.throwAwayKeyForTestsAndDemos = throwAwayKeyForTestsAndDemos;
    }

    public boolean isAllowLoginBypassingRowLevelSecurity() {
        return allowLoginBypassingRowLevelSecurity;
    }

    public void setAllowLoginBypassingRowLevelSecurity(boolean allowLoginBypassingRowLevelSecurity) {
        this.allowLoginBypassingRowLevelSecurity = allowLoginBypassingRowLevelSecurity;
    }

    public Admin getAdmin() {
        return admin;
    }

    public Migrations getMigrations() {
        return migrations;
    }

    public Audit getAudit() {
        return audit;
    }

    /** {@code tvm.admin.*}: the administrative login (migrations, TvmAdministration). */
    public static class Admin {
        private final Datasource datasource = new Datasource();

        public Datasource getDatasource() {
            return datasource;
        }
    }

    /** {@code tvm.admin.datasource.*}: a small HikariCP pool, separate from the application's. */
    public static class Datasource {
        private String url;
        private String username;
        private String password;
        /** Pool size; migrations and administration work with 1-2 connections. */
        private int maximumPoolSize = 2;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getMaximumPoolSize() {
            return maximumPoolSize;
        }

        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }
    }

    /** {@code tvm.migrations.*}. */
    public static class Migrations {
        /** Migrate the TVM schema with the admin data source at startup. */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code tvm.audit.*}: linking the audit entries the database's triggers left waiting into their chains. */
    public static class Audit {
        /** Link them in this application (with an admin data source), on one background thread. */
        private boolean linkEnabled = true;
        /** How often; entries wait at most about this long outside the chain (they are readable all the while). */
        private java.time.Duration linkInterval = java.time.Duration.ofSeconds(10);

        public boolean isLinkEnabled() {
            return linkEnabled;
        }

        public void setLinkEnabled(boolean linkEnabled) {
            this.linkEnabled = linkEnabled;
        }

        public java.time.Duration getLinkInterval() {
            return linkInterval;
        }

        public void setLinkInterval(java.time.Duration linkInterval) {
            this.linkInterval = linkInterval;
        }
    }
}
