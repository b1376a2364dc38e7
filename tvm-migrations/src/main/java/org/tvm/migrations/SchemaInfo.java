package org.tvm.migrations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Migration state of a database, as returned by {@link TvmMigrations#info(javax.sql.DataSource)}. Immutable.
 *
 * @param vendor         the database vendor, never null
 * @param currentVersion the highest applied version; empty for an unmigrated database
 * @param applied        the applied versioned migrations in installation order, never null
 * @param pending        the migrations available on the classpath but not yet applied, in order, never null
 */
public record SchemaInfo(Vendor vendor, Optional<String> currentVersion, List<Migration> applied,
                         List<Migration> pending) {

    /** Validates and defensively copies the components. */
    public SchemaInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(currentVersion, "currentVersion");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** @return the number of pending migrations */
    public int pendingCount() {
        return pending.size();
    }

    /** @return true when at least one migration is applied and none is pending */
    public boolean isUpToDate() {
        return pending.isEmpty() && !applied.isEmpty();
    }
}
