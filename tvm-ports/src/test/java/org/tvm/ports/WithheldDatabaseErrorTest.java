package org.tvm.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class WithheldDatabaseErrorTest {

    private static final String ROW_VALUES = "Key (lower(email))=(alice@example.org) already exists";

    @Test
    void integrityViolationMessagesAreWithheldButDiagnosisIsKept() {
        SQLException driver = new SQLException("ERROR: duplicate key. Detail: " + ROW_VALUES, "23505", 0);
        RuntimeException orm = new RuntimeException("could not execute statement [" + ROW_VALUES + "]", driver);

        DuplicateKeyException exception = new DuplicateKeyException("User", "idx_users_email_unique", orm);

        assertThat(exception.getCause()).isInstanceOfSatisfying(WithheldDatabaseError.class, withheld -> {
            assertThat(withheld.sqlState()).isEqualTo("23505");
            assertThat(withheld.originalType()).isEqualTo(RuntimeException.class.getName());
            assertThat(withheld.getStackTrace()).isEqualTo(orm.getStackTrace());
            assertThat(withheld.getCause()).isNull();
        });
        for (Throwable t = exception; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain("alice");
        }
    }

    @Test
    void everyDataAndIntegrityErrorIsWithheldThroughAnyPortException() {
        for (String state : new String[] {"22001", "22P02", "23502", "23503", "23505", "23514", "23P01"}) {
            SQLException driver = new SQLException("Failing row contains (secret-token)", state);
            TvmPersistenceException exception = new ConstraintViolationException("User", "check", null, driver);
            assertThat(exception.getCause()).isInstanceOf(WithheldDatabaseError.class);
            assertThat(exception.getCause().getMessage()).contains(state).doesNotContain("secret-token");
        }
    }

    @Test
    void otherDatabaseErrorsKeepTheirCauseForDiagnosis() {
        SQLException missingTable = new SQLException("relation \"telemetry_2031_01\" does not exist", "42P01");
        assertThat(new TvmPersistenceException("Database error (SQLState 42P01)", missingTable).getCause())
                .isSameAs(missingTable);
        IllegalStateException plain = new IllegalStateException("pool closed");
        assertThat(new TvmPersistenceException("Persistence failure", plain).getCause()).isSameAs(plain);
        assertThat(new TvmPersistenceException("no cause", null).getCause()).isNull();
    }
}
