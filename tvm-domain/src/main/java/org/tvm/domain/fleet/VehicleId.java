package org.tvm.domain.fleet;

import java.util.UUID;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.Uuid7;

/** Typed id so a Vehicle id cannot be passed where another entity's id is expected. */
public record VehicleId(UUID value) {

    public VehicleId {
        if (value == null) {
            throw new DomainValidationException("VehicleId", "value", "must not be null");
        }
    }

    /** A new time-ordered (UUIDv7) id. */
    public static VehicleId newId() {
        return new VehicleId(Uuid7.next());
    }

    public static VehicleId of(UUID value) {
        return new VehicleId(value);
    }

    public static VehicleId parse(String text) {
        return DomainChecks.parseId("VehicleId", text, VehicleId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
