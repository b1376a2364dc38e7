package org.tvm.domain;

import java.util.Objects;

/**
 * A value that violates an invariant. Carries entity, field and reason separately so adapters and
 * APIs can map it without parsing the message. The reason never contains a sensitive value
 * (medical notes, MFA secret, password hash): callers only echo values that are safe to log.
 */
public class DomainValidationException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final String reason;

    public DomainValidationException(String entity, String field, String reason) {
        super(Objects.requireNonNull(entity, "entity") + "." + Objects.requireNonNull(field, "field") + ": "
                + Objects.requireNonNull(reason, "reason"));
        this.entity = entity;
        this.field = field;
        this.reason = reason;
    }

    public String entity() {
        return entity;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
