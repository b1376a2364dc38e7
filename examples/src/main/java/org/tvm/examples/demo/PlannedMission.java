package org.tvm.examples.demo;

import java.time.Instant;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.resident.ResidentId;
import org.tvm.examples.demo.DayState.ResidentInfo;
import org.tvm.examples.demo.DayState.Staff;

/** One transport request of the day, decided before the day starts ({@link MissionPlanner}), and how it went. */
final class PlannedMission {

    /** How the mission is meant to end. */
    enum Fate { COMPLETE, CANCEL, ROUTE_BLOCKED, NOT_READY }

    final Instant requestAt;
    Staff requester;
    Staff deniedFirst;              // a caregiver who first tries for a resident not assigned to her/him
    ResidentId deniedResident;
    ResidentInfo resident;
    Campus.Place pickup;
    Campus.Place dropoff;
    MissionPriority priority;
    Instant scheduledAt;
    String notes;
    Fate fate = Fate.COMPLETE;
    Instant cancelAt;
    MissionId missionId;
    boolean finished;

    PlannedMission(Instant requestAt) {
        this.requestAt = requestAt;
    }

    boolean due(Instant now) {
        return missionId != null && !finished && (scheduledAt == null || !scheduledAt.isAfter(now));
    }
}
