package org.tvm.domain.resident;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a Resident id cannot be passed where another entity's id is expected. */
public record ResidentId(UUID value) {

    public ResidentId {
        if (value == null) {
            throw new DomainValidationException("ResidentId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static ResidentId newId() {
        return new ResidentId(Uuid7.next());
    }

    public static ResidentId of(UUID value) {
        return new ResidentId(value);
    }

    public static ResidentId parse(String text) {
        return DomainChecks.parseId("ResidentId", text, ResidentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
