package org.tvm.ports;

/**
 * The row a mutation (or a method documented to require it) addresses does not exist in the current facility:
 * it never existed, belongs to another facility (indistinguishable by design), or is soft-deleted where the
 * method excludes deleted rows. Finders never throw this; they return {@link java.util.Optional#empty()}.
 *
 * <p>Message: {@code "Resident 0190c7d2-... not found"}.
 */
public class NotFoundException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String id;

    /**
     * @param entity non-blank domain class simple name, e.g. {@code "Resident"}
     * @param id     non-null id (a typed id such as {@code ResidentId}; its {@code toString()} is stored).
     *               Must be an identifier, never personal data such as an e-mail address.
     */
    public NotFoundException(String entity, Object id) {
        super(requireText(entity, "entity") + " " + StaleVersionException.idText(id) + " not found");
        this.entity = entity;
        this.id = StaleVersionException.idText(id);
    }

    /** @return non-null domain class simple name, e.g. {@code "Resident"} */
    public String entity() {
        return entity;
    }

    /** @return non-null string form of the id (the UUID for typed ids) */
    public String id() {
        return id;
    }
}
