package org.tvm.adapter.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * A persistence and its administration print Hibernate's "Database info" banner once, not twice. Hibernate logs
 * through JBoss Logging, which falls back to java.util.logging here (no Logback or JBoss LogManager on the test
 * classpath), so the banner is read from a JUL handler.
 */
class HibernateBannerTest {

    @Test
    void oneBannerForAPersistenceAndItsAdministration() {
        List<String> banners = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (message.contains("HHH10001005") || message.contains("Database info")) {
                    banners.add(message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger pooling = Logger.getLogger("org.hibernate.orm.connections.pooling");
        Level before = pooling.getLevel();
        pooling.setLevel(Level.INFO);
        root.addHandler(handler);
        try (H2TestDatabase db = TestDatabases.h2();
             TvmPersistence persistence = JpaTvmPersistence.create(db.appDataSource(),
                     JpaTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
             TvmAdministration administration = JpaTvmPersistence.administration(db.adminDataSource())) {
            assertThat(persistence.capabilities()).isNotNull();
            assertThat(administration).isNotNull();
        } finally {
            root.removeHandler(handler);
            pooling.setLevel(before);
        }
        assertThat(banners).as("Hibernate's database banner").hasSize(1);
    }
}
