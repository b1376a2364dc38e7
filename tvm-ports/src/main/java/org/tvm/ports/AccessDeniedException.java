package org.tvm.ports;

import java.util.Objects;
import org.tvm.domain.access.AccessDecision;

/**
 * The acting user (or the context) may not perform the operation: an access-policy decision denied it, or a write
 * carried data of a facility other than the context facility. Nothing is written.
 *
 * <p>Message: {@code "Access denied: missing permission mission:cancel"}. The reason names permissions, roles,
 * entities and ids only.
 */
public class AccessDeniedException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason non-blank explanation without sensitive values
     *               (typically {@code org.tvm.domain.access.AccessDecision#reason()})
     */
    public AccessDeniedException(String reason) {
        this(reason, null);
    }

    /**
     * @param reason non-blank explanation without sensitive values
     * @param cause  nullable underlying driver exception (withheld like every database cause)
     */
    public AccessDeniedException(String reason, Throwable cause) {
        super("Access denied: " + requireText(reason, "reason"), cause);
        this.reason = reason;
    }

    /**
     * Turns a domain access decision into the port contract.
     *
     * @param decision non-null decision of {@code org.tvm.domain.access.AccessPolicy}
     * @throws AccessDeniedException with the decision's reason if it denies; returns normally if it allows
     */
    public static void require(AccessDecision decision) {
        Objects.requireNonNull(decision, "decision");
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.reason());
        }
    }

    /**
     * Convenience for the common facility-mismatch case.
     *
     * @param entity non-blank domain class simple name of the rejected data
     * @return an exception with reason {@code "<entity> belongs to another facility than the context"}
     */
    public static AccessDeniedException otherFacility(String entity) {
        return new AccessDeniedException(requireText(entity, "entity") + " belongs to another facility than the context");
    }

    /** @return non-null reason without sensitive values */
    public String reason() {
        return reason;
    }
}
