package org.tvm.bench;

import javax.sql.DataSource;
import org.tvm.ports.TvmPersistence;

/**
 * One measured path: the raw-JDBC baseline ({@code persistence == null}) or a library adapter. All paths share the one
 * application pool (the non-superuser login granted tvm_app), so role, RLS and context are the same.
 */
record Side(String name, int index, DataSource dataSource, TvmPersistence persistence) {

    static final String RAW = "raw";

    boolean raw() {
        return persistence == null;
    }
}
