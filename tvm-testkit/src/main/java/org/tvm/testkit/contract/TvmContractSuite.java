package org.tvm.testkit.contract;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * Every contract of the testkit in one class: extend it once per persistence under test and database,
 * and the whole suite runs as one {@code @Nested} class per port.
 *
 * <pre>{@code
 * class MyAdapterPostgresContractsTest extends TvmContractSuite {
 *     static final PersistenceUnderTest SUBJECT = new MyPersistenceUnderTest(...);
 *
 *     @Override
 *     protected PersistenceUnderTest subject() {
 *         return SUBJECT;
 *     }
 * }
 * }</pre>
 *
 * <p>The subject is shared by every contract (contracts never assume empty tables: each test creates its
 * own facility). It is obtained once before any contract runs: when it cannot be had (e.g. no database answers) the
 * suite fails once with that reason and runs nothing. After the last contract the facilities the suite created are
 * removed ({@link PersistenceUnderTest#removeCreatedFacilities()}), so it can run again on a persistent database. To
 * run a single contract, extend that {@code *Contract} class directly instead.
 *
 * <p>Reports name the suite with each contract ({@link SubjectDisplayNames}: {@code "JpaPostgresContractsTest ›
 * Isolation"}), so a failure says which adapter and database it belongs to.
 */
@ExtendWith(SuiteLifecycle.class)
@DisplayNameGeneration(SubjectDisplayNames.class)
public abstract class TvmContractSuite {

    /** The persistence under test; called often, so return a shared instance. */
    protected abstract PersistenceUnderTest subject();

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Isolation extends IsolationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class RowLevelSecurity extends RowLevelSecurityContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Facilities extends FacilityContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Residents extends ResidentContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Vehicles extends VehicleContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class VehicleLogs extends VehicleLogContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Missions extends MissionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Dispatch extends DispatchContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class DispatchConcurrency extends DispatchConcurrencyContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Telemetry extends TelemetryContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Users extends UserContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class AccessControl extends AccessControlContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class OperationsQueries extends OperationsQueriesContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class SensitiveFields extends SensitiveFieldsContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class KeysetPagination extends KeysetPaginationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class ErrorTranslation extends ErrorTranslationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Savepoints extends SavepointContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class JsonDetails extends JsonDetailsContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class AuditTrail extends AuditTrailContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Maintenance extends MaintenanceContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class FleetHeartbeats extends FleetHeartbeatContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class AutomaticAudit extends AutomaticAuditContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class HostileInput extends HostileInputContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class ResidentRights extends ResidentRightsContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class KpiReadModels extends KpiContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class HostTransactions extends HostTransactionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }

    @Nested
    class Maps extends MapContract {
        @Override
        protected PersistenceUnderTest subject() {
            return TvmContractSuite.this.subject();
        }
    }
}
