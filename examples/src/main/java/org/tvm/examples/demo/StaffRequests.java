package org.tvm.examples.demo;

import java.time.Instant;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.Resident;
import org.tvm.examples.demo.DayState.Staff;
import org.tvm.examples.demo.DayState.Work;
import org.tvm.examples.demo.PlannedMission.Fate;
import org.tvm.examples.demo.VehicleSim.Phase;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.TvmContext;

/**
 * The care staff's side of each tick, through the access rules: nurses and caregivers request the transports the plan
 * has due, cancel the ones planned to be cancelled, and now and then try what the rules must refuse.
 */
final class StaffRequests {

    private static final String[] CANCEL_REASONS = {"Appointment moved", "Resident feels unwell",
        "Family visit cancelled", "Therapy rescheduled"};

    private final DayState day;
    private int nextRequest;
    private boolean guestTried;

    StaffRequests(DayState day) {
        this.day = day;
    }

    void requestTransports(Instant now) {
        if (!guestTried && day.guest != null) {
            // the front desk (guest role) may only look at the dashboard: the access rules refuse a request
            guestTried = true;
            tryDenied("access check (denied)", day.guest.ctx(),
                    tx -> tx.accessControl().requireCanRequestTransport(day.guest.id(), day.residents.get(0).id()));
        }
        while (nextRequest < day.plan.size() && !day.plan.get(nextRequest).requestAt.isAfter(now)) {
            PlannedMission p = day.plan.get(nextRequest++);
            if (p.deniedFirst != null) {
                tryDenied("access check (denied)", p.deniedFirst.ctx(),
                        tx -> tx.accessControl().requireCanRequestTransport(p.deniedFirst.id(), p.deniedResident));
            }
            Mission created = day.timings.time("request mission", () -> day.persistence.inTransaction(p.requester.ctx(), tx -> {
                tx.accessControl().requireCanRequestTransport(p.requester.id(), p.resident.id());
                Resident resident = tx.residents().findById(p.resident.id()).orElseThrow();   // logged data access
                MissionRequest request = MissionRequest.builder().facilityId(day.facilityId).residentId(resident.id())
                        .createdBy(p.requester.id())
                        .pickup(Place.of(p.pickup.name(), p.pickup.point()))
                        .dropoff(Place.of(p.dropoff.name(), p.dropoff.point()))
                        .priority(p.priority).scheduledAt(p.scheduledAt).notes(p.notes).build();
                MissionTransition t = Mission.request(request, p.requestAt);
                tx.missions().insert(t);
                return t.mission();
            }));
            day.accessChecks++;
            day.residentReads++;
            day.missionEvents++;
            day.requested++;
            p.missionId = created.id();
            day.planByMission.put(created.id(), p);
        }
    }

    void cancelMissions(Instant now) {
        for (PlannedMission p : day.plan) {
            if (p.fate != Fate.CANCEL || p.missionId == null || p.finished || p.cancelAt == null || p.cancelAt.isAfter(now)) {
                continue;
            }
            p.cancelAt = null;   // one attempt
            Staff canceller = p.requester.role() == RoleName.NURSE ? p.requester : day.operator;
            if (canceller.role() == RoleName.NURSE) {
                // a colleague may not cancel another nurse's mission
                day.nurses.stream().filter(n -> !n.equals(canceller)).findFirst().ifPresent(colleague ->
                        tryDenied("access check (denied)", colleague.ctx(), tx -> tx.accessControl()
                                .requireCanCancel(colleague.id(), tx.missions().findById(p.missionId).orElseThrow())));
            }
            String reason = day.pick(CANCEL_REASONS);
            Mission before = day.timings.time("cancel mission", () -> day.persistence.inTransaction(canceller.ctx(), tx -> {
                Mission m = tx.missions().findById(p.missionId).orElseThrow();
                tx.accessControl().requireCanCancel(canceller.id(), m);
                if (m.status() != MissionStatus.PENDING && m.status() != MissionStatus.ASSIGNED) {
                    return null;                             // too late: the resident is already on the way
                }
                day.apply(tx, m.cancel(reason, now, canceller.id()));
                if (m.vehicleId() != null) {
                    Vehicle v = tx.vehicles().findById(m.vehicleId()).orElseThrow();
                    tx.vehicles().update(v.released(false));
                }
                return m;
            }));
            day.accessChecks++;
            if (before == null) {
                continue;
            }
            VehicleSim bound = before.vehicleId() == null ? null
                    : day.fleet.stream().filter(v -> v.id.equals(before.vehicleId())).findFirst().orElse(null);
            if (bound != null) {
                day.endMission(bound, Phase.IDLE);
            } else if (!p.finished) {
                p.finished = true;
                day.finished++;
            }
        }
    }

    /** Runs an access check that the rules must refuse; the refusal rolls its transaction back. */
    private void tryDenied(String kind, TvmContext ctx, Work work) {
        day.accessChecks++;
        try {
            day.timings.time(kind, () -> day.persistence.run(ctx, work::accept));
        } catch (AccessDeniedException expected) {
            day.accessDenied++;
            return;
        }
        throw new IllegalStateException("the access rules allowed what they must refuse (" + ctx + ")");
    }
}
