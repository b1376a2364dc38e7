package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tvm.adapter.mybatis.MyBatisTvmPersistence;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.Resident;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.data.TvmTestData;
import picocli.CommandLine;

/** {@code bin/tvm audit verify|seal} and {@code bin/tvm gdpr export} on an embedded H2 database. */
class AuditAndGdprCommandTest {

    private static final String URL = "jdbc:h2:mem:tvm_cli_audit_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final String FIELD_KEYS = "f1:" + Base64.getEncoder().encodeToString(randomBytes());
    private static Connection keepAlive;
    private static FacilityId facility;
    private static Resident resident;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void database() throws SQLException {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(URL);
        ds.setUser("sa");
        TvmMigrations.migrate(ds);
        Facility f = TvmTestData.facility().build();
        facility = f.id();
        resident = TvmTestData.resident(facility).allFields().build();
        try (TvmAdministration admin = MyBatisTvmPersistence.administration(ds);
             TvmPersistence p = MyBatisTvmPersistence.create(ds, MyBatisTvmPersistence.Options.defaults()
                     .keyRing(org.tvm.ports.crypto.KeyRing.parse(FIELD_KEYS)))) {
            admin.createFacility(f);
            p.run(TvmContext.system(facility), tx -> tx.residents().insert(resident));
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    @AfterAll
    static void close() throws SQLException {
        keepAlive.close();
    }

    private Path keyFile() throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        Path key = dir.resolve("chain.key");
        Files.writeString(key, "k1:" + Base64.getEncoder().encodeToString(secret));
        return key;
    }

    private int run(String... args) {
        CommandLine commandLine = TvmCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void verifyIsZeroWhenIntactAndOneWithTheRowWhenBroken() throws Exception {
        Path key = keyFile();
        String f = facility.toString();
        assertThat(run("audit", "seal", "--jdbc-url", URL, "--user", "sa", "--facility", f, "--key-file", key.toString()))
                .as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("Sealed seq");
        assertThat(run("audit", "verify", "--jdbc-url", URL, "--user", "sa", "--facility", f, "--key-file", key.toString()))
                .as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("is intact");
        assertThat(run("audit", "verify", "--jdbc-url", URL, "--user", "sa", "--facility", "system", "--key-file",
                key.toString())).isZero();

        setFirstAction("resident.read");
        try {
            assertThat(run("audit", "verify", "--jdbc-url", URL, "--user", "sa", "--facility", f, "--key-file",
                    key.toString())).isEqualTo(1);
            assertThat(out.toString()).contains("BROKEN", "CHANGED", "seq 1");
        } finally {
            setFirstAction("resident.create"); // the other test exports this history
        }
        assertThat(run("audit", "verify", "--jdbc-url", URL, "--facility", "nonsense", "--key-file", key.toString()))
                .isEqualTo(2);
    }

    /** H2 links entries when written, so there is nothing waiting; the command needs no key. */
    @Test
    void linkMovesWaitingEntriesAndNeedsNoKey() {
        assertThat(run("audit", "link", "--jdbc-url", URL, "--user", "sa")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("Linked 0 waiting audit entries into their chains.");
        assertThat(run("audit", "link")).isEqualTo(2);
    }

    private static void setFirstAction(String action) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE audit_logs SET action = ? WHERE facility_id = ? AND chain_seq = 1")) {
            ps.setString(1, action);
            ps.setObject(2, facility.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void gdprExportWritesTheVersionedDocument() throws Exception {
        Path file = dir.resolve("export.json");
        Path keys = dir.resolve("field.keys");
        Files.writeString(keys, FIELD_KEYS);
        assertThat(run("gdpr", "export", "--jdbc-url", URL, "--user", "sa", "--facility", facility.toString(),
                "--resident", resident.id().toString(), "--out", file.toString(), "--field-keys-file", keys.toString()))
                .as("stderr: %s", err).isZero();
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertThat(doc.get("format").asText()).isEqualTo("tvm-resident-export");
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.at("/resident/id").asText()).isEqualTo(resident.id().toString());
        assertThat(doc.at("/resident/medicalNotes").asText()).isEqualTo(resident.medicalNotes().reveal());
        assertThat(doc.at("/consent/given").asBoolean()).isTrue();
        assertThat(doc.get("audit").findValuesAsText("action")).contains("resident.create");
        assertThat(Instant.parse(doc.get("exportedAt").asText())).isBeforeOrEqualTo(Instant.now());
    }
}
