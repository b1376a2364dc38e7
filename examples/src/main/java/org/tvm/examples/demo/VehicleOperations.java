package org.tvm.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.examples.demo.DayState.Work;
import org.tvm.examples.demo.PlannedMission.Fate;
import org.tvm.examples.demo.VehicleSim.Phase;
import org.tvm.ports.TvmTransaction;

/**
 * What the vehicles report each tick as the system: every step of their missions (start, pickup, transit, drop-off,
 * completion, or the planned failure) and their own service life (going charging when low, back in service when
 * charged or recovered).
 */
final class VehicleOperations {

    private final DayState day;

    VehicleOperations(DayState day) {
        this.day = day;
    }

    /** Moves every vehicle's mission forward: start, each progress step, completion, or a planned failure. */
    void advanceMissions(Instant now) {
        for (VehicleSim v : day.fleet) {
            switch (v.phase) {
                case ASSIGNED -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        progress(v, "mission start", tx -> day.apply(tx, v.mission.start(now, null)));
                        v.tripMetres = 0;
                        v.driveTo(place(v.mission.pickup()), Phase.TO_PICKUP);
                        PlannedMission p = day.planByMission.get(v.mission.id());
                        v.phaseUntil = p.fate == Fate.ROUTE_BLOCKED ? now.plus(FacilityDaySimulation.TICK) : null;
                    }
                }
                case TO_PICKUP -> {
                    if (v.phaseUntil != null && !now.isBefore(v.phaseUntil) && !v.arrived) {
                        failMission(v, now, "Route blocked by an obstacle on the path", "E_OBSTACLE", true);
                    } else if (v.arrived) {
                        progress(v, "mission progress", tx -> {
                            day.apply(tx, v.mission.recordProgress(ProgressStep.PICKUP_ARRIVED, now, null));
                            setStatus(tx, v, VehicleStatus.DOCKING);
                        });
                        v.phase = Phase.AT_PICKUP;
                        v.phaseUntil = now.plus(Duration.ofMinutes(2 + day.random.nextInt(3)));
                    }
                }
                case AT_PICKUP -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        if (day.planByMission.get(v.mission.id()).fate == Fate.NOT_READY) {
                            failMission(v, now, "Resident not ready at pickup", "W_NOT_READY", false);
                        } else {
                            progress(v, "mission progress", tx ->
                                    day.apply(tx, v.mission.recordProgress(ProgressStep.PICKUP_COMPLETED, now, null)));
                            v.phase = Phase.BOARDED;
                        }
                    }
                }
                case BOARDED -> {
                    progress(v, "mission progress", tx -> {
                        day.apply(tx, v.mission.recordProgress(ProgressStep.IN_TRANSIT, now, null));
                        setStatus(tx, v, VehicleStatus.NAVIGATING);
                    });
                    v.driveTo(place(v.mission.dropoff()), Phase.TO_DROPOFF);
                }
                case TO_DROPOFF -> {
                    if (v.arrived) {
                        progress(v, "mission progress", tx -> {
                            day.apply(tx, v.mission.recordProgress(ProgressStep.DROPOFF_ARRIVED, now, null));
                            setStatus(tx, v, VehicleStatus.DOCKING);
                        });
                        v.phase = Phase.AT_DROPOFF;
                        v.phaseUntil = now.plus(Duration.ofMinutes(1 + day.random.nextInt(3)));
                    }
                }
                case AT_DROPOFF -> {
                    if (!now.isBefore(v.phaseUntil)) {
                        completeMission(v, now);
                    }
                }
                default -> { }
            }
        }
    }

    /** Idle vehicles below the dispatch threshold go charging; charged or recovered vehicles return to service. */
    void chargeAndRecover(Instant now) {
        for (VehicleSim v : day.fleet) {
            if (v.phase == Phase.IDLE && v.battery < FacilityDaySimulation.MIN_DISPATCH_BATTERY) {
                int level = v.batteryLevel();
                day.timings.time("vehicle: go charging", () -> day.persistence.run(day.system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.startCharging());
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.WARN, "BATTERY_LOW",
                            "Battery at " + level + "%, going to charge", now)));
                }));
                day.vehicleLogEntries++;
                day.chargingSessions++;
                v.driveTo(Campus.nearestCharger(v.lat, v.lon), Phase.TO_CHARGER);
            } else if (v.phase == Phase.TO_CHARGER && v.arrived) {
                v.phase = Phase.CHARGING;
            } else if (v.phase == Phase.CHARGING && v.battery >= FacilityDaySimulation.CHARGED_BATTERY) {
                int level = v.batteryLevel();
                day.timings.time("vehicle: back in service", () -> day.persistence.run(day.system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.withStatus(VehicleStatus.IDLE));
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.INFO, "CHARGED", "Charged to " + level + "%", now)));
                }));
                day.vehicleLogEntries++;
                v.phase = Phase.IDLE;
                v.target = null;
            } else if (v.phase == Phase.ERROR && !now.isBefore(v.phaseUntil)) {
                day.timings.time("vehicle: back in service", () -> day.persistence.run(day.system, tx -> {
                    Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
                    tx.vehicles().update(stored.withStatus(VehicleStatus.IDLE));
                    tx.vehicles().appendLogs(List.of(log(v, LogLevel.INFO, "RECOVERED",
                            "Obstacle cleared, back in service", now)));
                }));
                day.vehicleLogEntries++;
                v.phase = Phase.IDLE;
            }
        }
    }

    private void progress(VehicleSim v, String kind, Work work) {
        day.timings.time(kind, () -> day.persistence.run(day.system, work::accept));
    }

    private void setStatus(TvmTransaction tx, VehicleSim v, VehicleStatus status) {
        Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
        tx.vehicles().update(stored.withStatus(status));
    }

    private void completeMission(VehicleSim v, Instant now) {
        BigDecimal km = BigDecimal.valueOf(v.tripMetres / 1000).setScale(2, RoundingMode.HALF_UP);
        day.timings.time("mission completion", () -> day.persistence.run(day.system, tx -> {
            day.apply(tx, v.mission.recordProgress(ProgressStep.DROPOFF_COMPLETED, now, null));
            day.apply(tx, v.mission.complete(now, null));
            Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
            tx.vehicles().update(stored.released(true).addDistance(km));
        }));
        v.trips++;
        day.endMission(v, Phase.IDLE);
    }

    private void failMission(VehicleSim v, Instant now, String reason, String code, boolean vehicleFault) {
        BigDecimal km = BigDecimal.valueOf(v.tripMetres / 1000).setScale(2, RoundingMode.HALF_UP);
        MissionId missionId = v.mission.id();
        day.timings.time("mission failure", () -> day.persistence.run(day.system, tx -> {
            day.apply(tx, v.mission.fail(reason, now, null));
            Vehicle stored = tx.vehicles().findById(v.id).orElseThrow();
            Vehicle released = stored.released(false).addDistance(km);
            tx.vehicles().update(vehicleFault ? released.withStatus(VehicleStatus.ERROR) : released);
            tx.vehicles().appendLogs(List.of(VehicleLogEntry.builder().vehicleId(v.id).facilityId(day.facilityId)
                    .level(vehicleFault ? LogLevel.ERROR : LogLevel.WARN).code(code).message(reason)
                    .details(Map.of("mission_id", missionId.toString())).loggedAt(now).build()));
        }));
        day.vehicleLogEntries++;
        day.endMission(v, vehicleFault ? Phase.ERROR : Phase.IDLE);
        if (vehicleFault) {
            v.phaseUntil = now.plus(Duration.ofMinutes(8 + day.random.nextInt(6)));   // offline longer than the 5-minute window
        }
    }

    private VehicleLogEntry log(VehicleSim v, LogLevel level, String code, String message, Instant at) {
        return VehicleLogEntry.builder().vehicleId(v.id).facilityId(day.facilityId).level(level).code(code).message(message)
                .loggedAt(at).build();
    }

    private static Campus.Place place(Place place) {
        for (Campus.Place p : Campus.places()) {
            if (p.name().equals(place.label())) {
                return p;
            }
        }
        throw new IllegalStateException("unknown place " + place.label());
    }
}
