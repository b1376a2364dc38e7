package org.tvm.migrations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of {@link TvmMigrations#migrate(javax.sql.DataSource)}. Immutable.
 *
 * @param vendor         the database vendor whose migration set was applied, never null
 * @param initialVersion the schema version before migrating; empty for a fresh database
 * @param targetVersion  the schema version after migrating; empty only if nothing was ever applied
 * @param executed       the migrations applied by this call, in order; empty when the schema was up to date
 */
public record MigrationReport(Vendor vendor, Optional<String> initialVersion, Optional<String> targetVersion,
                              List<Migration> executed) {

    /** Validates and defensively copies the components. */
    public MigrationReport {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(initialVersion, "initialVersion");
        Objects.requireNonNull(targetVersion, "targetVersion");
        executed = List.copyOf(executed);
    }

    /** @return how many migrations this call applied (0 when the schema was already current) */
    public int migrationsExecuted() {
        return executed.size();
    }
}
