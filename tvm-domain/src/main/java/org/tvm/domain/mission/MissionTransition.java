package org.tvm.domain.mission;

import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;

/**
 * The result of one lifecycle step: the new mission state, the event to append and the version the
 * stored row must still have (optimistic lock). Persisting all three in one statement pair keeps
 * state and timeline consistent. For a newly requested mission {@code expectedVersion} is -1.
 */
public record MissionTransition(Mission mission, MissionEvent event, long expectedVersion) {

    private static final String E = "MissionTransition";

    public MissionTransition {
        DomainChecks.required(E, "mission", mission);
        DomainChecks.required(E, "event", event);
        if (expectedVersion < -1) {
            throw new DomainValidationException(E, "expectedVersion", "must be >= -1 (was " + expectedVersion + ")");
        }
        if (mission.version() != expectedVersion + 1) {
            throw new DomainValidationException(E, "expectedVersion",
                    "must be the mission version minus one (was " + expectedVersion + ", mission version " + mission.version() + ")");
        }
        if (!event.missionId().equals(mission.id())) {
            throw new DomainValidationException(E, "event", "belongs to another mission");
        }
    }

    /** True for the transition created by {@link Mission#request}. */
    public boolean isCreation() {
        return expectedVersion == -1;
    }
}
