package org.tvm.domain.resident;

import org.tvm.domain.DomainValidationException;

/** Self-described gender; optional, codes as in the spec CHECK constraint. Carries the lower-case database code. */
public enum Gender {
    MALE("male"),
    FEMALE("female"),
    NON_BINARY("non-binary"),
    PREFER_NOT_TO_SAY("prefer-not-to-say");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    /** The database code, e.g. "male". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static Gender fromCode(String code) {
        for (Gender v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("Gender", "code", "unknown code '" + code + "'");
    }
}
