package org.tvm.domain.facility;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a facility map id cannot be passed where another entity's id is expected. */
public record MapId(UUID value) {

    public MapId {
        if (value == null) {
            throw new DomainValidationException("MapId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static MapId newId() {
        return new MapId(Uuid7.next());
    }

    public static MapId of(UUID value) {
        return new MapId(value);
    }

    public static MapId parse(String text) {
        return DomainChecks.parseId("MapId", text, MapId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
