package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.assumeCapability;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.ports.Capability;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.JdbcHostTransaction;
import org.tvm.ports.TransactionRolledBackException;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.TvmPersistence#inHostTransaction}: units of work join a JDBC transaction the test
 * owns. The library never commits, rolls back or closes it (only the host's commit makes the writes visible); the
 * context is published at the first use; a second facility in the same transaction is refused; a failure inside marks
 * the host rollback-only; savepoints recover inside the joined transaction.
 *
 * <p>Capabilities: {@link Capability#JOIN_HOST_TRANSACTION} (every case); {@link Capability#ROW_LEVEL_SECURITY} for
 * reading the published context back from the database.
 */
public abstract class HostTransactionContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("deliberate failure inside the joined work");
        }
    }

    /** Every call the library made on the host's connection that would end or close the transaction. */
    private final List<String> endingCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void requireJoining() {
        assumeCapability(subject(), Capability.JOIN_HOST_TRANSACTION, "the contract joins a JDBC transaction");
    }

    private Connection hostConnection() throws SQLException {
        Connection c = subject().applicationDataSource().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** The host's connection as the library sees it: records commit/rollback/close/setAutoCommit calls. */
    private Connection watched(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("commit") || name.equals("close") || name.equals("setAutoCommit")
                            || name.equals("setReadOnly") || (name.equals("rollback") && args == null))) {
                        endingCalls.add(name);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private boolean vehicleCommitted(FacilityId f, Vehicle v) {
        return tx(subject(), f, (TvmTransaction t) -> t.vehicles().findById(v.id())).isPresent();
    }

    @Test
    void joinedWritesAreCommittedByTheHostOnlyAndTheLibraryNeverEndsTheTransaction() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle first = TvmTestData.vehicle(f).at(now).build();
        Vehicle second = TvmTestData.vehicle(f).at(now).build();

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(watched(real));
            subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> {
                t.vehicles().insert(first);
                return null;
            });
            Vehicle seen = subject().persistence().inHostTransaction(host, TvmContext.system(f),
                    t -> {
                        t.vehicles().insert(second);
                        return t.vehicles().findById(first.id()).orElseThrow();
                    });

            assertThat(seen).isEqualTo(first);
            assertThat(vehicleCommitted(f, first)).as("not visible before the host commits").isFalse();
            assertThat(endingCalls).isEmpty();
            assertThat(real.isClosed()).isFalse();
            assertThat(real.getAutoCommit()).isFalse();
            assertThat(host.isRollbackOnly()).isFalse();
            host.commit();
        }
        assertThat(vehicleCommitted(f, first)).isTrue();
        assertThat(vehicleCommitted(f, second)).isTrue();
    }

    @Test
    void theHostsRollbackUndoesJoinedWrites() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(real);
            subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> {
                t.vehicles().insert(vehicle);
                return null;
            });
            real.rollback();
        }
        assertThat(vehicleCommitted(f, vehicle)).isFalse();
    }

    @Test
    void theContextIsPublishedAtTheFirstUseInTheTransaction() throws SQLException {
        assumeCapability(subject(), Capability.ROW_LEVEL_SECURITY, "the published context is read back from the database");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        try (Connection real = hostConnection()) {
            assertThat(facilitySetting(real)).isNullOrEmpty();
            JdbcHostTransaction host = JdbcHostTransaction.of(real);
            subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> t.vehicles().list());

            assertThat(facilitySetting(real)).isEqualTo(f.value().toString());
            assertThat(host.publishedContext()).isEqualTo(TvmContext.system(f));
            real.rollback();
            assertThat(facilitySetting(real)).as("transaction-local").isNullOrEmpty();
        }
    }

    @Test
    void aSecondFacilityInTheSameTransactionIsRefusedBeforeItsWorkRuns() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        AtomicBoolean ran = new AtomicBoolean();

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(real);
            subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> t.vehicles().list());

            assertThatThrownBy(() -> subject().persistence().inHostTransaction(host, TvmContext.system(other), t -> {
                ran.set(true);
                return null;
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(f.toString())
                    .hasMessageContaining(other.toString());
            assertThat(ran).isFalse();
            assertThat(host.isRollbackOnly()).isFalse();
            real.rollback();
        }
    }

    @Test
    void aFailureInsideMarksTheHostRollbackOnlyAndIsRethrownUnchanged() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        WorkFailed failure = new WorkFailed();

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(watched(real));
            assertThatThrownBy(() -> subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> {
                t.vehicles().insert(vehicle);
                throw failure;
            })).isSameAs(failure);

            assertThat(host.isRollbackOnly()).isTrue();
            assertThat(host.rollbackCause()).isSameAs(failure);
            assertThat(endingCalls).as("the host decides, the library did not roll back").isEmpty();
            assertThatThrownBy(host::commit).isInstanceOf(TransactionRolledBackException.class).hasCause(failure);
        }
        assertThat(vehicleCommitted(f, vehicle)).isFalse();
    }

    @Test
    void aSwallowedFailureInsideMarksTheHostAndIsReported() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle existing = TvmTestData.vehicle(f).at(now).build();
        ContractSupport.run(subject(), f, (TvmTransaction t) -> t.vehicles().insert(existing));

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(real);
            assertThatThrownBy(() -> subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> {
                try {
                    t.vehicles().insert(existing);
                } catch (DuplicateKeyException swallowed) {
                    // the unit is rollback-only all the same
                }
                return "pretends success";
            })).isInstanceOf(TransactionRolledBackException.class).hasCauseInstanceOf(DuplicateKeyException.class);
            assertThat(host.isRollbackOnly()).isTrue();
            real.rollback();
        }
    }

    @Test
    void aSavepointRecoversInsideTheJoinedTransaction() throws SQLException {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle existing = TvmTestData.vehicle(f).at(now).build();
        ContractSupport.run(subject(), f, (TvmTransaction t) -> t.vehicles().insert(existing));
        Vehicle added = TvmTestData.vehicle(f).at(now).build();

        try (Connection real = hostConnection()) {
            JdbcHostTransaction host = JdbcHostTransaction.of(real);
            subject().persistence().inHostTransaction(host, TvmContext.system(f), t -> {
                try {
                    t.savepoint(() -> t.vehicles().insert(TvmTestData.vehicle(f).id(existing.id()).at(now).build()));
                } catch (DuplicateKeyException skipped) {
                    // insert-or-skip
                }
                t.vehicles().insert(added);
                return null;
            });
            assertThat(host.isRollbackOnly()).isFalse();
            host.commit();
        }
        assertThat(vehicleCommitted(f, added)).isTrue();
    }

    @Test
    void anAutocommitConnectionIsRefused() throws SQLException {
        try (Connection c = subject().applicationDataSource().getConnection()) {
            c.setAutoCommit(true);
            assertThatThrownBy(() -> JdbcHostTransaction.of(c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("autocommit");
        }
    }

    private static String facilitySetting(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting('app.current_facility_id', true)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
