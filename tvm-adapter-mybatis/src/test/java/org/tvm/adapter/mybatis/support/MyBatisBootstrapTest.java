package org.tvm.adapter.mybatis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.tvm.testkit.db.TestDatabases;

/**
 * The adapter starts whatever thread builds it: MyBatis looks up the mapper and row packages through the thread's
 * context class loader, which on a pool worker inside a Spring Boot fat jar cannot see the adapter's jar (found by
 * trying the library from a fresh Spring Boot 4 project: the adapter logged "ready" with no mapper, and the first unit
 * of work failed with "not known to the MapperRegistry").
 */
class MyBatisBootstrapTest {

    @Test
    void registersEveryMapperAndRowWhenTheThreadsContextLoaderCannotSeeTheAdapter() throws Exception {
        DataSource h2 = TestDatabases.h2().dataSource();
        Configuration expected = MyBatisBootstrap.sessionFactory(h2, SqlDialect.of(h2), "loader-main").getConfiguration();
        ClassLoader blind = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        AtomicReference<Configuration> built = new AtomicReference<>();
        AtomicReference<ClassLoader> loaderAfter = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                built.set(MyBatisBootstrap.sessionFactory(h2, SqlDialect.of(h2), "loader-worker").getConfiguration());
            } catch (Throwable t) {
                failure.set(t);
            }
            loaderAfter.set(Thread.currentThread().getContextClassLoader());
        }, "blind-context-loader");
        worker.setContextClassLoader(blind);
        worker.start();
        worker.join();

        assertThat(failure.get()).as("start on a thread whose context loader cannot see the adapter").isNull();
        Collection<Class<?>> mappers = built.get().getMapperRegistry().getMappers();
        assertThat(mappers).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(expected.getMapperRegistry().getMappers());
        assertThat(built.get().getTypeAliasRegistry().getTypeAliases())
                .containsAllEntriesOf(expected.getTypeAliasRegistry().getTypeAliases());
        assertThat(loaderAfter.get()).as("the thread's own context loader, given back").isSameAs(blind);
    }
}
