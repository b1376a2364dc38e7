package org.tvm.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.TransactionRolledBackException;
import org.tvm.ports.TvmContext;
import org.tvm.testkit.db.TestDatabases;
import org.tvm.domain.facility.FacilityId;

/** SpringHostTransactions against a DataSourceTransactionManager on PostgreSQL. */
class SpringHostTransactionsTest {

    private static DataSource dataSource;
    private static DataSourceTransactionManager manager;

    @BeforeAll
    static void database() {
        dataSource = TestDatabases.postgres().appDataSource();
        manager = new DataSourceTransactionManager(dataSource);
    }

    @Test
    void outsideASpringTransactionThereIsNothingToJoin() {
        assertThat(new SpringHostTransactions(dataSource).current()).isNull();
    }

    @Test
    void insideOneTheUnitsOfWorkShareItsConnectionAndItsPublishedContext() {
        SpringHostTransactions hosts = new SpringHostTransactions(dataSource);
        TvmContext ctx = TvmContext.system(FacilityId.newId());
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            HostTransaction host = hosts.current();
            assertThat(host).isNotNull();
            Connection springs = DataSourceUtils.getConnection(dataSource);
            assertThat(host.connection()).isSameAs(springs);
            DataSourceUtils.releaseConnection(springs, dataSource);
            host.contextPublished(ctx);
            assertThat(hosts.current()).isSameAs(host);
            assertThat(hosts.current().publishedContext()).isSameAs(ctx);
        });
        // the next transaction starts clean
        new TransactionTemplate(manager).executeWithoutResult(status ->
                assertThat(hosts.current().publishedContext()).isNull());
    }

    @Test
    void aRequiresNewTransactionIsAnotherHostAndTheOuterOneComesBack() {
        SpringHostTransactions hosts = new SpringHostTransactions(dataSource);
        TransactionTemplate requiresNew = new TransactionTemplate(manager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            HostTransaction outer = hosts.current();
            requiresNew.executeWithoutResult(inner -> {
                assertThat(hosts.current()).isNotSameAs(outer);
                assertThat(hosts.current().connection()).isNotSameAs(outer.connection());
            });
            assertThat(hosts.current()).isSameAs(outer);
        });
    }

    @Test
    void aFailureInsideMakesSpringsCommitThrowInsteadOfCommitting() {
        SpringHostTransactions hosts = new SpringHostTransactions(dataSource);
        assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status ->
                hosts.current().setRollbackOnly(new IllegalStateException("a unit of work failed"))))
                .isInstanceOf(UnexpectedRollbackException.class);
    }

    @Test
    void aManagerThatWouldCommitAnywayIsStoppedBeforeCommitAndRollsBack() {
        DataSource admin = TestDatabases.postgres().adminDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(admin);
        jdbc.execute("CREATE TABLE IF NOT EXISTS spring_host_probe (id int)");
        // a manager that ignores the connection's rollback-only flag, as some non-JDBC managers do
        DataSourceTransactionManager commitsAnyway = new DataSourceTransactionManager(admin) {
            @Override
            protected boolean shouldCommitOnGlobalRollbackOnly() {
                return true;
            }
        };
        SpringHostTransactions hosts = new SpringHostTransactions(admin);
        int before = jdbc.queryForObject("SELECT count(*) FROM spring_host_probe", Integer.class);

        assertThatThrownBy(() -> new TransactionTemplate(commitsAnyway).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO spring_host_probe VALUES (1)");
            hosts.current().setRollbackOnly(new IllegalStateException("a unit of work failed"));
        })).isInstanceOf(TransactionRolledBackException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_host_probe", Integer.class)).isEqualTo(before);
    }
}
