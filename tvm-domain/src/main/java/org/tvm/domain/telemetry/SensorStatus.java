package org.tvm.domain.telemetry;

import org.tvm.domain.DomainValidationException;

/** Health of one on-board sensor as reported in telemetry. Carries the lower-case database code. */
public enum SensorStatus {
    OK("ok"),
    DEGRADED("degraded"),
    ERROR("error");

    private final String code;

    SensorStatus(String code) {
        this.code = code;
    }

    /** The database code, e.g. "ok". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static SensorStatus fromCode(String code) {
        for (SensorStatus v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("SensorStatus", "code", "unknown code '" + code + "'");
    }
}
