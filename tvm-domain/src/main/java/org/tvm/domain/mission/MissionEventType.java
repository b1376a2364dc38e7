package org.tvm.domain.mission;

import org.tvm.domain.DomainValidationException;

/** Kinds of entries in a mission timeline (one per transition or progress step). Carries the lower-case database code. */
public enum MissionEventType {
    CREATED("created"),
    ASSIGNED("assigned"),
    STARTED("started"),
    PICKUP_ARRIVED("pickup_arrived"),
    PICKUP_COMPLETED("pickup_completed"),
    IN_TRANSIT("in_transit"),
    DROPOFF_ARRIVED("dropoff_arrived"),
    DROPOFF_COMPLETED("dropoff_completed"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String code;

    MissionEventType(String code) {
        this.code = code;
    }

    /** The database code, e.g. "created". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static MissionEventType fromCode(String code) {
        for (MissionEventType v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("MissionEventType", "code", "unknown code '" + code + "'");
    }
}
