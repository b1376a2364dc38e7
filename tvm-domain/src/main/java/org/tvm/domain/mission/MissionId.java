package org.tvm.domain.mission;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a Mission id cannot be passed where another entity's id is expected. */
public record MissionId(UUID value) {

    public MissionId {
        if (value == null) {
            throw new DomainValidationException("MissionId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static MissionId newId() {
        return new MissionId(Uuid7.next());
    }

    public static MissionId of(UUID value) {
        return new MissionId(value);
    }

    public static MissionId parse(String text) {
        return DomainChecks.parseId("MissionId", text, MissionId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
