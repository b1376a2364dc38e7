package org.tvm.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.examples.demo.DayState.ResidentInfo;
import org.tvm.examples.demo.DayState.Staff;
import org.tvm.examples.demo.PlannedMission.Fate;

/**
 * The day's script, written before the first tick: when each transport is requested, by whom, for which resident,
 * from where to where, with which priority and schedule, and which ones are cancelled or fail.
 */
final class MissionPlanner {

    private static final String[] NOTES = {"Needs a blanket outdoors", "Oxygen bottle travels along",
        "Hearing aid: speak slowly", "Prefers the lake path", "Bring walking frame"};

    private final DayState day;

    MissionPlanner(DayState day) {
        this.day = day;
    }

    void planMissions(Instant start, Instant end) {
        long window = (long) (Duration.between(start, end).getSeconds() * 0.85);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < day.config.missions(); i++) {
            offsets.add(30 + (long) (day.random.nextDouble() * window));
        }
        offsets.sort(Comparator.naturalOrder());
        // strictly increasing creation times, all within [30 s, 30 s + window]: push collisions forward, then pull
        // back whatever a dense day pushed past the window (Config caps missions per hour, so they always fit)
        long[] at = new long[offsets.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = i == 0 ? offsets.get(0) : Math.max(offsets.get(i), at[i - 1] + 1);
        }
        for (int i = at.length - 1; i >= 0; i--) {
            at[i] = Math.min(at[i], i == at.length - 1 ? 30 + window : at[i + 1] - 1);
        }
        for (long offset : at) {
            day.plan.add(plannedAt(start.plusSeconds(offset)));
        }
        assignFates();
    }

    private PlannedMission plannedAt(Instant requestAt) {
        PlannedMission p = new PlannedMission(requestAt);
        boolean byCaregiver = day.random.nextInt(10) < 4;
        if (byCaregiver) {
            Staff caregiver = day.caregivers.get(day.random.nextInt(day.caregivers.size()));
            List<ResidentInfo> mine = day.residents.stream().filter(r -> r.caregiver().equals(caregiver)).toList();
            if (mine.isEmpty()) {
                p.requester = day.nurses.get(day.random.nextInt(day.nurses.size()));
                p.resident = day.residents.get(day.random.nextInt(day.residents.size()));
            } else {
                p.requester = caregiver;
                p.resident = mine.get(day.random.nextInt(mine.size()));
                List<ResidentInfo> others = day.residents.stream().filter(r -> !r.caregiver().equals(caregiver)).toList();
                if (!others.isEmpty() && day.random.nextInt(10) == 0) {
                    p.deniedFirst = caregiver;
                    p.deniedResident = others.get(day.random.nextInt(others.size())).id();
                }
            }
        } else {
            p.requester = day.nurses.get(day.random.nextInt(day.nurses.size()));
            p.resident = day.residents.get(day.random.nextInt(day.residents.size()));
        }
        List<Campus.Place> destinations = Campus.destinations();
        Campus.Place destination = destinations.get(day.random.nextInt(destinations.size()));
        boolean outbound = day.random.nextInt(100) < 65;
        p.pickup = outbound ? p.resident.room() : destination;
        p.dropoff = outbound ? destination : p.resident.room();
        int roll = day.random.nextInt(100);
        p.priority = roll < 5 ? MissionPriority.URGENT : roll < 25 ? MissionPriority.HIGH
                : roll < 85 ? MissionPriority.NORMAL : MissionPriority.LOW;
        if (p.priority != MissionPriority.URGENT && day.random.nextInt(100) < 30) {
            p.scheduledAt = p.requestAt.plus(Duration.ofMinutes(15 + 5 * day.random.nextInt(16)));
        }
        p.notes = day.random.nextInt(5) == 0 ? day.pick(NOTES) : null;
        return p;
    }

    /** A fixed share of the day's missions is cancelled or fails, so even a short day shows every ending. */
    private void assignFates() {
        int n = day.plan.size();
        int cancels = n >= 4 ? Math.max(1, Math.round(n * 0.08f)) : 0;
        int failures = n >= 4 ? Math.max(1, Math.round(n * 0.05f)) : 0;
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, day.random);
        for (int k = 0; k < cancels + failures && k < indices.size(); k++) {
            PlannedMission p = day.plan.get(indices.get(k));
            if (k < cancels) {
                p.fate = Fate.CANCEL;
                if (p.priority == MissionPriority.URGENT) {
                    p.priority = MissionPriority.HIGH;
                }
                p.scheduledAt = p.requestAt.plus(Duration.ofMinutes(40 + 5 * day.random.nextInt(10)));
                p.cancelAt = p.requestAt.plus(Duration.ofMinutes(5 + day.random.nextInt(25)));
            } else {
                p.fate = day.random.nextBoolean() ? Fate.ROUTE_BLOCKED : Fate.NOT_READY;
            }
        }
    }
}
