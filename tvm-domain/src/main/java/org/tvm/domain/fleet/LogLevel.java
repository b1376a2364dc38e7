package org.tvm.domain.fleet;

import org.tvm.domain.DomainValidationException;

/** Severity of a vehicle log line. Carries the lower-case database code. */
public enum LogLevel {
    DEBUG("debug"),
    INFO("info"),
    WARN("warn"),
    ERROR("error");

    private final String code;

    LogLevel(String code) {
        this.code = code;
    }

    /** The database code, e.g. "debug". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static LogLevel fromCode(String code) {
        for (LogLevel v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("LogLevel", "code", "unknown code '" + code + "'");
    }
}
