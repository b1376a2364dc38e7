package org.tvm.adapter.sql.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.ConnectionLostException;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.InvalidTextException;
import org.tvm.ports.StatementTimeoutException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.ValueOutOfRangeException;
import org.tvm.ports.ValueTooLongException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.WithheldDatabaseError;

/** The shared mapping, one SQLState at a time, with driver messages that quote a secret. */
class SqlErrorTranslatorTest {

    private static final String SECRET = "s3cr3t-reset-token";

    private static final Map<String, Class<? extends TvmPersistenceException>> POSTGRES = Map.ofEntries(
            Map.entry("23505", DuplicateKeyException.class), Map.entry("23503", UnknownReferenceException.class),
            Map.entry("23514", ConstraintViolationException.class), Map.entry("23502", ConstraintViolationException.class),
            Map.entry("22001", ValueTooLongException.class), Map.entry("22021", InvalidTextException.class),
            Map.entry("22P05", InvalidTextException.class), Map.entry("22003", ValueOutOfRangeException.class),
            Map.entry("22008", ValueOutOfRangeException.class), Map.entry("22009", ValueOutOfRangeException.class),
            Map.entry("40001", ConcurrencyConflictException.class), Map.entry("40P01", ConcurrencyConflictException.class),
            Map.entry("55P03", ConcurrencyConflictException.class), Map.entry("57014", StatementTimeoutException.class),
            Map.entry("57P01", ConnectionLostException.class), Map.entry("08006", ConnectionLostException.class),
            Map.entry("42501", AccessDeniedException.class), Map.entry("42P01", TvmPersistenceException.class));

    @Test
    void everyPostgresSqlStateBecomesItsTypedExceptionWithNoValueAnywhere() {
        POSTGRES.forEach((state, type) -> {
            PSQLException driver = postgres(state, "idx_users_email_unique", "users", "email");
            BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into users values ('" + SECRET
                    + "') was aborted", state, 0, new int[0]);
            batch.setNextException(driver);

            RuntimeException translated = SqlErrorTranslator.translate(new RuntimeException("flush failed", batch),
                    ErrorHint.of("User"));

            assertThat(translated).as(state).isExactlyInstanceOf(type);
            assertThat(printed(translated)).as(state).doesNotContain(SECRET);
            assertThat(translated.getCause()).isInstanceOfSatisfying(WithheldDatabaseError.class, w -> {
                assertThat(w.sqlState()).isEqualTo(state);
                assertThat(w.table()).isEqualTo("users");
            });
        });
    }

    @Test
    void retryabilityFollowsTheErrorClass() {
        assertThat(translate("40P01").retryable()).isTrue();
        assertThat(translate("40001").retryable()).isTrue();
        assertThat(translate("55P03").retryable()).isTrue();
        assertThat(translate("57014").retryable()).isFalse();
        assertThat(translate("22001").retryable()).isFalse();
        assertThat(translate("23505").retryable()).isFalse();
        assertThat(translate("57P01").retryable()).isTrue();
        RuntimeException atCommit = SqlErrorTranslator.translate(postgres("08006", null, null, null), ErrorHint.COMMIT);
        assertThat(atCommit).isInstanceOfSatisfying(ConnectionLostException.class,
                e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void theOneActiveMissionIndexMeansBusyOnlyWhenAVehicleIsBeingBound() {
        VehicleId vehicle = VehicleId.newId();
        PSQLException driver = postgres("23505", SqlErrorTable.ONE_ACTIVE_MISSION_INDEX, "missions", null);
        assertThat(SqlErrorTranslator.translate(driver, ErrorHint.binding("Mission", vehicle)))
                .isInstanceOf(VehicleBusyException.class);
        assertThat(SqlErrorTranslator.translate(driver, ErrorHint.of("Mission")))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Mission"));
    }

    @Test
    void h2ErrorsMapByVendorCodeAndNameTheirConstraintsWithoutValues() {
        record Case(String state, int code, String message, Class<?> type) {
        }
        for (Case c : new Case[] {
                new Case("23505", 23505, "Unique index or primary key violation: \"public.idx_users_email_unique ON "
                        + "public.users(LOWER(email)) VALUES ( /* 1 */ '" + SECRET + "' )\"", DuplicateKeyException.class),
                new Case("23506", 23506, "Referential integrity constraint violation: \"fk_missions_resident: "
                        + "public.missions FOREIGN KEY(resident_id) REFERENCES public.residents(id) ('" + SECRET + "')\"",
                        UnknownReferenceException.class),
                new Case("22001", 22001, "Value too long for column \"email CHARACTER VARYING(255)\": \"'" + SECRET
                        + "' (300)\"", ValueTooLongException.class),
                new Case("22018", 22018, "Data conversion error converting \"'" + SECRET + "'\"", InvalidTextException.class),
                new Case("40001", 40001, "Deadlock detected. The current transaction was rolled back. Details: \""
                        + SECRET + "\"", ConcurrencyConflictException.class),
                new Case("HYT00", 50200, "Timeout trying to lock table \"users\"", ConcurrencyConflictException.class),
                new Case("90131", 90131, "Concurrent update in table \"users\"", ConcurrencyConflictException.class),
                new Case("57014", 57014, "Statement was canceled or the session timed out", StatementTimeoutException.class),
                new Case("90067", 90067, "Connection is broken: \"" + SECRET + "\"", ConnectionLostException.class)}) {
            RuntimeException translated = SqlErrorTranslator.translate(new org.h2.jdbc.JdbcSQLNonTransientException(
                    c.message(), null, c.state(), c.code(), null, null), ErrorHint.of("User"));
            assertThat(translated).as(c.message()).isInstanceOf(c.type());
            assertThat(printed(translated)).doesNotContain(SECRET);
        }
        RuntimeException duplicate = SqlErrorTranslator.translate(new org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: \"public.idx_users_email_unique ON public.users(LOWER(email)) "
                        + "VALUES ( /* 1 */ '" + SECRET + "' )\"", null, "23505", 23505, null, null), ErrorHint.NONE);
        assertThat(duplicate).isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
            assertThat(e.constraint()).isEqualTo("idx_users_email_unique");
            assertThat(e.entity()).isEqualTo("User");
        });
        ConcurrencyConflictException deadlock = (ConcurrencyConflictException) SqlErrorTranslator.translate(
                new org.h2.jdbc.JdbcSQLTransactionRollbackException("Deadlock", null, "40001", 40001, null, null),
                ErrorHint.NONE);
        assertThat(deadlock.kind()).isEqualTo(ConcurrencyConflictException.Kind.DEADLOCK);
    }

    @Test
    void programmingErrorsPassUnlessTheyHideADatabaseError() {
        IllegalStateException plain = new IllegalStateException("closed");
        assertThat(SqlErrorTranslator.translate(plain, ErrorHint.NONE)).isSameAs(plain);
        IllegalStateException hiding = new IllegalStateException("wrapped", new SQLException(SECRET, "23505"));
        assertThat(printed(SqlErrorTranslator.translate(hiding, ErrorHint.of("User")))).doesNotContain(SECRET);
    }

    private static TvmPersistenceException translate(String state) {
        return (TvmPersistenceException) SqlErrorTranslator.translate(postgres(state, null, "users", null),
                ErrorHint.of("User"));
    }

    /** A driver exception as PostgreSQL reports it: structured fields plus a detail that quotes the row. */
    private static PSQLException postgres(String state, String constraint, String table, String column) {
        StringBuilder fields = new StringBuilder("SERROR\0C").append(state).append("\0Mfailure quoting ").append(SECRET)
                .append("\0DFailing row contains (").append(SECRET).append(")\0");
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        if (table != null) {
            fields.append('t').append(table).append('\0');
        }
        if (column != null) {
            fields.append('c').append(column).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
