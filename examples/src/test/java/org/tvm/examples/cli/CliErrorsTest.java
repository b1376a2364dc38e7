package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one-line messages of the command line, from the causes Flyway and the driver report. */
class CliErrorsTest {

    @Test
    void insufficientPrivilegeNamesTheFix() {
        RuntimeException flyway = new IllegalStateException("Migration V1__extensions_and_helpers.sql failed\n"
                + "-----------------------------------\nSQL State  : 42501\nError Code : 0\nMessage    : ERROR: ...",
                new SQLException("ERROR: permission denied to create extension \"postgis\"\n  Hint: Must be superuser.",
                        "42501"));
        assertThat(CliErrors.describe("migrate", flyway)).isEqualTo("migrate needs a superuser or a member of tvm_admin"
                + " (creating the PostGIS extension and the database roles needs a superuser; run it with --user "
                + "postgres or another superuser): ERROR: permission denied to create extension \"postgis\" (SQLSTATE 42501)");
    }

    @Test
    void otherKnownStatesGetTheirFix() {
        assertThat(CliErrors.describe("migrate", new RuntimeException(new SQLException("FATAL: password authentication failed", "28P01"))))
                .startsWith("cannot log in: check --user and the password");
        assertThat(CliErrors.describe("demo", new RuntimeException(new SQLException("FATAL: database \"x\" does not exist", "3D000"))))
                .startsWith("the database does not exist");
        assertThat(CliErrors.describe("migrate", new RuntimeException(new SQLException("Connection refused", "08001"))))
                .startsWith("cannot reach the database");
        assertThat(CliErrors.describe("migrate", new RuntimeException(new SQLException(
                "ERROR: could not open extension control file \"/usr/share/postgresql/15/extension/postgis.control\"", "58P01"))))
                .startsWith("PostGIS is not installed on the database server");
    }

    @Test
    void anythingElseIsTheFirstLineOfEachDistinctMessage() {
        RuntimeException failure = new IllegalStateException("outer failed\nsecond line",
                new IllegalArgumentException("inner cause\nmore"));
        assertThat(CliErrors.describe("demo", failure)).isEqualTo("outer failed (caused by: inner cause)");
    }
}
