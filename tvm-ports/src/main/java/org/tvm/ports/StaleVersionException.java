package org.tvm.ports;

/**
 * An optimistic-locking update found a different version than expected: someone else changed the row since it
 * was read ({@code UPDATE ... WHERE version = expected} matched no row although the row exists). Re-read and retry
 * the whole unit of work if appropriate ({@link #retryable()} is true).
 *
 * <p>Message: {@code "Stale version for Mission 0190c7d2-...: expected version 3 but it was modified concurrently"}.
 */
public class StaleVersionException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String id;
    private final long expectedVersion;

    /**
     * @param entity          non-blank domain class simple name, e.g. {@code "Mission"}
     * @param id              non-null id of the row (a typed id such as {@code MissionId}; its {@code toString()} is stored)
     * @param expectedVersion the version the caller expected the stored row to have
     */
    public StaleVersionException(String entity, Object id, long expectedVersion) {
        super(message(requireText(entity, "entity"), idText(id), expectedVersion));
        this.entity = entity;
        this.id = idText(id);
        this.expectedVersion = expectedVersion;
    }

    private static String message(String entity, String id, long expectedVersion) {
        return "Stale version for " + entity + " " + id + ": expected version " + expectedVersion
                + " but it was modified concurrently";
    }

    static String idText(Object id) {
        if (id == null) {
            throw new NullPointerException("id");
        }
        return id.toString();
    }

    /** @return non-null domain class simple name, e.g. {@code "Mission"} */
    public String entity() {
        return entity;
    }

    /** @return non-null string form of the row id (the UUID for typed ids) */
    public String id() {
        return id;
    }

    /** @return the version the caller expected */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return {@code true}: re-reading and re-running the unit of work may succeed */
    @Override
    public boolean retryable() {
        return true;
    }
}
