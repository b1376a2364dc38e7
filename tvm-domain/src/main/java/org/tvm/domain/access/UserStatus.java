package org.tvm.domain.access;

import org.tvm.domain.DomainValidationException;

/** Account state; only active accounts should be allowed to sign in. Carries the lower-case database code. */
public enum UserStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    LOCKED("locked"),
    PENDING_VERIFICATION("pending_verification");

    private final String code;

    UserStatus(String code) {
        this.code = code;
    }

    /** The database code, e.g. "active". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static UserStatus fromCode(String code) {
        for (UserStatus v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("UserStatus", "code", "unknown code '" + code + "'");
    }
}
