package org.tvm.domain.fleet;

import org.tvm.domain.DomainValidationException;

/** Operational state reported by or set for a vehicle. Carries the lower-case database code. */
public enum VehicleStatus {
    IDLE("idle"),
    NAVIGATING("navigating"),
    DOCKING("docking"),
    CHARGING("charging"),
    MAINTENANCE("maintenance"),
    ERROR("error");

    private final String code;

    VehicleStatus(String code) {
        this.code = code;
    }

    /** The database code, e.g. "idle". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static VehicleStatus fromCode(String code) {
        for (VehicleStatus v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("VehicleStatus", "code", "unknown code '" + code + "'");
    }
}
