package org.tvm.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tvm.adapter.mybatis.mapper.ContextMapper;
import org.tvm.adapter.mybatis.repository.TransactionMappers;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.data.TvmTestData;
import org.tvm.testkit.db.JdbcPersistenceUnderTest;

/**
 * No statement ever runs in autocommit or before the context is published: every connection the adapter takes from the
 * pool is switched to autocommit off before its first statement, and on PostgreSQL that first statement is the
 * transaction-local set_config of facility and actor. The setting is visible inside the work and gone afterwards.
 */
class ContextPublishingTest {

    record Executed(int connection, String sql, boolean autoCommit) {
    }

    @Test
    void postgresPublishesTheContextFirstAndNeverRunsInAutocommit() throws Exception {
        JdbcPersistenceUnderTest subject = MyBatisSubject.postgres();
        List<Executed> log = Collections.synchronizedList(new ArrayList<>());
        TvmPersistence persistence = MyBatisTvmPersistence.create(recording(subject.appDataSource(), log), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
        log.clear(); // the start-up login check is not a unit of work
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Facility created = TvmTestData.facility().at(now).build();
        subject.administration().createFacility(created);
        FacilityId facility = created.id();

        String seen = persistence.inTransaction(TvmContext.system(facility), tx -> {
            tx.vehicles().insert(TvmTestData.vehicle(facility).at(now).build());
            tx.vehicles().list();
            return TransactionMappers.of(tx, ContextMapper.class).currentFacility();
        });
        persistence.inReadOnlyTransaction(TvmContext.system(facility), tx -> tx.operations().fleetStatus(now));

        assertThat(seen).isEqualTo(facility.toString());
        assertThat(log).isNotEmpty().allSatisfy(e -> assertThat(e.autoCommit()).as(e.sql()).isFalse());
        List<Integer> connections = log.stream().map(Executed::connection).distinct().toList();
        for (int c : connections) {
            Executed first = log.stream().filter(e -> e.connection() == c).findFirst().orElseThrow();
            assertThat(first.sql()).contains("set_config('app.current_facility_id'")
                    .contains("set_config('app.current_actor_id'");
        }
        try (Connection raw = subject.appDataSource().getConnection();
                PreparedStatement ps = raw.prepareStatement("SELECT current_setting('app.current_facility_id', true)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).as("transaction-local: nothing leaks through the pool").isNullOrEmpty();
        }
    }

    @Test
    void h2NeverRunsAStatementInAutocommit() throws Exception {
        JdbcPersistenceUnderTest subject = MyBatisSubject.h2();
        List<Executed> log = Collections.synchronizedList(new ArrayList<>());
        TvmPersistence persistence = MyBatisTvmPersistence.create(recording(subject.appDataSource(), log), MyBatisTvmPersistence.Options.defaults().throwAwayKeyForTestsAndDemos());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Facility created = TvmTestData.facility().at(now).build();
        subject.administration().createFacility(created);
        FacilityId facility = created.id();

        persistence.run(TvmContext.system(facility), tx -> tx.vehicles().insert(TvmTestData.vehicle(facility).at(now).build()));

        assertThat(log).isNotEmpty().allSatisfy(e -> assertThat(e.autoCommit()).as(e.sql()).isFalse());
    }

    /** A DataSource whose connections log every statement they prepare together with the autocommit state. */
    static DataSource recording(DataSource target, List<Executed> log) {
        int[] counter = {0};
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("getConnection")) {
                Connection real = (Connection) result;
                int id;
                synchronized (counter) {
                    id = ++counter[0];
                }
                return Proxy.newProxyInstance(ContextPublishingTest.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                log.add(new Executed(id, a == null || a.length == 0 ? "<statement>" : String.valueOf(a[0]),
                                        real.getAutoCommit()));
                            }
                            return invoke(real, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(ContextPublishingTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
