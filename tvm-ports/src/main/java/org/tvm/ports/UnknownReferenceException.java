package org.tvm.ports;

/**
 * A write referenced a row that does not exist (foreign-key violation), or — where a port says so — exists only
 * in another facility or is soft-deleted. E.g. a mission for an unknown resident, telemetry for an unknown vehicle.
 *
 * <p>Message: {@code "Unknown reference from Mission: missions_resident_id_fkey (resident_id)"}.
 */
public class UnknownReferenceException extends ConstraintViolationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param entity     nullable domain class simple name of the referencing row
     * @param constraint non-blank foreign-key constraint name (adapter-specific) or referencing column name
     * @param detail     nullable sanitized description without values, e.g. the referencing column
     */
    public UnknownReferenceException(String entity, String constraint, String detail) {
        this(entity, constraint, detail, null);
    }

    /**
     * @param entity     nullable domain class simple name of the referencing row
     * @param constraint non-blank foreign-key constraint name or referencing column name
     * @param detail     nullable sanitized description without values
     * @param cause      nullable underlying driver exception
     */
    public UnknownReferenceException(String entity, String constraint, String detail, Throwable cause) {
        super("Unknown reference", " from ", entity, constraint, detail, cause);
    }
}
