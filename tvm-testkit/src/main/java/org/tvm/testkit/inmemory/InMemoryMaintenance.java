package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryMissions.EVENTS;
import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTelemetry.TELEMETRY;
import static org.tvm.testkit.inmemory.InMemoryVehicles.LOGS;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.maintenance.ArchivedMission;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceReport.Outcome;
import org.tvm.ports.maintenance.MaintenanceStatus;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.StepResult;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence.AdminResult;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence.Db;
import org.tvm.testkit.inmemory.Tenant.LogRow;
import org.tvm.testkit.inmemory.Tenant.TelemetryRow;

/**
 * The reference {@link TvmMaintenance} over an {@link InMemoryTvmPersistence}: the same steps, cut-offs, batches,
 * archive and run record as the SQL job, with the store's commit lock as the database and a per-store lock as the
 * advisory lock. Nothing is partitioned, so partition steps do nothing and audit rows are kept (whole partitions only).
 */
final class InMemoryMaintenance implements TvmMaintenance {

    /** State shared by every maintenance instance of one store: the lock, the archive and the run record. */
    static final class Shared {
        final ReentrantLock lock = new ReentrantLock();
        final Map<MissionId, ArchivedMission> archive = new LinkedHashMap<>();
        final List<MaintenanceReport> runs = new ArrayList<>();
        long nextRunId = 1;

        /** How many archived missions of the resident in the facility hold text that erasure would rewrite. */
        synchronized int residentTextToErase(FacilityId facilityId, ResidentId residentId) {
            return (int) archive.values().stream().filter(a -> a.facilityId().equals(facilityId)
                    && ArchivedMission.isOfResident(a.document(), residentId)
                    && ArchivedMission.residentTextErased(a.document()) != a.document()).count();
        }

        /** Erasure in the archive (the rule of V17 and ResidentMissionText): only the document changes. */
        synchronized void eraseResidentText(FacilityId facilityId, ResidentId residentId) {
            archive.replaceAll((id, a) -> a.facilityId().equals(facilityId)
                    && ArchivedMission.isOfResident(a.document(), residentId)
                    ? new ArchivedMission(a.missionId(), a.facilityId(), a.finishedAt(), a.archivedAt(), a.eventCount(),
                            ArchivedMission.residentTextErased(a.document()))
                    : a);
        }
    }

    private final InMemoryTvmPersistence store;
    private final Shared shared;
    private final Clock clock;
    private volatile boolean closed;

    InMemoryMaintenance(InMemoryTvmPersistence store, Shared shared, Clock clock) {
        this.store = store;
        this.shared = shared;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MaintenanceReport run(RetentionPolicy policy, boolean dryRun, MaintenanceListener listener) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        checkOpen();
        Instant now = clock.instant();
        if (!shared.lock.tryLock()) {
            return new MaintenanceReport(0, Outcome.SKIPPED_LOCKED, now, now, List.of());
        }
        try {
            if (dryRun) {
                List<StepResult> plan = new ArrayList<>();
                for (MaintenanceStep step : MaintenanceStep.values()) {
                    plan.add(plan(step, policy, now));
                }
                return new MaintenanceReport(0, Outcome.DRY_RUN, now, clock.instant(), plan);
            }
            long runId;
            synchronized (shared) {
                runId = shared.nextRunId++;
            }
            record(new MaintenanceReport(runId, Outcome.RUNNING, now, now, List.of()));
            List<StepResult> done = new ArrayList<>();
            MaintenanceStep[] all = MaintenanceStep.values();
            for (int i = 0; i < all.length; i++) {
                listener.stepStarted(all[i], i, all.length);
                long[] rows = {0};
                try {
                    StepResult r = run(all[i], policy, now, listener, rows);
                    done.add(r);
                    record(new MaintenanceReport(runId, Outcome.RUNNING, now, now, done));
                    listener.stepFinished(r);
                } catch (RuntimeException e) {
                    if (done.isEmpty() || done.get(done.size() - 1).step() != all[i]) {
                        done.add(new StepResult(all[i], rows[0], List.of(), "failed", e.getClass().getName()));
                    }
                    MaintenanceReport failed = new MaintenanceReport(runId, Outcome.FAILED, now, clock.instant(), done);
                    record(failed);
                    return recordedAsSystemEvent(failed);
                }
            }
            MaintenanceReport ok = new MaintenanceReport(runId, Outcome.SUCCEEDED, now, clock.instant(), done);
            record(ok);
            return recordedAsSystemEvent(ok);
        } finally {
            shared.lock.unlock();
        }
    }

    /** Every recorded run is a system event, stamped with the wall clock as the database stamps it. */
    private MaintenanceReport recordedAsSystemEvent(MaintenanceReport report) {
        store.chainState().appendSystem(AuditEntry.builder().action(MaintenanceReport.SYSTEM_EVENT_ACTION)
                .resourceType(MaintenanceReport.SYSTEM_EVENT_RESOURCE).details(report.systemEventDetails())
                .timestamp(Instant.now()).build(), store.nextSeq());
        return report;
    }

    private void record(MaintenanceReport report) {
        synchronized (shared) {
            shared.runs.removeIf(r -> r.runId() == report.runId());
            shared.runs.add(report);
            shared.runs.sort(java.util.Comparator.comparingLong(MaintenanceReport::runId));
        }
    }

    private StepResult run(MaintenanceStep step, RetentionPolicy policy, Instant now, MaintenanceListener listener,
                           long[] rows) {
        switch (step) {
            case TELEMETRY_RETENTION -> {
                Instant cutoff = now.minus(policy.telemetry());
                rows[0] = store.administer(db -> removeTelemetry(db, cutoff));
                committed(listener, step, rows[0]);
                return new StepResult(step, rows[0], List.of(), "older than " + cutoff, null);
            }
            case VEHICLE_LOG_RETENTION -> {
                Instant cutoff = now.minus(policy.vehicleLogs());
                rows[0] = store.administer(db -> removeLogs(db, cutoff));
                committed(listener, step, rows[0]);
                return new StepResult(step, rows[0], List.of(), "older than " + cutoff, null);
            }
            case MISSION_ARCHIVE -> {
                Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.missions()).toInstant();
                int n;
                do {
                    n = store.administer(db -> archiveBatch(db, cutoff, now, policy.batchSize()));
                    rows[0] += n;
                    committed(listener, step, n);
                } while (n > 0);
                return new StepResult(step, rows[0], List.of(), "finished before " + cutoff, null);
            }
            case RESIDENT_ANONYMISATION -> {
                Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.residentAnonymisation()).toInstant();
                rows[0] = store.administration().anonymiseResidentsDeletedBefore(cutoff);
                return new StepResult(step, rows[0], List.of(), "deleted before " + cutoff, null);
            }
            default -> {
                return plan(step, policy, now);
            }
        }
    }

    private static void committed(MaintenanceListener listener, MaintenanceStep step, long n) {
        if (n > 0) {
            listener.batchCommitted(step, n);
        }
    }

    private StepResult plan(MaintenanceStep step, RetentionPolicy policy, Instant now) {
        Db db = store.snapshot();
        return switch (step) {
            case TELEMETRY_PARTITIONS, AUDIT_PARTITIONS -> new StepResult(step, 0, List.of(), "not partitioned", null);
            case TELEMETRY_RETENTION -> {
                Instant cutoff = now.minus(policy.telemetry());
                yield new StepResult(step, countTelemetry(db, cutoff), List.of(), "delete rows older than " + cutoff, null);
            }
            case VEHICLE_LOG_RETENTION -> {
                Instant cutoff = now.minus(policy.vehicleLogs());
                yield new StepResult(step, countLogs(db, cutoff), List.of(), "delete lines older than " + cutoff, null);
            }
            case MISSION_ARCHIVE -> {
                Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.missions()).toInstant();
                yield new StepResult(step, db.tenants().values().stream().flatMap(t -> t.rows(MISSIONS).values().stream())
                        .filter(pastRetention(cutoff)).count(), List.of(), "archive missions finished before " + cutoff, null);
            }
            case AUDIT_RETENTION -> new StepResult(step, 0, List.of(), "not partitioned: audit rows kept", null);
            case RESIDENT_ANONYMISATION -> {
                Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.residentAnonymisation()).toInstant();
                yield new StepResult(step, db.tenants().values().stream().flatMap(t -> t.rows(RESIDENTS).values().stream())
                        .map(Tenant.StoredResident::withoutNotes)
                        .filter(r -> r.deletedAt() != null && r.deletedAt().isBefore(cutoff)
                                && !InMemoryAdministration.isAnonymised(r)).count(),
                        List.of(), "anonymise residents deleted before " + cutoff, null);
            }
            case AUDIT_CHAIN -> new StepResult(step, 0, List.of(), "linked when written", null);
            case MISSION_SUMMARY_REFRESH -> new StepResult(step, 0, List.of(), "no materialized view", null);
        };
    }

    private static Predicate<Mission> pastRetention(Instant cutoff) {
        return m -> m.status().isTerminal()
                && (m.completedAt() != null ? m.completedAt() : m.updatedAt()).isBefore(cutoff);
    }

    private static long countTelemetry(Db db, Instant cutoff) {
        return db.tenants().values().stream().flatMap(t -> t.rows(TELEMETRY).values().stream()).flatMap(List::stream)
                .filter(r -> r.sample().timestamp().isBefore(cutoff)).count();
    }

    private static long countLogs(Db db, Instant cutoff) {
        return db.tenants().values().stream().flatMap(t -> t.rows(LOGS).values().stream()).flatMap(List::stream)
                .filter(r -> r.entry().loggedAt().isBefore(cutoff)).count();
    }

    private static AdminResult<Long> removeTelemetry(Db db, Instant cutoff) {
        Map<FacilityId, Tenant> changed = new HashMap<>();
        long removed = 0;
        for (Tenant t : db.tenants().values()) {
            for (Map.Entry<VehicleId, Rows<TelemetryRow>> e : t.rows(TELEMETRY).entrySet()) {
                List<TelemetryRow> kept = e.getValue().stream().filter(r -> !r.sample().timestamp().isBefore(cutoff)).toList();
                if (kept.size() != e.getValue().size()) {
                    removed += e.getValue().size() - kept.size();
                    changed.computeIfAbsent(t.id, k -> t.copy()).replaceTelemetry(e.getKey(), kept);
                }
            }
        }
        return new AdminResult<>(InMemoryAdministration.with(db, changed), removed);
    }

    private static AdminResult<Long> removeLogs(Db db, Instant cutoff) {
        Map<FacilityId, Tenant> changed = new HashMap<>();
        long removed = 0;
        for (Tenant t : db.tenants().values()) {
            for (Map.Entry<VehicleId, Rows<LogRow>> e : t.rows(LOGS).entrySet()) {
                List<LogRow> kept = e.getValue().stream().filter(r -> !r.entry().loggedAt().isBefore(cutoff)).toList();
                if (kept.size() != e.getValue().size()) {
                    removed += e.getValue().size() - kept.size();
                    changed.computeIfAbsent(t.id, k -> t.copy()).put(LOGS, e.getKey(), Rows.of(kept));
                }
            }
        }
        return new AdminResult<>(InMemoryAdministration.with(db, changed), removed);
    }

    private AdminResult<Integer> archiveBatch(Db db, Instant cutoff, Instant archivedAt, int batchSize) {
        Map<FacilityId, Tenant> changed = new HashMap<>();
        int archived = 0;
        List<Tenant> tenants = new ArrayList<>(db.tenants().values());
        for (Tenant t : tenants) {
            for (Mission m : List.copyOf(t.rows(MISSIONS).values())) {
                if (archived == batchSize) {
                    break;
                }
                if (!pastRetention(cutoff).test(m)) {
                    continue;
                }
                Tenant copy = changed.computeIfAbsent(t.id, k -> t.copy());
                List<Object> events = new ArrayList<>();
                Rows<Tenant.EventRow> rows = copy.rows(EVENTS).getOrDefault(m.id(), Rows.empty());
                for (Tenant.EventRow e : rows) {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("id", e.seq());
                    ev.put("facility_id", e.event().facilityId().toString());
                    ev.put("mission_id", e.event().missionId().toString());
                    ev.put("vehicle_id", e.event().vehicleId() == null ? null : e.event().vehicleId().toString());
                    ev.put("event_type", e.event().type().code());
                    ev.put("details", e.event().detailsJson());
                    ev.put("created_at", e.event().occurredAt().toString());
                    ev.put("created_by_user_id", e.event().triggeredBy() == null ? null : e.event().triggeredBy().toString());
                    events.add(ev);
                }
                Map<String, Object> mission = new LinkedHashMap<>();
                mission.put("id", m.id().toString());
                mission.put("facility_id", m.facilityId().toString());
                mission.put("resident_id", m.residentId().toString());
                mission.put("status", m.status().code());
                mission.put("priority", m.priority().code());
                mission.put("created_at", m.createdAt().toString());
                mission.put("updated_at", m.updatedAt().toString());
                mission.put("completed_at", m.completedAt() == null ? null : m.completedAt().toString());
                // the free text, as the SQL archive holds it (erasure rewrites it there: ArchivedMission.residentTextErased)
                mission.put("notes", m.notes());
                mission.put("failure_reason", m.failureReason());
                Instant finished = m.completedAt() != null ? m.completedAt() : m.updatedAt();
                JsonObject document = JsonObject.of(Map.of("mission", mission, "events", events));
                synchronized (shared) {
                    shared.archive.put(m.id(), new ArchivedMission(m.id(), m.facilityId(), finished, archivedAt,
                            events.size(), document));
                }
                copy.remove(MISSIONS, m.id());
                copy.remove(EVENTS, m.id());
                archived++;
            }
        }
        return new AdminResult<>(InMemoryAdministration.with(db, changed), archived);
    }

    @Override
    public MaintenanceStatus status(RetentionPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        checkOpen();
        Instant now = clock.instant();
        Db db = store.snapshot();
        Map<MaintenanceStep, Long> backlog = new java.util.EnumMap<>(MaintenanceStep.class);
        for (MaintenanceStep step : MaintenanceStep.values()) {
            if (step != MaintenanceStep.MISSION_SUMMARY_REFRESH) {
                StepResult p = plan(step, policy, now);
                backlog.put(step, p.rows() + p.partitions().size());
            }
        }
        Map<String, MaintenanceStatus.TableSize> tables = new LinkedHashMap<>();
        tables.put("telemetry", size(db.tenants().values().stream().mapToLong(t -> t.rows(TELEMETRY).values().stream().mapToLong(List::size).sum()).sum()));
        tables.put("vehicle_logs", size(db.tenants().values().stream().mapToLong(t -> t.rows(LOGS).values().stream().mapToLong(List::size).sum()).sum()));
        tables.put("missions", size(db.tenants().values().stream().mapToLong(t -> t.rows(MISSIONS).size()).sum()));
        tables.put("mission_events", size(db.tenants().values().stream().mapToLong(t -> t.rows(EVENTS).values().stream().mapToLong(List::size).sum()).sum()));
        tables.put("audit_logs", size(db.tenants().values().stream().mapToLong(t -> t.audit.size()).sum()));
        tables.put("residents", size(db.tenants().values().stream().mapToLong(t -> t.rows(RESIDENTS).size()).sum()));
        Optional<MaintenanceReport> last;
        Optional<Instant> lastSuccess;
        synchronized (shared) {
            tables.put("mission_archive", size(shared.archive.size()));
            tables.put("maintenance_runs", size(shared.runs.size()));
            last = shared.runs.isEmpty() ? Optional.empty() : Optional.of(shared.runs.get(shared.runs.size() - 1));
            lastSuccess = shared.runs.stream().filter(r -> r.outcome() == Outcome.SUCCEEDED)
                    .reduce((a, b) -> b).map(MaintenanceReport::finishedAt);
        }
        return new MaintenanceStatus(now, false, List.of(), List.of(), Optional.empty(), tables, backlog, last, lastSuccess,
                MaintenanceStatus.attentionFor(now, false, Optional.empty(), backlog, last, lastSuccess));
    }

    private static MaintenanceStatus.TableSize size(long rows) {
        return new MaintenanceStatus.TableSize(rows, -1);
    }

    @Override
    public List<MaintenanceReport> lastRuns(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000 (was " + limit + ")");
        }
        checkOpen();
        synchronized (shared) {
            List<MaintenanceReport> newestFirst = new ArrayList<>(shared.runs);
            java.util.Collections.reverse(newestFirst);
            return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }
    }

    @Override
    public List<ArchivedMission> archivedMissions(FacilityId facilityId, YearMonth month) {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(month, "month");
        checkOpen();
        synchronized (shared) {
            return shared.archive.values().stream().filter(a -> a.facilityId().equals(facilityId)
                            && YearMonth.from(a.finishedAt().atOffset(ZoneOffset.UTC)).equals(month))
                    .sorted(java.util.Comparator.comparing(a -> a.missionId().value())).toList();
        }
    }

    @Override
    public Optional<ArchivedMission> archivedMission(MissionId missionId) {
        Objects.requireNonNull(missionId, "missionId");
        checkOpen();
        synchronized (shared) {
            return Optional.ofNullable(shared.archive.get(missionId));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("TvmMaintenance is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
