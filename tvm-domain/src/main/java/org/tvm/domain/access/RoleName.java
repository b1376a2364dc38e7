package org.tvm.domain.access;

import org.tvm.domain.DomainValidationException;

/** The fixed set of roles the permission catalogue is seeded for. Carries the lower-case database code. */
public enum RoleName {
    ADMIN("admin"),
    OPERATOR("operator"),
    NURSE("nurse"),
    CAREGIVER("caregiver"),
    MAINTENANCE("maintenance"),
    GUEST("guest");

    private final String code;

    RoleName(String code) {
        this.code = code;
    }

    /** The database code, e.g. "admin". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static RoleName fromCode(String code) {
        for (RoleName v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("RoleName", "code", "unknown code '" + code + "'");
    }
}
