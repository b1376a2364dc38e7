package org.tvm.domain.resident;

import org.tvm.domain.DomainValidationException;

/** Wheelchair a resident uses; decides how a vehicle docks and loads. Carries the lower-case database code. */
public enum WheelchairType {
    MANUAL("manual"),
    POWERED("powered"),
    TRANSPORT_CHAIR("transport_chair");

    private final String code;

    WheelchairType(String code) {
        this.code = code;
    }

    /** The database code, e.g. "manual". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static WheelchairType fromCode(String code) {
        for (WheelchairType v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("WheelchairType", "code", "unknown code '" + code + "'");
    }
}
