package org.tvm.adapter.sql.error;

import java.util.Objects;
import org.tvm.adapter.sql.error.SqlErrorTable.ErrorClass;
import org.tvm.adapter.sql.error.SqlErrorTable.Meaning;
import org.tvm.domain.DomainException;
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
import org.tvm.ports.crypto.FieldCipherException;

/**
 * The one place where database errors become port exceptions, for both SQL adapters on PostgreSQL and H2, driven by
 * {@link SqlErrorTable}. Each adapter only unwraps what its framework adds (e.g. Hibernate's stale-state detection)
 * and hands everything else here.
 *
 * <p>Whatever the SQLState, the driver or ORM exception never leaves as it is: the port exception's cause is a
 * {@link WithheldDatabaseError} with SQLState, vendor code, constraint, table, column and type only, because driver
 * messages quote row values (a failed batch even quotes the whole statement with its parameters).
 */
public final class SqlErrorTranslator {

    private SqlErrorTranslator() {
    }

    /**
     * @param failure non-null whatever escaped a database call, a flush or a commit
     * @param hint    non-null what the adapter knew about the call
     * @return the exception to throw: port and domain exceptions unchanged, programming errors unchanged when they
     *         hold no database exception, database errors translated, anything else wrapped with its cause withheld
     *         when it holds a database exception
     * @throws Error when {@code failure} is an {@link Error} (rethrown as is)
     */
    public static RuntimeException translate(Throwable failure, ErrorHint hint) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(hint, "hint");
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof TvmPersistenceException || failure instanceof DomainException) {
            return (RuntimeException) failure; // already a port or domain error; its own causes were made safe
        }
        DatabaseFailure database = DatabaseFailure.of(failure);
        if (database == null) {
            if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                    || failure instanceof NullPointerException || failure instanceof UnsupportedOperationException
                    || failure instanceof FieldCipherException) {
                return (RuntimeException) failure;
            }
            return new TvmPersistenceException("Persistence failure" + on(hint.entity()) + " ("
                    + failure.getClass().getSimpleName() + ")", failure);
        }
        return translate(failure, database, hint);
    }

    /**
     * Translates a failure whose database facts are known.
     *
     * @param failure  non-null original throwable (withheld as the cause)
     * @param database non-null facts extracted from it
     * @param hint     non-null what the adapter knew
     * @return the port exception
     */
    public static TvmPersistenceException translate(Throwable failure, DatabaseFailure database, ErrorHint hint) {
        String constraint = database.constraint();
        String entity = entity(database, hint);
        Meaning meaning = constraint == null ? null : SqlErrorTable.CONSTRAINTS.get(constraint);
        WithheldDatabaseError cause = WithheldDatabaseError.of(failure, database.sqlState(), database.vendorCode(),
                constraint, database.table(), database.column());
        ErrorClass errorClass = SqlErrorTable.classify(database);
        return switch (errorClass) {
            case UNIQUE -> SqlErrorTable.ONE_ACTIVE_MISSION_INDEX.equals(constraint) && hint.busyVehicle() != null
                    ? new VehicleBusyException(hint.busyVehicle(), cause)
                    : new DuplicateKeyException(entity == null ? "Unknown" : entity, constraint, cause);
            case FOREIGN_KEY -> new UnknownReferenceException(entity, constraint == null ? "foreign_key" : constraint,
                    detail(meaning, "referenced row does not exist in this facility"), cause);
            case CHECK -> new ConstraintViolationException(entity, constraint == null ? "check" : constraint,
                    detail(meaning, "check constraint violated"), cause);
            case NOT_NULL -> new ConstraintViolationException(entity, constraint != null ? constraint
                    : database.column() != null ? database.column() + "_not_null" : "not_null",
                    "required value missing", cause);
            case EXCLUSION -> new ConstraintViolationException(entity, constraint == null ? "exclusion" : constraint,
                    detail(meaning, "exclusion constraint violated"), cause);
            case TOO_LONG -> new ValueTooLongException(entity, database.column(), cause);
            case INVALID_TEXT -> new InvalidTextException(entity, database.column(), cause);
            case OUT_OF_RANGE -> new ValueOutOfRangeException(entity, database.column(), cause);
            case SERIALIZATION_FAILURE -> new ConcurrencyConflictException(
                    ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, cause);
            case DEADLOCK -> new ConcurrencyConflictException(ConcurrencyConflictException.Kind.DEADLOCK, cause);
            case LOCK_TIMEOUT -> new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, cause);
            case STATEMENT_TIMEOUT -> new StatementTimeoutException(cause);
            case CONNECTION_LOST -> new ConnectionLostException(hint.commit(), cause);
            case ACCESS_DENIED -> new AccessDeniedException(database.rowLevelSecurity()
                    ? (entity == null ? "a" : entity) + " row violates the facility isolation (row-level security)"
                    : "the database role lacks a privilege" + (entity == null ? "" : " for " + entity), cause);
            case OTHER -> new TvmPersistenceException("Database error" + on(entity) + " (SQLState "
                    + database.sqlState() + ")", cause);
        };
    }

    private static String entity(DatabaseFailure database, ErrorHint hint) {
        String byTable = SqlErrorTable.entityOfTable(database.table());
        if (byTable != null) {
            return byTable;
        }
        String byConstraint = SqlErrorTable.entityOfConstraint(database.constraint());
        return byConstraint != null ? byConstraint : hint.entity();
    }

    private static String detail(Meaning meaning, String otherwise) {
        return meaning == null ? otherwise : meaning.detail();
    }

    private static String on(String entity) {
        return entity == null ? "" : " on " + entity;
    }
}
