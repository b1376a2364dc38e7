package org.tvm.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Entry point to the TVM schema of record: applies, validates and describes the versioned migrations
 * for PostgreSQL (with PostGIS) or H2. The migration set is chosen from the connection's
 * {@linkplain java.sql.DatabaseMetaData#getDatabaseProductName() product name} ({@link Vendor}).
 *
 * <p>Run {@link #migrate(DataSource)} with a privileged connection: on PostgreSQL a superuser (the
 * first migration creates the PostGIS extension and the cluster roles {@code tvm_admin}, {@code tvm_app},
 * {@code tvm_readonly}), never the application's {@code tvm_app} login. Every PostgreSQL migrate also runs
 * the {@code afterMigrate} callback, which keeps telemetry/audit partitions created ahead of time.
 *
 * <p>Flyway is used internally; none of its types appear in this API. Errors surface as
 * {@link MigrationException}. The class is stateless and thread-safe; it has no {@code main}, the
 * {@code tvm migrate} command line calls it.
 */
public final class TvmMigrations {

    /** Name of the schema history table (Flyway's default). */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private TvmMigrations() {
    }

    /**
     * Applies all pending migrations for the data source's vendor. Re-running on an up-to-date database
     * applies nothing (and only re-runs the idempotent partition-window callback on PostgreSQL).
     *
     * @param dataSource a data source with DDL privileges (PostgreSQL: superuser), not null
     * @return what was applied
     * @throws MigrationException when connecting, validating or applying a script fails (the failed
     *                            script is rolled back; earlier scripts stay applied)
     * @throws IllegalArgumentException when the database product is not supported
     */
    public static MigrationReport migrate(DataSource dataSource) {
        return migrate(dataSource, Vendor.detect(dataSource));
    }

    /**
     * Applies all pending migrations of the given vendor's set.
     *
     * @param dataSource the data source, not null
     * @param vendor     the migration set to apply, not null; must match the database
     * @return what was applied
     * @throws MigrationException on any failure
     */
    public static MigrationReport migrate(DataSource dataSource, Vendor vendor) {
        return onOneConnection(dataSource, vendor, one -> migrateOn(one, vendor));
    }

    /**
     * Runs Flyway on one borrowed connection: it would otherwise hold three at once (main, migration and callback
     * connections) and wait forever on an admin pool of one or two.
     */
    private static <T> T onOneConnection(DataSource dataSource, Vendor vendor, java.util.function.Function<DataSource, T> body) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(vendor, "vendor");
        try (OneConnection one = OneConnection.of(dataSource)) {
            return body.apply(one);
        } catch (SQLException e) {
            throw new MigrationException("The " + vendor + " schema cannot be used: no connection from the data source "
                    + "(SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static MigrationReport migrateOn(DataSource dataSource, Vendor vendor) {
        Flyway flyway = flyway(dataSource, vendor);
        try {
            Optional<String> before = currentVersion(flyway.info());
            MigrateResult result = flyway.migrate();
            if (!result.success) {
                throw new MigrationException("Migration of the " + vendor + " schema did not succeed: "
                        + result.getFailedMigrations().size() + " migration(s) failed");
            }
            List<Migration> executed = new ArrayList<>();
            for (MigrateOutput output : result.migrations) {
                if (output.version != null && !output.version.isEmpty()) {
                    executed.add(new Migration(output.version, output.description));
                }
            }
            Optional<String> after = Optional.ofNullable(emptyToNull(result.targetSchemaVersion));
            if (!executed.isEmpty()) {
                recordSystemEvent(dataSource, vendor, before, after, executed.size());
            }
            return new MigrationReport(vendor, before, after.isPresent() ? after : before, executed);
        } catch (FlywayException e) {
            throw new MigrationException("Migration of the " + vendor + " schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * A schema change is a system event: one {@code system.migrate} entry without facility, which the chain trigger
     * (V13) links into the system chain.
     */
    private static void recordSystemEvent(DataSource dataSource, Vendor vendor, Optional<String> before,
                                          Optional<String> after, int count) {
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("from", before.orElse("none"));
        details.put("to", after.orElse("none"));
        details.put("migrations", Integer.toString(count));
        try (java.sql.Connection c = dataSource.getConnection()) {
            SystemEvents.insert(c, vendor, "system.migrate", "schema", details);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new MigrationException("The " + vendor + " schema was migrated, but the system event could not be "
                    + "recorded (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Checks that every migration on the classpath is applied and unchanged (checksums, names, no
     * pending or unknown-failed migrations).
     *
     * @param dataSource the data source, not null
     * @throws MigrationException when validation fails; the message lists every problem
     */
    public static void validate(DataSource dataSource) {
        Vendor vendor = Vendor.detect(dataSource);
        onOneConnection(dataSource, vendor, one -> {
            validateOn(one, vendor);
            return null;
        });
    }

    private static void validateOn(DataSource dataSource, Vendor vendor) {
        Flyway flyway = flyway(dataSource, vendor);
        try {
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                throw new MigrationException("The " + vendor + " schema is not valid: " + result.getAllErrorMessages());
            }
        } catch (FlywayException e) {
            throw new MigrationException("Validation of the " + vendor + " schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * Describes the migration state without changing anything.
     *
     * @param dataSource the data source, not null
     * @return applied and pending migrations
     * @throws MigrationException when the state cannot be read
     */
    public static SchemaInfo info(DataSource dataSource) {
        Vendor vendor = Vendor.detect(dataSource);
        return onOneConnection(dataSource, vendor, one -> infoOn(one, vendor));
    }

    private static SchemaInfo infoOn(DataSource dataSource, Vendor vendor) {
        Flyway flyway = flyway(dataSource, vendor);
        try {
            MigrationInfoService service = flyway.info();
            List<Migration> applied = new ArrayList<>();
            for (MigrationInfo info : service.applied()) {
                if (info.getVersion() != null && info.getState().isApplied() && !info.getState().isFailed()) {
                    applied.add(toMigration(info));
                }
            }
            List<Migration> pending = new ArrayList<>();
            for (MigrationInfo info : service.pending()) {
                if (info.getVersion() != null) {
                    pending.add(toMigration(info));
                }
            }
            return new SchemaInfo(vendor, currentVersion(service), applied, pending);
        } catch (FlywayException e) {
            throw new MigrationException("Reading the " + vendor + " migration state failed: " + e.getMessage(), e);
        }
    }

    private static Optional<String> currentVersion(MigrationInfoService service) {
        return Optional.ofNullable(service.current())
                .map(MigrationInfo::getVersion)
                .map(MigrationVersion::getVersion);
    }

    private static Migration toMigration(MigrationInfo info) {
        return new Migration(info.getVersion().getVersion(), info.getDescription());
    }

    private static Flyway flyway(DataSource dataSource, Vendor vendor) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(vendor, "vendor");
        if (vendor == Vendor.H2) {
            requirePostgresMode(dataSource);
        }
        return Flyway.configure(TvmMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + vendor.location())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .load();
    }

    /** The H2 scripts use PostgreSQL-compatible syntax (e.g. the {@code ~} regex operator). */
    private static void requirePostgresMode(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'")) {
            String mode = rs.next() ? rs.getString(1) : null;
            if (mode == null || !mode.equalsIgnoreCase("PostgreSQL")) {
                throw new MigrationException("The H2 migrations need MODE=PostgreSQL (found MODE=" + mode
                        + "); use e.g. jdbc:h2:mem:tvm;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the H2 compatibility mode: " + e.getMessage(), e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
