package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import org.tvm.bench.ScaleGenerator;
import org.tvm.migrations.TvmMigrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvm generate}: fills a PostgreSQL database with a scale data set (migrating it first). */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = "Migrate a PostgreSQL database, then fill it with generated facilities, users, residents, vehicles, "
                + "missions with events and months of telemetry (set-based, on the server). Run as a superuser.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, description = "JDBC URL of the database, e.g. jdbc:postgresql://127.0.0.1:5432/tvm")
    String jdbcUrl;

    @Option(names = "--user", description = "Superuser (default: ${DEFAULT-VALUE}).")
    String user = "postgres";

    @Option(names = "--password", description = "Its password; default: the TVM_DB_PASSWORD environment variable.")
    String password;

    @Option(names = "--facilities", description = "Facilities (default: ${DEFAULT-VALUE}).")
    int facilities = 10;

    @Option(names = "--vehicles", description = "Vehicles per facility (default: ${DEFAULT-VALUE}).")
    int vehicles = 100;

    @Option(names = "--residents", description = "Residents per facility (default: ${DEFAULT-VALUE}).")
    int residents = 1_000;

    @Option(names = "--missions", description = "Missions in all (default: ${DEFAULT-VALUE}).")
    long missions = 1_000_000;

    @Option(names = "--active", description = "Active missions per facility, the newest (default: ${DEFAULT-VALUE}).")
    int active = 200;

    @Option(names = "--telemetry", description = "Telemetry rows in all (default: ${DEFAULT-VALUE}).")
    long telemetry = 10_000_000;

    @Option(names = "--months", description = "Months the history spans, ending now (default: ${DEFAULT-VALUE}).")
    int months = 6;

    @Option(names = "--recent-per-vehicle", description = "Telemetry samples in the last hour of each vehicle of facility 0 "
            + "(default: ${DEFAULT-VALUE}, 10 Hz, as a streaming fleet sends them).")
    int recentPerVehicle = 36_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        String pw = password != null ? password : System.getenv("TVM_DB_PASSWORD");
        if (pw != null) {
            config.setPassword(pw);
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("tvm-generate");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            TvmMigrations.migrate(ds);
            new ScaleGenerator(ds, spec.commandLine().getOut()).generate(new ScaleGenerator.Scale(facilities, vehicles, residents, missions,
                    active, Math.min(30, Math.min(vehicles / 2, active)), telemetry, months, recentPerVehicle));
        }
        return 0;
    }
}
