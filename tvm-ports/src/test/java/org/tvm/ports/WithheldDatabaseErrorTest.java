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
    void everyDatabaseErrorIsWithheldWhateverItsSqlState() {
        for (String state : new String[] {"40P01", "40001", "55P03", "57014", "57P01", "08006", "42P01", "XX000", null}) {
            java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException(
                    "Batch entry 0 insert into users values ('secret-token') was aborted", state, 0, new int[0]);
            batch.setNextException(new SQLException("Detail: Key (email)=(secret-token)", state));
            RuntimeException orm = new RuntimeException("could not execute batch", batch);
            orm.addSuppressed(new SQLException("rollback failed for secret-token", "08003"));

            TvmPersistenceException exception = new TvmPersistenceException("Database error", orm);

            assertThat(exception.getCause()).isInstanceOf(WithheldDatabaseError.class);
            java.io.StringWriter printed = new java.io.StringWriter();
            exception.printStackTrace(new java.io.PrintWriter(printed));
            assertThat(printed.toString()).doesNotContain("secret-token").contains("WithheldDatabaseError");
            assertThat(exception.getCause().getSuppressed()).singleElement().isInstanceOf(WithheldDatabaseError.class);
        }
    }

    @Test
    void anSqlExceptionHiddenInASuppressedExceptionIsFoundToo() {
        RuntimeException outer = new RuntimeException("commit failed");
        outer.addSuppressed(new IllegalStateException("wrapper", new SQLException("Failing row contains (x-secret)", "23514")));
        assertThat(new TvmPersistenceException("Database error", outer).getCause())
                .isInstanceOf(WithheldDatabaseError.class);
    }

    @Test
    void theNamesATranslatorExtractedAreKeptButNeverAnythingThatIsNotAnIdentifier() {
        SQLException driver = new SQLException("Failing row contains (x-secret)", "23502", 0);
        WithheldDatabaseError withheld = WithheldDatabaseError.of(driver, "23502", 0, "users_email_not_null", "users",
                "x-secret) or (1=1");
        assertThat(withheld.constraint()).isEqualTo("users_email_not_null");
        assertThat(withheld.table()).isEqualTo("users");
        assertThat(withheld.column()).isNull();
        assertThat(withheld.getMessage()).contains("users_email_not_null").doesNotContain("x-secret");
    }

    @Test
    void failuresWithoutAnyDatabaseExceptionKeepTheirCauseForDiagnosis() {
        IllegalStateException plain = new IllegalStateException("pool closed");
        assertThat(new TvmPersistenceException("Persistence failure", plain).getCause()).isSameAs(plain);
        assertThat(new TvmPersistenceException("no cause", null).getCause()).isNull();
    }
}
