package org.tvm.examples.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.ResidentId;
import org.tvm.examples.demo.VehicleSim.Phase;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;

/**
 * What the parts of one simulated day share: the persistence, the one seeded {@link Random} (every part draws from it
 * in the order the day's ticks call them, which is what makes a seed reproduce a day), the facility with its people,
 * fleet and plan, and the running counts that end up in the {@link DayReport}. Fields are plain and package-private:
 * this is the simulation's working memory, not an API.
 */
final class DayState {

    record Staff(UserId id, String name, RoleName role, TvmContext ctx) {
    }

    record ResidentInfo(ResidentId id, String name, Campus.Place room, Staff caregiver) {
    }

    /** A unit of work's body that returns nothing (the persistence's {@code run} takes a consumer). */
    interface Work {
        void accept(TvmTransaction tx);
    }

    final TvmPersistence persistence;
    final TvmAdministration administration;
    final FacilityDaySimulation.Config config;
    final Random random;
    final OperationTimings timings = new OperationTimings();

    FacilityId facilityId;
    TvmContext system;
    Staff admin;
    Staff operator;
    Staff guest;
    final List<Staff> nurses = new ArrayList<>();
    final List<Staff> caregivers = new ArrayList<>();
    final List<ResidentInfo> residents = new ArrayList<>();
    final Map<ResidentId, ResidentInfo> residentsById = new LinkedHashMap<>();
    final List<VehicleSim> fleet = new ArrayList<>();
    final List<PlannedMission> plan = new ArrayList<>();
    final Map<MissionId, PlannedMission> planByMission = new LinkedHashMap<>();

    int requested;
    int finished;
    long missionEvents;
    long telemetryRows;
    long heartbeats;
    long vehicleLogEntries;
    long residentReads;
    long accessChecks;
    long accessDenied;
    int chargingSessions;

    DayState(TvmPersistence persistence, TvmAdministration administration, FacilityDaySimulation.Config config) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Persists a transition; keeps the vehicle simulation's copy of the mission current. */
    Mission apply(TvmTransaction tx, MissionTransition t) {
        Mission stored = tx.missions().apply(t);
        missionEvents++;
        for (VehicleSim v : fleet) {
            if (v.mission != null && v.mission.id().equals(stored.id())) {
                v.mission = stored;
            }
        }
        return stored;
    }

    /** The vehicle's mission ended (completed, failed or cancelled): count it once and free the vehicle. */
    void endMission(VehicleSim v, Phase next) {
        PlannedMission p = planByMission.get(v.mission.id());
        if (p != null && !p.finished) {
            p.finished = true;
            finished++;
        }
        v.mission = null;
        v.target = null;
        v.arrived = false;
        v.phase = next;
    }
}
