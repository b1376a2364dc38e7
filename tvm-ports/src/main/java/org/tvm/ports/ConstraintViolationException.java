package org.tvm.ports;

/**
 * A database integrity rule other than a unique key rejected a write: CHECK, NOT NULL, exclusion constraint,
 * or a documented port rule such as
 * {@code "active_mission_not_deletable"}. Foreign-key violations use the subclass {@link UnknownReferenceException}.
 *
 * <p>Message: {@code "Constraint violated on Vehicle: check_battery_level (battery level out of range)"}.
 * The detail is a sanitized description chosen by the adapter; it never contains column values (database error
 * texts such as "Failing row contains (...)" must not be copied into it).
 */
public class ConstraintViolationException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String constraint;
    private final String detail;

    /**
     * @param entity     nullable domain class simple name (null when the adapter cannot tell)
     * @param constraint non-blank constraint name or rule name (adapter-specific unless documented by a port)
     * @param detail     nullable sanitized description without values
     */
    public ConstraintViolationException(String entity, String constraint, String detail) {
        this(entity, constraint, detail, null);
    }

    /**
     * @param entity     nullable domain class simple name (null when the adapter cannot tell)
     * @param constraint non-blank constraint name or rule name
     * @param detail     nullable sanitized description without values
     * @param cause      nullable underlying driver exception
     */
    public ConstraintViolationException(String entity, String constraint, String detail, Throwable cause) {
        this("Constraint violated", " on ", entity, constraint, detail, cause);
    }

    /** For subclasses: same fields, different message prefix. */
    ConstraintViolationException(String prefix, String connector, String entity, String constraint, String detail,
            Throwable cause) {
        super(message(prefix, connector, nullIfBlank(entity), requireText(constraint, "constraint"), nullIfBlank(detail)), cause);
        this.entity = nullIfBlank(entity);
        this.constraint = constraint;
        this.detail = nullIfBlank(detail);
    }

    private static String message(String prefix, String connector, String entity, String constraint, String detail) {
        return prefix + (entity == null ? "" : connector + entity) + ": " + constraint
                + (detail == null ? "" : " (" + detail + ")");
    }

    /** @return the domain class simple name, or null when unknown */
    public String entity() {
        return entity;
    }

    /** @return non-null constraint or rule name */
    public String constraint() {
        return constraint;
    }

    /** @return sanitized detail without values, or null */
    public String detail() {
        return detail;
    }
}
