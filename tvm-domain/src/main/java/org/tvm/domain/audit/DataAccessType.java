package org.tvm.domain.audit;

import org.tvm.domain.DomainValidationException;

/** How personal data of a resident was touched (GDPR access log). Carries the lower-case database code. */
public enum DataAccessType {
    READ("read"),
    UPDATE("update"),
    EXPORT("export");

    private final String code;

    DataAccessType(String code) {
        this.code = code;
    }

    /** The database code, e.g. "read". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static DataAccessType fromCode(String code) {
        for (DataAccessType v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("DataAccessType", "code", "unknown code '" + code + "'");
    }
}
