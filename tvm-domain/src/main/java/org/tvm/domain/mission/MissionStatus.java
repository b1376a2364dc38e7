package org.tvm.domain.mission;

import org.tvm.domain.DomainValidationException;

/** Lifecycle state of a mission; transitions are owned by {@link Mission}. */
public enum MissionStatus {
    PENDING("pending"),
    ASSIGNED("assigned"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String code;

    MissionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A vehicle is bound to the mission (at most one active mission per vehicle). */
    public boolean isActive() {
        return this == ASSIGNED || this == IN_PROGRESS;
    }

    /** No further transition is possible. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static MissionStatus fromCode(String code) {
        for (MissionStatus v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("MissionStatus", "code", "unknown code '" + code + "'");
    }
}
