package org.tvm.spring.boot;

import javax.sql.DataSource;
import org.springframework.util.ClassUtils;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;

/**
 * Chooses the adapter and builds it. Each adapter's types are only touched in its own class
 * ({@link JpaAdapter}, {@link MyBatisAdapter}), which is loaded only when that adapter is chosen.
 */
final class TvmAdapters {

    static final String JPA_CLASS = "org.tvm.adapter.jpa.JpaTvmPersistence";
    static final String MYBATIS_CLASS = "org.tvm.adapter.mybatis.MyBatisTvmPersistence";

    private TvmAdapters() {
    }

    /** @return the adapter of tvm.adapter, or the only one on the classpath; a startup failure naming the fix otherwise */
    static TvmProperties.Adapter choose(TvmProperties properties, ClassLoader loader) {
        TvmProperties.Adapter configured = properties.getAdapter();
        boolean jpa = ClassUtils.isPresent(JPA_CLASS, loader);
        boolean mybatis = ClassUtils.isPresent(MYBATIS_CLASS, loader);
        if (configured == TvmProperties.Adapter.JPA && !jpa) {
            throw new IllegalStateException("tvm.adapter=jpa, but the JPA adapter is not on the classpath: add the "
                    + "dependency org.tvm:tvm-adapter-jpa");
        }
        if (configured == TvmProperties.Adapter.MYBATIS && !mybatis) {
            throw new IllegalStateException("tvm.adapter=mybatis, but the MyBatis adapter is not on the classpath: add "
                    + "the dependency org.tvm:tvm-adapter-mybatis");
        }
        if (configured != null) {
            return configured;
        }
        if (jpa && mybatis) {
            throw new IllegalStateException("Both TVM adapters are on the classpath: set tvm.adapter=jpa or "
                    + "tvm.adapter=mybatis");
        }
        if (!jpa && !mybatis) {
            throw new IllegalStateException("No TVM adapter on the classpath: add org.tvm:tvm-adapter-jpa or "
                    + "org.tvm:tvm-adapter-mybatis");
        }
        return jpa ? TvmProperties.Adapter.JPA : TvmProperties.Adapter.MYBATIS;
    }

    /** The key for the sensitive fields: tvm.field-keys, else TVM_FIELD_KEYS, else (demo) none, else a clear failure. */
    static KeyRing keyRing(TvmProperties properties) {
        if (properties.getFieldKeys() != null && !properties.getFieldKeys().isBlank()) {
            try {
                return KeyRing.parse(properties.getFieldKeys());
            } catch (IllegalArgumentException e) {
                // not chained: the message of KeyRing never quotes key material, and nothing else is needed
                throw new IllegalStateException("tvm.field-keys: " + e.getMessage());
            }
        }
        String fromEnv = System.getenv("TVM_FIELD_KEYS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return KeyRing.fromEnvironment("TVM_FIELD_KEYS");
        }
        if (properties.isThrowAwayKeyForTestsAndDemos()) {
            return null;
        }
        throw new IllegalStateException("No key for the TVM sensitive fields: set tvm.field-keys or the environment "
                + "variable TVM_FIELD_KEYS to a key ring spec such as 'k1:<base64 of 32 random bytes>' "
                + "(tests and demos: tvm.throw-away-key-for-tests-and-demos=true)");
    }

    static TvmPersistence persistence(TvmProperties.Adapter adapter, DataSource dataSource, KeyRing keyRing,
            HostTransactions host, TvmProperties properties) {
        boolean bypass = properties.isAllowLoginBypassingRowLevelSecurity();
        return switch (adapter) {
            case JPA -> JpaAdapter.persistence(dataSource, keyRing, host, bypass);
            case MYBATIS -> MyBatisAdapter.persistence(dataSource, keyRing, host, bypass);
        };
    }

    static TvmAdministration administration(TvmProperties.Adapter adapter, DataSource adminDataSource) {
        return switch (adapter) {
            case JPA -> JpaAdapter.administration(adminDataSource);
            case MYBATIS -> MyBatisAdapter.administration(adminDataSource);
        };
    }
}
