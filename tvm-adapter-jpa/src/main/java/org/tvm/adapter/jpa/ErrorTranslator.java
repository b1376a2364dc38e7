package org.tvm.adapter.jpa;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.tvm.domain.DomainException;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.crypto.FieldCipherException;

/**
 * The one place where SQL and Hibernate failures become port exceptions: by SQLState, then constraint name and table.
 * Messages of the created exceptions carry entity, constraint and table names only, never row values (the driver
 * exception, which may quote values, is kept as cause).
 */
final class ErrorTranslator {

    /** The partial unique index that enforces one active mission per vehicle (PostgreSQL). */
    static final String ONE_ACTIVE_MISSION_INDEX = "idx_missions_one_active_per_vehicle";

    private static final Map<String, String> ENTITY_BY_TABLE = Map.ofEntries(
            Map.entry("facilities", "Facility"), Map.entry("locations", "Location"), Map.entry("residents", "Resident"),
            Map.entry("vehicles", "Vehicle"), Map.entry("missions", "Mission"), Map.entry("mission_events", "MissionEvent"),
            Map.entry("users", "User"), Map.entry("roles", "Role"), Map.entry("permissions", "Permission"),
            Map.entry("role_permissions", "Permission"), Map.entry("telemetry", "TelemetrySample"),
            Map.entry("vehicle_logs", "VehicleLogEntry"), Map.entry("audit_logs", "AuditEntry"),
            Map.entry("data_access_logs", "DataAccessEntry"));

    /** H2: {@code ... "PUBLIC.IDX_X ON PUBLIC.VEHICLES(...)"} or {@code CONSTRAINT_X: PUBLIC.MISSIONS FOREIGN KEY ...}. */
    private static final Pattern H2_TABLE = Pattern.compile("(?i)(?:ON|:)\\s+\"?public\"?\\.\"?([a-z_]+)\"?");
    private static final Pattern H2_CONSTRAINT = Pattern.compile("(?i)\"?(?:public\\.)?((?:idx|uq|fk|check)_[a-z0-9_]+|[a-z_]+_(?:pkey|fkey|key))(?![a-z0-9_])");

    private ErrorTranslator() {
    }

    /** Context of a failed repository call, used to name the entity and the busy vehicle. */
    record Hint(String entity, VehicleId vehicle) {
        static final Hint NONE = new Hint(null, null);

        static Hint of(String entity) {
            return new Hint(entity, null);
        }
    }

    /**
     * @return the exception to throw: port and domain exceptions unchanged, everything else translated
     */
    static RuntimeException translate(Throwable failure, Hint hint) {
        if (failure instanceof TvmPersistenceException || failure instanceof DomainException
                || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof NullPointerException || failure instanceof FieldCipherException) {
            return (RuntimeException) failure;
        }
        if (hasCause(failure, StaleStateException.class)) { // also when wrapped in a jakarta.persistence exception
            return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, failure);
        }
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return new TvmPersistenceException("Persistence failure (" + failure.getClass().getSimpleName() + ")", failure);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String constraint = constraintName(failure, sql);
        String table = tableName(sql);
        String entity = entity(table, constraint, hint);
        switch (state) {
            case "23505": // unique violation (PostgreSQL and H2)
                if (ONE_ACTIVE_MISSION_INDEX.equals(constraint) && hint.vehicle() != null) {
                    return new VehicleBusyException(hint.vehicle(), sql);
                }
                return new DuplicateKeyException(entity == null ? "Unknown" : entity, constraint, sql);
            case "23503": // foreign key (PostgreSQL, H2 referenced row missing)
            case "23506": // H2: referential integrity violated (child exists)
                return new UnknownReferenceException(entity, constraint == null ? "foreign_key" : constraint,
                        table == null ? "foreign key violated" : "foreign key of " + table + " violated", sql);
            case "23514": // check (PostgreSQL)
            case "23513": // check (H2)
                return new org.tvm.ports.ConstraintViolationException(entity, constraint == null ? "check" : constraint,
                        "check constraint violated", sql);
            case "23502": // not null
                return new org.tvm.ports.ConstraintViolationException(entity, constraint == null ? "not_null" : constraint,
                        "required column is null", sql);
            case "23P01": // exclusion
                return new org.tvm.ports.ConstraintViolationException(entity, constraint == null ? "exclusion" : constraint,
                        "exclusion constraint violated", sql);
            case "40001":
                return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, sql);
            case "40P01":
                return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.DEADLOCK, sql);
            case "55P03":
            case "HYT00": // H2 lock timeout
                return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.LOCK_TIMEOUT, sql);
            case "42501":
                AccessDeniedException denied = new AccessDeniedException(isRls(sql)
                        ? "row-level security rejected a row of another facility" + (table == null ? "" : " (" + table + ")")
                        : "insufficient database privilege" + (table == null ? "" : " on " + table));
                denied.initCause(sql); // the port constructor takes no cause; keep the driver exception for diagnosis
                return denied;
            default:
                if (sql.getErrorCode() == 90131) { // H2 CONCURRENT_UPDATE_1
                    return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE, sql);
                }
                return new TvmPersistenceException("Database error (SQLState " + state + ")"
                        + (entity == null ? "" : " on " + entity), sql);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    static SQLException findSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                SQLException next = s.getNextException();
                return next != null && s.getSQLState() != null && s.getSQLState().startsWith("22") ? next : s;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static boolean isRls(SQLException sql) {
        String m = sql.getMessage();
        return m != null && m.contains("row-level security");
    }

    private static String constraintName(Throwable failure, SQLException sql) {
        ServerErrorMessage server = serverMessage(sql);
        if (server != null && server.getConstraint() != null) {
            return server.getConstraint();
        }
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                    && !cve.getConstraintName().isBlank()) {
                String name = cve.getConstraintName().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                name = dot >= 0 ? name.substring(dot + 1) : name;
                if (!name.startsWith("primary_key_") && !name.startsWith("constraint_")) {
                    return name;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        if (server == null && sql.getMessage() != null) {
            Matcher m = H2_CONSTRAINT.matcher(sql.getMessage());
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        String table = tableName(sql);
        return table == null ? null : table + ("23505".equals(sql.getSQLState()) ? "_pkey" : "");
    }

    private static String tableName(SQLException sql) {
        ServerErrorMessage server = serverMessage(sql);
        if (server != null) {
            return server.getTable();
        }
        if (sql.getMessage() != null) {
            Matcher m = H2_TABLE.matcher(sql.getMessage());
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static ServerErrorMessage serverMessage(SQLException sql) {
        return sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
    }

    private static String entity(String table, String constraint, Hint hint) {
        if (table != null && ENTITY_BY_TABLE.containsKey(table)) {
            return ENTITY_BY_TABLE.get(table);
        }
        if (constraint != null) {
            for (Map.Entry<String, String> e : ENTITY_BY_TABLE.entrySet()) {
                if (constraint.startsWith(e.getKey() + "_") || constraint.contains("_" + e.getKey() + "_")) {
                    return e.getValue();
                }
            }
        }
        return hint.entity();
    }
}
