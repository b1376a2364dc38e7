package org.tvm.domain.facility;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a Location id cannot be passed where another entity's id is expected. */
public record LocationId(UUID value) {

    public LocationId {
        if (value == null) {
            throw new DomainValidationException("LocationId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static LocationId newId() {
        return new LocationId(Uuid7.next());
    }

    public static LocationId of(UUID value) {
        return new LocationId(value);
    }

    public static LocationId parse(String text) {
        return DomainChecks.parseId("LocationId", text, LocationId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
