package org.tvm.adapter.mybatis;

import org.junit.jupiter.api.Nested;
import org.tvm.testkit.PersistenceUnderTest;
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

/** Every contract of the testkit against the MyBatis adapter on H2 (MODE=PostgreSQL): the declared capabilities only. */
class MyBatisH2ContractsTest {

    static final PersistenceUnderTest SUBJECT = MyBatisSubject.h2();

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Isolation extends IsolationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Facilities extends FacilityContract {
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
    class Dispatch extends DispatchContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Telemetry extends TelemetryContract {
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
    class AccessControl extends AccessControlContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class OperationsQueries extends OperationsQueriesContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class SensitiveFields extends SensitiveFieldsContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class KeysetPagination extends KeysetPaginationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        protected PersistenceUnderTest subject() {
            return SUBJECT;
        }
    }
}
