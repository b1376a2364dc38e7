package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.ports.HostTransaction;
import org.tvm.ports.HostTransactions;
import org.tvm.ports.JdbcHostTransaction;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of an adapter configured with {@link HostTransactions} (what a framework integration does): the ordinary run
 * methods join the host's current transaction when there is one, and open their own otherwise. Not part of
 * {@code TvmContractSuite}, because the persistence under test needs that option: extend it once per SQL adapter.
 */
public abstract class AmbientHostTransactionContract {

    /**
     * @param hostTransactions the source of the host's current transaction
     * @return a new persistence on {@link #applicationDataSource()} that joins {@code hostTransactions}
     */
    protected abstract TvmPersistence persistenceJoining(HostTransactions hostTransactions);

    /** @return the administration of the same database */
    protected abstract TvmAdministration administration();

    /** @return the application role's data source */
    protected abstract DataSource applicationDataSource();

    private final ThreadLocal<HostTransaction> bound = new ThreadLocal<>();
    private TvmPersistence persistence;

    @BeforeEach
    void open() {
        persistence = persistenceJoining(bound::get);
    }

    @AfterEach
    void close() {
        bound.remove();
        persistence.close();
    }

    private FacilityId newFacility(Instant now) {
        Facility facility = TvmTestData.facility().at(now).build();
        administration().createFacility(facility);
        return facility.id();
    }

    private boolean committed(FacilityId f, Vehicle v) {
        return persistence.inTransaction(TvmContext.system(f), (TvmTransaction tx) -> tx.vehicles().findById(v.id()))
                .isPresent();
    }

    @Test
    void runMethodsJoinTheBoundHostTransactionAndOpenTheirOwnWithoutOne() throws SQLException {
        Instant now = ContractSupport.baseNow();
        FacilityId f = newFacility(now);
        // the unit of work of its own writes in another facility: writers of one facility queue on its audit
        // chain head until the host transaction, still open here, ends
        FacilityId other = newFacility(now);
        Vehicle joined = TvmTestData.vehicle(f).at(now).build();
        Vehicle own = TvmTestData.vehicle(other).at(now).build();

        try (Connection c = applicationDataSource().getConnection()) {
            c.setAutoCommit(false);
            JdbcHostTransaction host = JdbcHostTransaction.of(c);
            bound.set(host);
            persistence.run(TvmContext.system(f), tx -> tx.vehicles().insert(joined));
            Vehicle read = persistence.inReadOnlyTransaction(TvmContext.system(f),
                    tx -> tx.vehicles().findById(joined.id()).orElseThrow());
            assertThat(read).isEqualTo(joined);
            bound.remove();

            assertThat(committed(f, joined)).as("the host has not committed").isFalse();
            persistence.run(TvmContext.system(other), tx -> tx.vehicles().insert(own));
            c.rollback();
        }
        assertThat(committed(f, joined)).isFalse();
        assertThat(committed(other, own)).isTrue();
    }

    @Test
    void aFailureInAJoinedRunMarksTheHost() throws SQLException {
        Instant now = ContractSupport.baseNow();
        FacilityId f = newFacility(now);
        IllegalStateException failure = new IllegalStateException("deliberate");

        try (Connection c = applicationDataSource().getConnection()) {
            c.setAutoCommit(false);
            JdbcHostTransaction host = JdbcHostTransaction.of(c);
            bound.set(host);
            assertThatThrownBy(() -> persistence.run(TvmContext.system(f), tx -> {
                tx.vehicles().insert(TvmTestData.vehicle(f).at(now).build());
                throw failure;
            })).isSameAs(failure);
            assertThat(host.isRollbackOnly()).isTrue();
            assertThat(c.isClosed()).isFalse();
            c.rollback();
        }
    }
}
