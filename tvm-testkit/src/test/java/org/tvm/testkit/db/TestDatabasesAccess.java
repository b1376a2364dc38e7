package org.tvm.testkit.db;

import java.sql.SQLException;

/** Opens package-private factory methods of this package to tests in other packages. */
public final class TestDatabasesAccess {

    private TestDatabasesAccess() {
    }

    public static IllegalStateException unreachable(String serverUrl, SQLException cause) {
        return PostgresTestDatabase.unreachable(serverUrl, cause);
    }
}
