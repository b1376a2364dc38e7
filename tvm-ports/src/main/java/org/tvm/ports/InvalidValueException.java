package org.tvm.ports;

/**
 * The database refused to store a value that the domain let through (SQLState class {@code 22}, data exception).
 * Domain validation rejects every such value before SQL runs (see {@code org.tvm.domain.DomainChecks}); this is the
 * database's backstop, e.g. after the schema was changed without the domain. Nothing of the statement is stored and
 * the transaction is rolled back; re-running the same work fails again ({@link #retryable()} is false).
 *
 * <p>Message: {@code "Value too long for its column on User (column email)"}; never the value.
 */
public abstract class InvalidValueException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String column;

    InvalidValueException(String what, String entity, String column, Throwable cause) {
        super(what + (nullIfBlank(entity) == null ? "" : " on " + entity)
                + (nullIfBlank(column) == null ? "" : " (column " + column + ")"), cause);
        this.entity = nullIfBlank(entity);
        this.column = nullIfBlank(column);
    }

    /** @return the domain class simple name of the rejected row, or null when the adapter cannot tell */
    public String entity() {
        return entity;
    }

    /** @return the column the database named, or null (PostgreSQL does not name it for most data exceptions) */
    public String column() {
        return column;
    }
}
