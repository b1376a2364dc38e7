package org.tvm.testkit.contract;

import java.sql.SQLException;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.db.TestDatabasesAccess;

/** A consumer's suite whose database does not answer (run by SuiteLifecycleTest through the launcher only). */
class UnreachableSuiteFixture extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = unreachable();

    private static PersistenceUnderTest unreachable() {
        throw TestDatabasesAccess.unreachable("jdbc:postgresql://127.0.0.1:1/postgres",
                new SQLException("Connection to 127.0.0.1:1 refused", "08001"));
    }

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
