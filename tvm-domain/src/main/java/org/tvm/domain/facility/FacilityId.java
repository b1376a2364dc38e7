package org.tvm.domain.facility;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a Facility id cannot be passed where another entity's id is expected. */
public record FacilityId(UUID value) {

    public FacilityId {
        if (value == null) {
            throw new DomainValidationException("FacilityId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static FacilityId newId() {
        return new FacilityId(Uuid7.next());
    }

    public static FacilityId of(UUID value) {
        return new FacilityId(value);
    }

    public static FacilityId parse(String text) {
        return DomainChecks.parseId("FacilityId", text, FacilityId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
