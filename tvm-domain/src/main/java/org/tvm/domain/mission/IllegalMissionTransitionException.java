package org.tvm.domain.mission;

import org.tvm.domain.DomainException;

/**
 * A lifecycle step that the mission's current state does not allow (e.g. cancelling a mission that is
 * already in progress). The attempted step is named by the event it would have produced.
 */
public class IllegalMissionTransitionException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final MissionStatus from;
    private final MissionEventType attempted;

    public IllegalMissionTransitionException(MissionStatus from, MissionEventType attempted) {
        this(from, attempted, null);
    }

    public IllegalMissionTransitionException(MissionStatus from, MissionEventType attempted, String detail) {
        super("Mission: transition '" + (attempted == null ? "?" : attempted.code()) + "' is not allowed from status '"
                + (from == null ? "?" : from.code()) + "'" + (detail == null ? "" : " (" + detail + ")"));
        this.from = from;
        this.attempted = attempted;
    }

    public MissionStatus from() {
        return from;
    }

    public MissionEventType attempted() {
        return attempted;
    }
}
