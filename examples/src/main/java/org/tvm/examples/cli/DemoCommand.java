package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.tvm.examples.demo.AdapterChoice;
import org.tvm.examples.demo.DayReport;
import org.tvm.examples.demo.FacilityDaySimulation;
import org.tvm.migrations.MigrationReport;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvm demo}: a simulated day at a facility, on embedded H2 by default or on a PostgreSQL database. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a day at a care facility through the TVM ports: staff in every role, residents and a fleet; nurses "
                    + "and caregivers request transports (checked by the access rules), a dispatcher assigns the nearest "
                    + "vehicle with enough battery, vehicles report every step, stream telemetry and heartbeats, run low and "
                    + "charge; some missions are cancelled or fail. Prints the operator dashboard, one mission's timeline "
                    + "and the day's numbers and timings.",
            "",
            "Runs on an embedded in-memory H2 database unless --jdbc-url is given. With --jdbc-url the database is migrated "
                    + "first (TvmMigrations) and the given credentials serve both as application and as admin role: fine "
                    + "for a demo, but in production the application must use a non-superuser role (e.g. one granted "
                    + "tvm_app), because superusers and table owners bypass row-level security.",
            ""})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--adapter", paramLabel = "jpa|mybatis", defaultValue = "jpa",
            description = "Persistence adapter: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = AdapterConverter.class, completionCandidates = AdapterCandidates.class)
    AdapterChoice adapter;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Run on this database instead of embedded H2, e.g. jdbc:postgresql://127.0.0.1:5432/tvm "
                    + "(PostgreSQL 15+ with PostGIS; migrated first).")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user for --jdbc-url (application and admin role).")
    String user;

    @Option(names = "--password", description = "Database password for --jdbc-url. Prefer the TVM_DB_PASSWORD "
            + "environment variable, which is used when this option is absent.")
    String password;

    @Option(names = "--vehicles", paramLabel = "N", defaultValue = "8", description = "Fleet size (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--residents", paramLabel = "N", defaultValue = "40", description = "Residents (default: ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--missions", paramLabel = "N", defaultValue = "120",
            description = "Transport requests during the day (default: ${DEFAULT-VALUE}, at most "
                    + FacilityDaySimulation.Config.MAX_MISSIONS_PER_HOUR + " per hour).")
    int missions;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "8",
            description = "Length of the simulated day in hours, starting today 06:00 UTC (default: ${DEFAULT-VALUE}, max "
                    + FacilityDaySimulation.Config.MAX_HOURS + ").")
    int hours;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for a reproducible day (default: random; the seed used is printed).")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FacilityDaySimulation.Config config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean embedded = jdbcUrl == null;
        String url = embedded
                ? "jdbc:h2:mem:tvm-demo-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : jdbcUrl;
        try (HikariDataSource dataSource = dataSource(url, embedded)) {
            String database = embedded ? "embedded H2 (in-memory)" : describe(dataSource);
            err.println("tvm demo: migrating " + database + " ...");
            err.flush();
            MigrationReport migration = TvmMigrations.migrate(dataSource);
            if (!embedded) {
                err.println("tvm demo: schema at version " + migration.targetVersion().orElse("?") + " ("
                        + migration.executed().size() + " migration(s) applied now)");
            }
            err.println("tvm demo: simulating " + hours + " h with the " + adapter.code() + " adapter (seed " + config.seed() + ")");
            err.flush();
            ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal());
            DayReport report;
            try (TvmAdministration administration = adapter.administration(dataSource);
                 TvmPersistence persistence = adapter.open(dataSource)) {
                report = new FacilityDaySimulation(persistence, administration, config).run(bar);
            } finally {
                bar.finish();
            }
            new DayReportPrinter(out).print(report, adapter.code(), database);
        }
        return 0;
    }

    private FacilityDaySimulation.Config config() {
        positive("--vehicles", vehicles, FacilityDaySimulation.Config.MAX_VEHICLES);
        positive("--residents", residents, FacilityDaySimulation.Config.MAX_RESIDENTS);
        positive("--missions", missions, FacilityDaySimulation.Config.MAX_MISSIONS);
        positive("--hours", hours, FacilityDaySimulation.Config.MAX_HOURS);
        if (jdbcUrl == null && (user != null || password != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--user and --password need --jdbc-url "
                    + "(without it the demo runs on embedded H2)");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jdbc-url must be a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/tvm (was '" + jdbcUrl + "')");
        }
        long effectiveSeed = seed != null ? seed : new SecureRandom().nextInt(1_000_000);
        try {
            return FacilityDaySimulation.Config.of(vehicles, residents, missions, hours, effectiveSeed);
        } catch (IllegalArgumentException rule) {   // a rule across options, e.g. missions per hour
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid options: " + rule.getMessage());
        }
    }

    private void positive(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "Invalid value for option '%s': must be between 1 and %d (was %d)", option, max, value));
        }
    }

    private HikariDataSource dataSource(String url, boolean embedded) {
        // the embedded database takes no credentials (and never the environment's password)
        return embedded ? DatabaseOptions.pool(url, null, "", "tvm-demo")
                : DatabaseOptions.pool(url, user, password, "tvm-demo");
    }

    private static String describe(HikariDataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion().split(" ")[0]
                    + " (" + connection.getCatalog() + ")";
        } catch (java.sql.SQLException e) {
            return dataSource.getJdbcUrl();
        }
    }

    /** Accepts "jpa"/"mybatis" in any case, with the valid values in the error message. */
    static final class AdapterConverter implements CommandLine.ITypeConverter<AdapterChoice> {
        @Override
        public AdapterChoice convert(String value) {
            for (AdapterChoice choice : AdapterChoice.values()) {
                if (choice.code().equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            throw new CommandLine.TypeConversionException("expected jpa or mybatis (was '" + value + "')");
        }
    }

    /** The adapter names for help and completion. */
    static final class AdapterCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(AdapterChoice.values()).map(AdapterChoice::code).iterator();
        }
    }
}
