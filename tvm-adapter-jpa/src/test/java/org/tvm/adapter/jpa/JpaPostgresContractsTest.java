package org.tvm.adapter.jpa;

import org.junit.jupiter.api.Nested;
import org.tvm.testkit.contract.AccessControlContract;
import org.tvm.testkit.contract.AdministrationContract;
import org.tvm.testkit.contract.AuditContract;
import org.tvm.testkit.contract.DispatchContract;
import org.tvm.testkit.contract.FacilityContract;
import org.tvm.testkit.contract.IsolationContract;
import org.tvm.testkit.contract.KeysetPaginationContract;
import org.tvm.testkit.contract.MissionContract;
import org.tvm.testkit.contract.OperationsQueriesContract;
import org.tvm.testkit.contract.ResidentContract;
import org.tvm.testkit.contract.SensitiveFieldsContract;
import org.tvm.testkit.contract.TelemetryContract;
import org.tvm.testkit.contract.TransactionContract;
import org.tvm.testkit.contract.UserContract;
import org.tvm.testkit.contract.VehicleContract;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.db.TestDatabases;

/** Every contract against the JPA adapter on PostgreSQL + PostGIS, as the non-superuser application role (all capabilities). */
class JpaPostgresContractsTest {

    static final PersistenceUnderTest SUBJECT = new JpaPersistenceUnderTest("jpa/postgresql",
            TestDatabases.postgres().appDataSource(), TestDatabases.postgres().adminDataSource());

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Isolations extends IsolationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Facilitys extends FacilityContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Residents extends ResidentContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Vehicles extends VehicleContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Missions extends MissionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Dispatchs extends DispatchContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Telemetrys extends TelemetryContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Users extends UserContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class AccessControls extends AccessControlContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Audits extends AuditContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class OperationsQueriess extends OperationsQueriesContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class SensitiveFieldss extends SensitiveFieldsContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class KeysetPaginations extends KeysetPaginationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Administrations extends AdministrationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }
}
