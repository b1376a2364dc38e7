package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.adapter.sql.ResidentExportJson;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;
import org.tvm.ports.gdpr.ResidentExport;
import org.tvm.ports.gdpr.ResidentRights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvm gdpr export}: writes everything held about one resident as one JSON document (shape
 * {@code tvm-resident-export} version 1) to a file; the export itself is recorded (data access {@code export} and an
 * audit entry). Medical notes are decrypted with the key ring in {@code TVM_FIELD_KEYS}. Connect as the application
 * login (row-level security applies): the export sees only the given facility.
 */
@Command(name = "gdpr", mixinStandardHelpOptions = true, description = "Residents' rights: export.",
        subcommands = {GdprCommand.Export.class})
final class GdprCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export everything held about a resident to a JSON file.")
    static final class Export implements Callable<Integer> {

        @Option(names = "--jdbc-url", required = true, description = "JDBC URL of the TVM database.")
        String jdbcUrl;

        @Option(names = "--user", description = "Application database user.")
        String user;

        @Option(names = "--password", description = "Password; prefer the TVM_DB_PASSWORD environment variable.")
        String password;

        @Option(names = "--facility", required = true, description = "The resident's facility id.")
        String facility;

        @Option(names = "--resident", required = true, description = "The resident's id.")
        String resident;

        @Option(names = "--actor", description = "User id of whoever asks for the export (recorded).")
        String actor;

        @Option(names = "--out", description = "Output file (default: resident-<id>.json).")
        Path out;

        @Option(names = "--field-keys-file", description = "File holding the field key ring (as TVM_FIELD_KEYS, "
                + "which is used when this option is absent) to decrypt medical notes.")
        Path fieldKeysFile;

        private KeyRing keyRing() throws IOException {
            try {
                return fieldKeysFile != null ? KeyRing.parse(Files.readString(fieldKeysFile).trim())
                        : KeyRing.fromEnvironment("TVM_FIELD_KEYS");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "field key ring: " + e.getMessage());
            }
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            FacilityId f = FacilityId.parse(facility);
            ResidentId r = ResidentId.parse(resident);
            TvmContext ctx = actor == null ? TvmContext.system(f) : TvmContext.of(f, UserId.parse(actor));
            Path file = out != null ? out : Path.of("resident-" + r + ".json");
            try (HikariDataSource ds = CliPool.open(jdbcUrl, user, password, "tvm-gdpr", 2);
                 TvmPersistence persistence = MyBatisTvmPersistence.create(ds,
                         MyBatisTvmPersistence.Options.defaults().keyRing(keyRing()))) {
                ResidentExport export = persistence.inTransaction(ctx, tx -> ResidentRights.export(tx, r, Instant.now()));
                try (OutputStream os = Files.newOutputStream(file)) {
                    ResidentExportJson.write(export, os);
                }
                console.printf("Exported resident %s (%d mission(s), %d access entries, %d audit entries) to %s%n", r,
                        export.missions().size(), export.dataAccess().size(), export.audit().size(), file);
            }
            console.flush();
            return 0;
        }
    }
}
