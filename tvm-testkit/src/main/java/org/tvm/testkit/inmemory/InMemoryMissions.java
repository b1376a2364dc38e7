package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.text;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.timestamp;
import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tvm.ports.query.Orderings;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Dispatch;
import org.tvm.domain.mission.VehicleAlreadyBoundException;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.MissionRepository;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.EventRow;
import org.tvm.testkit.inmemory.Tenant.StoredResident;

final class InMemoryMissions implements MissionRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<MissionId, Mission> MISSIONS =
            Tenant.Table.audited("missions", InMemoryMissions::auditColumns);

    /** mission -> its event rows in insertion order. */
    static final Tenant.Table<MissionId, Rows<EventRow>> EVENTS = Tenant.Table.plain("mission_events");

    /** Newest first: createdAt descending, then id descending. */
    static final Comparator<Mission> NEWEST_FIRST = Comparator.comparing(Mission::createdAt)
            .thenComparing(m -> m.id().value(), Orderings.UUIDS).reversed();

    private final InMemoryTransaction tx;

    InMemoryMissions(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(MissionTransition created) {
        nn(created, "created");
        tx.checkWritable("MissionRepository.insert");
        if (!created.isCreation() || created.event().type() != MissionEventType.CREATED) {
            throw new IllegalArgumentException("MissionRepository.insert needs the creation transition of "
                    + "Mission.request (expectedVersion -1, CREATED event); use apply for later transitions");
        }
        Mission m = created.mission();
        tx.requireContextFacility(m.facilityId(), "Mission");
        tx.requireContextFacility(created.event().facilityId(), "MissionEvent");
        tx.lock("missions", m.id().value());
        long seq = tx.store.nextSeq();
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "Mission");
            if (tx.idTaken(t, "missions", m.id().value(), t.rows(MISSIONS).containsKey(m.id()))) {
                throw new DuplicateKeyException("Mission", "missions_pkey");
            }
            StoredResident r = t.rows(RESIDENTS).get(m.residentId());
            if (r == null || r.withoutNotes().isDeleted()) {
                throw new UnknownReferenceException("Mission", "fk_missions_resident", "resident_id");
            }
            InMemoryTransaction.requireUserRef(t, m.createdBy(), "Mission", "fk_missions_created_by", "created_by_user_id");
            if (m.vehicleId() != null && !t.rows(VEHICLES).containsKey(m.vehicleId())) {
                throw new UnknownReferenceException("Mission", "fk_missions_vehicle", "vehicle_id");
            }
            checkEventRefs(t, created.event());
            t.put(MISSIONS, m.id(), m);
            t.insertedIds.add(new Tenant.RowKey("missions", m.id().value()));
            t.dirtyMissions.add(m.id());
            t.append(EVENTS, m.id(), List.of(new EventRow(created.event(), seq)));
        });
    }

    static void checkEventRefs(Tenant t, MissionEvent e) {
        InMemoryTransaction.requireUserRef(t, e.triggeredBy(), "MissionEvent", "fk_mission_events_created_by",
                "created_by_user_id");
        if (e.vehicleId() != null && !t.rows(VEHICLES).containsKey(e.vehicleId())) {
            throw new UnknownReferenceException("MissionEvent", "fk_mission_events_vehicle", "vehicle_id");
        }
    }

    @Override
    public Mission apply(MissionTransition t) {
        nn(t, "t");
        tx.checkWritable("MissionRepository.apply");
        if (t.isCreation()) {
            throw new IllegalArgumentException("a creation transition must be stored with MissionRepository.insert");
        }
        Mission next = t.mission();
        tx.requireContextFacility(next.facilityId(), "Mission");
        tx.requireContextFacility(t.event().facilityId(), "MissionEvent");
        tx.lock("missions", next.id().value());
        if (next.vehicleId() != null) {
            tx.lock("vehicles", next.vehicleId().value());
        }
        long seq = tx.store.nextSeq();
        tx.write(tenant -> persistTransition(tenant, t, seq, null));
        return next;
    }

    /**
     * Stores a transition and the vehicle change the domain's {@link Dispatch} decides for it: {@code assigned} is the
     * vehicle of a dispatch assignment (already decided), else an ASSIGNED transition binds its vehicle and an ending
     * one releases it. The active-mission scan stands in for the databases' one-active-mission-per-vehicle index.
     */
    static void persistTransition(Tenant tenant, MissionTransition t, long seq, Vehicle assigned) {
        Mission next = t.mission();
        Mission old = tenant.rows(MISSIONS).get(next.id());
        if (old == null || old.isDeleted()) {
            throw new NotFoundException("Mission", next.id());
        }
        if (old.version() != t.expectedVersion()) {
            throw new StaleVersionException("Mission", next.id(), t.expectedVersion());
        }
        Vehicle vehicleChange = null;
        if (Dispatch.binds(t)) {
            Vehicle v = tenant.rows(VEHICLES).get(next.vehicleId());
            if (v == null || v.isDeleted()) {
                throw new UnknownReferenceException("Mission", "fk_missions_vehicle", "vehicle_id");
            }
            if (InMemoryVehicles.hasActiveMission(tenant, v.id(), next.id())) {
                throw new VehicleBusyException(v.id());
            }
            try {
                vehicleChange = assigned != null ? assigned : Dispatch.bind(t, v);
            } catch (VehicleAlreadyBoundException e) {
                throw new VehicleBusyException(v.id(), e);
            }
        } else if (next.vehicleId() != null) {
            Vehicle v = tenant.rows(VEHICLES).get(next.vehicleId());
            MissionId ended = Dispatch.releasedBy(t).orElse(null);
            if (v != null && ended != null && Dispatch.release(v, ended) != v) {
                vehicleChange = Dispatch.release(v, ended);
            }
        }
        if (next.vehicleId() != null && !tenant.rows(VEHICLES).containsKey(next.vehicleId())) {
            throw new UnknownReferenceException("Mission", "fk_missions_vehicle", "vehicle_id");
        }
        checkEventRefs(tenant, t.event());
        tenant.put(MISSIONS, next.id(), next);
        tenant.dirtyMissions.add(next.id());
        if (vehicleChange != null) {
            tenant.put(VEHICLES, vehicleChange.id(), vehicleChange);
            tenant.dirtyVehicles.add(vehicleChange.id());
        }
        tenant.append(EVENTS, next.id(), List.of(new EventRow(t.event(), seq)));
    }

    @Override
    public Optional<Mission> findById(MissionId id) {
        nn(id, "id");
        tx.check();
        return find(id, false);
    }

    @Override
    public Optional<Mission> findByIdIncludingDeleted(MissionId id) {
        nn(id, "id");
        tx.check();
        return find(id, true);
    }

    private Optional<Mission> find(MissionId id, boolean includeDeleted) {
        for (Tenant t : tx.readableTenants()) {
            Mission m = t.rows(MISSIONS).get(id);
            if (m != null && (includeDeleted || !m.isDeleted())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<MissionEvent> events(MissionId id) {
        nn(id, "id");
        tx.check();
        return Collections.unmodifiableList(eventsOf(tx.view(), id));
    }

    static List<MissionEvent> eventsOf(Tenant t, MissionId id) {
        List<EventRow> rows = new ArrayList<>(t.rows(EVENTS).getOrDefault(id, Rows.empty()));
        Comparator<EventRow> order = Comparator.comparing((EventRow r) -> r.event().occurredAt()).thenComparingLong(EventRow::seq);
        rows.sort(order);
        List<MissionEvent> out = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            out.add(r.event());
        }
        return out;
    }

    @Override
    public Page<Mission> listByStatus(Set<MissionStatus> statuses, PageRequest page) {
        nn(statuses, "statuses");
        nn(page, "page");
        for (MissionStatus s : statuses) {
            nn(s, "statuses element");
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        tx.check();
        List<Mission> all = new ArrayList<>();
        for (Mission m : tx.view().rows(MISSIONS).values()) {
            if (!m.isDeleted() && statuses.contains(m.status())) {
                all.add(m);
            }
        }
        TreeSet<String> codes = new TreeSet<>();
        statuses.forEach(s -> codes.add(s.code()));
        return newestFirst(all, page, List.of("missions-by-status", String.join(",", codes)));
    }

    @Override
    public Page<Mission> listByResident(ResidentId residentId, PageRequest page) {
        nn(residentId, "residentId");
        nn(page, "page");
        tx.check();
        List<Mission> all = new ArrayList<>();
        for (Mission m : tx.view().rows(MISSIONS).values()) {
            if (!m.isDeleted() && m.residentId().equals(residentId)) {
                all.add(m);
            }
        }
        return newestFirst(all, page, List.of("missions-by-resident", residentId.toString()));
    }

    private Page<Mission> newestFirst(List<Mission> all, PageRequest page, List<String> prefix) {
        all.sort(NEWEST_FIRST);
        return Paging.page(all, page, prefix, 2,
                m -> List.of(m.createdAt().toString(), m.id().toString()),
                (m, k) -> {
                    int c = Paging.instant(m.createdAt(), k.get(0));
                    return -(c != 0 ? c : Paging.uuid(m.id().value(), k.get(1)));
                });
    }

    @Override
    public int eraseResidentText(ResidentId residentId, Instant requestedAt) {
        nn(residentId, "residentId");
        Instant at = org.tvm.domain.DomainChecks.instant("Mission", "updatedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        tx.checkWritable("MissionRepository.eraseResidentText");
        for (Mission m : tx.view().rows(MISSIONS).values()) {
            if (m.residentId().equals(residentId)) {
                tx.lock("missions", m.id().value());
            }
        }
        int[] changed = new int[1];
        tx.write(t -> {
            changed[0] = 0;
            for (Mission m : List.copyOf(t.rows(MISSIONS).values())) {
                if (!m.residentId().equals(residentId)) {
                    continue;
                }
                Rows<EventRow> rows = t.rows(EVENTS).getOrDefault(m.id(), Rows.empty());
                List<EventRow> erased = new ArrayList<>(rows.size());
                boolean eventsChange = false;
                for (EventRow r : rows) {
                    eventsChange |= r.event().holdsResidentText();
                    erased.add(new EventRow(r.event().residentTextErased(), r.seq()));
                }
                if (!m.holdsResidentText() && !eventsChange) {
                    continue;
                }
                t.put(MISSIONS, m.id(), m.residentTextErased(at));
                t.dirtyMissions.add(m.id());
                if (eventsChange) {
                    t.put(EVENTS, m.id(), Rows.of(erased));
                }
                changed[0]++;
            }
        });
        // missions maintenance already archived: same rule on their documents, when this transaction commits
        return changed[0] + tx.store.eraseArchivedResidentText(tx, residentId);
    }

    @Override
    public void softDelete(MissionId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Mission", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        nn(id, "id");
        nn(at, "at");
        tx.checkWritable("MissionRepository.softDelete");
        tx.lock("missions", id.value());
        tx.write(t -> {
            Mission old = t.rows(MISSIONS).get(id);
            if (old == null) {
                throw new NotFoundException("Mission", id);
            }
            if (old.isDeleted()) {
                return;
            }
            if (old.status().isActive()) {
                throw new ConstraintViolationException("Mission", "active_mission_not_deletable",
                        "an assigned or in-progress mission cannot be deleted; finish, cancel or fail it first");
            }
            t.put(MISSIONS, id, old.softDeleted(at));
            t.dirtyMissions.add(id);
        });
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(MissionId id, Mission x, Tenant t) {
        Map<String, String> m = baseColumns(x.id().toString(), t, x.createdAt(), x.updatedAt());
        m.put("resident_id", x.residentId().toString());
        m.put("vehicle_id", text(x.vehicleId()));
        m.put("created_by_user_id", text(x.createdBy()));
        m.put("pickup_location", x.pickup().label());
        m.put("pickup_coordinates", text(x.pickup().coordinates()));
        m.put("dropoff_location", x.dropoff().label());
        m.put("dropoff_coordinates", text(x.dropoff().coordinates()));
        m.put("priority", x.priority().code());
        m.put("status", x.status().code());
        m.put("scheduled_at", timestamp(x.scheduledAt()));
        m.put("assigned_at", timestamp(x.assignedAt()));
        m.put("started_at", timestamp(x.startedAt()));
        m.put("completed_at", timestamp(x.completedAt()));
        m.put("notes", x.notes());
        m.put("failure_reason", x.failureReason());
        m.put("last_progress", x.lastProgress() == null ? null : x.lastProgress().code());
        m.put("deleted_at", timestamp(x.deletedAt()));
        return m;
    }
}
