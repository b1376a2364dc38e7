package org.tvm.domain.access;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a User id cannot be passed where another entity's id is expected. */
public record UserId(UUID value) {

    public UserId {
        if (value == null) {
            throw new DomainValidationException("UserId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static UserId newId() {
        return new UserId(Uuid7.next());
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    public static UserId parse(String text) {
        return DomainChecks.parseId("UserId", text, UserId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
