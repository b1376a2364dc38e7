package org.tvm.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.domain.audit.AuditChain;
import org.tvm.domain.audit.AuditChainKey;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.ports.AuditTrail;
import org.tvm.ports.TvmAdministration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvm audit verify|seal|link}: walks a facility's (or the system's) audit hash chain and reports the first row
 * that was changed, deleted, forged, reordered, truncated or re-hashed; {@code seal} signs the verified head;
 * {@code link} moves the entries the audit triggers left waiting into their chains (run it every minute). The checkpoint
 * key comes from {@code TVM_AUDIT_CHAIN_KEY} ({@code <keyId>:<base64 secret>}, never an option: it must not land in
 * shell history); retired keys from {@code TVM_AUDIT_CHAIN_RETIRED_KEYS} (comma-separated, same form).
 * Exit codes: 0 intact, 1 broken (or failure), 2 usage.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify, seal or link the tamper-evident audit chain.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Seal.class, AuditCommand.Link.class})
final class AuditCommand {

    /** Connection options shared by the subcommands. */
    static class Login {
        @Option(names = "--jdbc-url", required = true, description = "JDBC URL of the TVM database.")
        String jdbcUrl;

        @Option(names = "--user", description = "Admin database user (default: none).")
        String user;

        @Option(names = "--password", description = "Password; prefer the TVM_DB_PASSWORD environment variable.")
        String password;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    /** Connection and chain options of the subcommands that walk or sign one chain. */
    static class Target extends Login {
        @Option(names = "--facility", required = true,
                description = "Facility id whose chain to check, or 'system' for events without facility.")
        String facility;

        UUID chain() {
            if ("system".equalsIgnoreCase(facility)) {
                return AuditChain.SYSTEM_CHAIN;
            }
            try {
                return UUID.fromString(facility);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--facility must be a UUID or 'system'");
            }
        }

        /** Runs {@code work} on the trail of the target database; returns its exit code. */
        int withTrail(java.util.function.BiFunction<AuditTrail, UUID, Integer> work) {
            UUID chain = chain();
            AuditChainKey key = key();
            try (HikariDataSource ds = CliPool.open(jdbcUrl, user, password, "tvm-audit", 2);
                 TvmAdministration admin = MyBatisTvmPersistence.administration(ds)) {
                int code = work.apply(admin.auditTrail(key, retired()), chain);
                spec.commandLine().getOut().flush();
                return code;
            }
        }

        @Option(names = "--key-file", description = "File holding the checkpoint key (<keyId>:<base64 secret>); "
                + "default: the TVM_AUDIT_CHAIN_KEY environment variable.")
        java.nio.file.Path keyFile;

        AuditChainKey key() {
            String text;
            try {
                text = keyFile != null ? java.nio.file.Files.readString(keyFile).trim() : System.getenv("TVM_AUDIT_CHAIN_KEY");
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --key-file " + keyFile);
            }
            if (text == null || text.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no checkpoint key: set TVM_AUDIT_CHAIN_KEY or --key-file (<keyId>:<base64 secret of 32+ bytes>)");
            }
            try {
                return AuditChainKey.parse(text);
            } catch (org.tvm.domain.DomainValidationException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid checkpoint key: " + e.getMessage());
            }
        }

        AuditChainKey[] retired() {
            String text = System.getenv("TVM_AUDIT_CHAIN_RETIRED_KEYS");
            List<AuditChainKey> out = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                for (String k : text.split(",")) {
                    out.add(AuditChainKey.parse(k.trim()));
                }
            }
            return out.toArray(new AuditChainKey[0]);
        }
    }

    static int report(PrintWriter out, ChainVerification v) {
        String name = AuditChain.SYSTEM_CHAIN.equals(v.chain()) ? "system" : v.chain().toString();
        if (v.intact()) {
            out.printf("Audit chain %s is intact: %d row(s) checked up to seq %s, %d signed checkpoint(s).%n", name,
                    v.rowsChecked(), v.lastSeq() == null ? "-" : v.lastSeq(), v.checkpointsChecked());
            return 0;
        }
        out.printf("Audit chain %s is BROKEN: %s (%d row(s) intact before it).%n", name, v.firstBreak().orElseThrow(),
                v.rowsChecked());
        return 1;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk a chain; exit 0 if intact, 1 with the first broken row.")
    static final class Verify extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            return withTrail((trail, chain) -> report(spec.commandLine().getOut(), trail.verify(chain)));
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Move the audit entries the triggers left waiting into their chains (PostgreSQL; run it "
                    + "every minute, e.g. from cron). Needs no key.")
    static final class Link extends Login implements Callable<Integer> {
        @Override
        public Integer call() {
            try (HikariDataSource ds = CliPool.open(jdbcUrl, user, password, "tvm-audit", 1);
                 TvmAdministration admin = MyBatisTvmPersistence.administration(ds)) {
                long linked = admin.linkWaitingAuditEntries();
                spec.commandLine().getOut().printf("Linked %d waiting audit entr%s into their chains.%n", linked,
                        linked == 1 ? "y" : "ies");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Verify a chain and sign its head with TVM_AUDIT_CHAIN_KEY (exit 1 if it is broken).")
    static final class Seal extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            return withTrail((trail, chain) -> {
                PrintWriter out = spec.commandLine().getOut();
                ChainVerification v = trail.verify(chain);
                if (!v.intact()) {
                    return report(out, v);
                }
                out.println(trail.seal(chain, Instant.now())
                        .map(cp -> "Sealed seq " + cp.seq() + " with key " + cp.keyId() + ".")
                        .orElse("Nothing to seal: the chain is empty."));
                return 0;
            });
        }
    }
}
