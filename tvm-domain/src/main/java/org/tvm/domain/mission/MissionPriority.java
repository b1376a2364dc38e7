package org.tvm.domain.mission;

import org.tvm.domain.DomainValidationException;

/** How urgently a transport is needed; {@link #rank()} orders dispatch (1 = first). */
public enum MissionPriority {
    LOW("low", 4),
    NORMAL("normal", 3),
    HIGH("high", 2),
    URGENT("urgent", 1);

    private final String code;
    private final int rank;

    MissionPriority(String code, int rank) {
        this.code = code;
        this.rank = rank;
    }

    public String code() {
        return code;
    }

    /** Dispatch order: urgent = 1 .. low = 4, matching the spec's dashboard CASE expression. */
    public int rank() {
        return rank;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static MissionPriority fromCode(String code) {
        for (MissionPriority v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("MissionPriority", "code", "unknown code '" + code + "'");
    }
}
