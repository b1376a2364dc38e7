package org.tvm.adapter.mybatis;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.tvm.domain.DomainException;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.crypto.FieldCipherException;

/**
 * The one place where database errors become port exceptions: by SQLState (PostgreSQL and H2 use the standard
 * classes) and constraint name (from the PostgreSQL server message, or parsed from H2's message). Messages of the
 * resulting exceptions name entities and constraints only; the driver exception (whose text may contain row values)
 * stays available as the cause.
 */
final class ErrorTranslator {

    /** The partial unique index behind "one active mission per vehicle" (PostgreSQL only). */
    static final String ONE_ACTIVE_MISSION_INDEX = "idx_missions_one_active_per_vehicle";

    private static final Map<String, String> ENTITY_BY_TABLE = Map.ofEntries(
            Map.entry("facilities", "Facility"), Map.entry("locations", "Location"),
            Map.entry("residents", "Resident"), Map.entry("vehicles", "Vehicle"), Map.entry("missions", "Mission"),
            Map.entry("mission_events", "MissionEvent"), Map.entry("telemetry", "TelemetrySample"),
            Map.entry("vehicle_logs", "VehicleLogEntry"), Map.entry("users", "User"), Map.entry("roles", "Role"),
            Map.entry("user_roles", "Role"), Map.entry("permissions", "Permission"),
            Map.entry("role_permissions", "Permission"), Map.entry("audit_logs", "AuditEntry"),
            Map.entry("data_access_logs", "DataAccessEntry"), Map.entry("caregiver_assignments", "User"));

    /** H2: the first double-quoted token, e.g. "public.idx_x ON public.t(...)" or "fk_x: public.t FOREIGN KEY". */
    private static final Pattern H2_QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern H2_TABLE = Pattern.compile("(?:ON|:)\\s+(?:[A-Za-z_]+\\.)?([A-Za-z_][A-Za-z0-9_]*)");

    private ErrorTranslator() {
    }

    /** A failure with its constraint, as far as the database told us. */
    record Failure(String sqlState, String constraint, String table, SQLException cause) {
    }

    /**
     * @param error      whatever escaped a mapper call or commit
     * @param entityHint the domain entity the operation was about, used when the database does not name a table
     * @return the exception to throw: port and domain exceptions unchanged, database errors translated
     */
    static RuntimeException translate(Throwable error, String entityHint) {
        if (error instanceof TvmPersistenceException || error instanceof DomainException
                || error instanceof FieldCipherException) {
            return (RuntimeException) error;
        }
        Failure f = failure(error);
        if (f == null) {
            if (error instanceof IllegalArgumentException || error instanceof IllegalStateException
                    || error instanceof NullPointerException) {
                return (RuntimeException) error;
            }
            if (error instanceof Error e) {
                throw e;
            }
            return new TvmPersistenceException("Persistence failure in " + entityHint + " ("
                    + error.getClass().getSimpleName() + ")", error);
        }
        return translate(f, entityHint);
    }

    static RuntimeException translate(Failure f, String entityHint) {
        String state = f.sqlState() == null ? "" : f.sqlState();
        String entity = f.table() != null ? ENTITY_BY_TABLE.getOrDefault(baseTable(f.table()), entityHint) : entityHint;
        String constraint = f.constraint() == null || f.constraint().isBlank() ? null : f.constraint();
        int h2Code = f.cause().getErrorCode();
        switch (state) {
            case "23505":
                return new DuplicateKeyException(entity, constraint, f.cause());
            case "23503", "23506":
                return new UnknownReferenceException(entity, constraint == null ? "foreign_key" : constraint,
                        "referenced row does not exist in this facility", f.cause());
            case "23514", "23513":
                return new ConstraintViolationException(entity, constraint == null ? "check" : constraint,
                        "check constraint violated", f.cause());
            case "23502":
                return new ConstraintViolationException(entity, constraint == null ? "not_null" : constraint,
                        "required value missing", f.cause());
            case "23P01":
                return new ConstraintViolationException(entity, constraint == null ? "exclusion" : constraint,
                        "exclusion constraint violated", f.cause());
            case "22001":
                return new ConstraintViolationException(entity, "value_too_long", "value too long for its column",
                        f.cause());
            case "40001":
                return new ConcurrencyConflictException(h2Code == 40001 && isH2(f.cause())
                        ? ConcurrencyConflictException.Kind.DEADLOCK
                        : ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, f.cause());
            case "40P01":
                return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.DEADLOCK, f.cause());
            case "55P03":
                return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, f.cause());
            case "42501":
                return new AccessDeniedException(rlsViolation(f.cause())
                        ? entity + " row violates the facility isolation (row-level security)"
                        : "the database role lacks a privilege for " + entity);
            default:
                if (isH2(f.cause())) {
                    if (h2Code == 50200 || "HYT00".equals(state)) {
                        return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, f.cause());
                    }
                    if (h2Code == 90131) {
                        return new ConcurrencyConflictException(
                                ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, f.cause());
                    }
                }
                return new TvmPersistenceException("Database error in " + entity + " (SQLState " + state + ")", f.cause());
        }
    }

    /** Finds the SQLException in a cause chain (MyBatis wraps it) and extracts SQLState, constraint and table. */
    static Failure failure(Throwable error) {
        SQLException sql = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
                // a BatchUpdateException carries the real failure (with the server message) as next exception
                SQLException next = s.getNextException();
                if (next != null && (next instanceof PSQLException || s instanceof java.sql.BatchUpdateException)) {
                    sql = next;
                }
                break;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (sql == null) {
            return null;
        }
        if (sql instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return new Failure(sql.getSQLState(), m.getConstraint(), m.getTable(), sql);
        }
        if (isH2(sql)) {
            return h2Failure(sql);
        }
        return new Failure(sql.getSQLState(), null, null, sql);
    }

    private static Failure h2Failure(SQLException sql) {
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        String constraint = null;
        String table = null;
        Matcher q = H2_QUOTED.matcher(message);
        if (q.find()) {
            String quoted = q.group(1);
            String first = quoted.split("[\\s:(]", 2)[0];
            constraint = first.contains(".") ? first.substring(first.lastIndexOf('.') + 1) : first;
            Matcher t = H2_TABLE.matcher(quoted);
            if (t.find()) {
                table = t.group(1);
            }
            if (constraint != null) {
                constraint = constraint.toLowerCase(Locale.ROOT);
            }
            if (table != null) {
                table = table.toLowerCase(Locale.ROOT);
            }
        }
        return new Failure(sql.getSQLState(), constraint, table, sql);
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    private static boolean rlsViolation(SQLException e) {
        String m = e.getMessage();
        return m != null && m.contains("row-level security");
    }

    /** Partitions (telemetry_2025_01, audit_logs_default) belong to their parent's entity. */
    private static String baseTable(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (t.startsWith("telemetry")) {
            return "telemetry";
        }
        if (t.startsWith("audit_logs")) {
            return "audit_logs";
        }
        return t;
    }
}
