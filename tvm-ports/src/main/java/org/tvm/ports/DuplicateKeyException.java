package org.tvm.ports;

/**
 * A unique constraint (primary key or unique index) was violated, e.g. an existing id, a second non-deleted
 * vehicle with the same name in a facility, or an e-mail address already used by a non-deleted user.
 * The statement and the transaction fail; nothing of the unit of work is kept once the exception leaves it.
 *
 * <p>Message: {@code "Duplicate key for Vehicle (constraint uq_vehicles_facility_name)"}; never contains the
 * duplicated value.
 */
public class DuplicateKeyException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String constraint;

    /**
     * @param entity     non-blank domain class simple name, e.g. {@code "Vehicle"}
     * @param constraint nullable constraint or index name (adapter-specific; null when unknown)
     */
    public DuplicateKeyException(String entity, String constraint) {
        this(entity, constraint, null);
    }

    /**
     * @param entity     non-blank domain class simple name, e.g. {@code "Vehicle"}
     * @param constraint nullable constraint or index name (adapter-specific; null when unknown)
     * @param cause      nullable underlying driver exception
     */
    public DuplicateKeyException(String entity, String constraint, Throwable cause) {
        super(message(requireText(entity, "entity"), nullIfBlank(constraint)), cause);
        this.entity = entity;
        this.constraint = nullIfBlank(constraint);
    }

    private static String message(String entity, String constraint) {
        return "Duplicate key for " + entity + (constraint == null ? "" : " (constraint " + constraint + ")");
    }

    /** @return non-null domain class simple name of the rejected row, e.g. {@code "Vehicle"} */
    public String entity() {
        return entity;
    }

    /** @return the violated constraint or index name, or null when the adapter does not know it; adapter-specific */
    public String constraint() {
        return constraint;
    }
}
