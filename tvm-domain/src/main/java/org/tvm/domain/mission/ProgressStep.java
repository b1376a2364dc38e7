package org.tvm.domain.mission;

import org.tvm.domain.DomainValidationException;

/**
 * Fine-grained milestones of an in-progress mission, declared in the only order they may happen;
 * {@link Mission#recordProgress} accepts strictly the {@link #next} step.
 */
public enum ProgressStep {
    PICKUP_ARRIVED("pickup_arrived", MissionEventType.PICKUP_ARRIVED),
    PICKUP_COMPLETED("pickup_completed", MissionEventType.PICKUP_COMPLETED),
    IN_TRANSIT("in_transit", MissionEventType.IN_TRANSIT),
    DROPOFF_ARRIVED("dropoff_arrived", MissionEventType.DROPOFF_ARRIVED),
    DROPOFF_COMPLETED("dropoff_completed", MissionEventType.DROPOFF_COMPLETED);

    private final String code;
    private final MissionEventType eventType;

    ProgressStep(String code, MissionEventType eventType) {
        this.code = code;
        this.eventType = eventType;
    }

    public String code() {
        return code;
    }

    public MissionEventType eventType() {
        return eventType;
    }

    /** The step expected after {@code last} (null = nothing recorded yet); null after the final step. */
    public static ProgressStep next(ProgressStep last) {
        if (last == null) {
            return PICKUP_ARRIVED;
        }
        ProgressStep[] all = values();
        return last.ordinal() + 1 < all.length ? all[last.ordinal() + 1] : null;
    }

    public boolean isLast() {
        return this == DROPOFF_COMPLETED;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static ProgressStep fromCode(String code) {
        for (ProgressStep v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("ProgressStep", "code", "unknown code '" + code + "'");
    }
}
