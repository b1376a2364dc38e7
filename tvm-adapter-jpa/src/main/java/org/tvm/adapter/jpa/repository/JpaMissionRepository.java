package org.tvm.adapter.jpa.repository;

import org.tvm.adapter.sql.error.ErrorHint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tvm.adapter.sql.GeometryCodec;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.adapter.sql.Keyset;
import org.tvm.adapter.sql.ResidentMissionText;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Dispatch;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.VehicleAlreadyBoundException;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.MissionRepository;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.StaleVersionException;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.adapter.jpa.entity.MissionEntity;
import org.tvm.adapter.jpa.entity.VehicleEntity;
import org.tvm.adapter.jpa.entity.MissionEventEntity;

/**
 * {@link MissionRepository}: inserts batch mission + CREATED event; transitions are one conditional UPDATE
 * ({@code version = expected}) plus the event insert plus the vehicle's {@code current_mission_id} bookkeeping.
 */
final class JpaMissionRepository implements MissionRepository {

    private final JpaTransaction tx;

    JpaMissionRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(MissionTransition created) {
        Objects.requireNonNull(created, "created");
        if (!created.isCreation() || created.event().type() != MissionEventType.CREATED) {
            throw new IllegalArgumentException("MissionRepository.insert needs the creation transition of Mission.request");
        }
        tx.checkWritable("MissionRepository.insert");
        tx.requireContextFacility(created.mission().facilityId(), "Mission");
        tx.requireContextFacility(created.event().facilityId(), "MissionEvent");
        tx.writeVoid("Mission", () -> {
            Mission m = created.mission();
            if (!tx.dialect().missionInsertChecksResident()) {
                Long residents = tx.session().createSelectionQuery("select count(r) from ResidentEntity r where r.id = :r "
                                + "and r.facilityId = :f and r.deletedAt is null", Long.class)
                        .setParameter("r", m.residentId().value()).setParameter("f", tx.facility()).getSingleResult();
                if (residents == 0) {
                    throw new UnknownReferenceException("Mission", "fk_missions_resident", "resident_id");
                }
            }
            tx.session().persist(tx.mapper().toEntity(m));
            tx.session().flush(); // the event's foreign key needs the mission row
            insertEvent(tx, created.event());
        });
    }

    @Override
    public Mission apply(MissionTransition t) {
        Objects.requireNonNull(t, "t");
        if (t.isCreation() || t.expectedVersion() < 0) {
            throw new IllegalArgumentException("MissionRepository.apply needs a non-creation transition (use insert)");
        }
        tx.checkWritable("MissionRepository.apply");
        tx.requireContextFacility(t.mission().facilityId(), "Mission");
        tx.requireContextFacility(t.event().facilityId(), "MissionEvent");
        VehicleId vehicle = Dispatch.binds(t) ? t.mission().vehicleId() : null;
        return tx.write(ErrorHint.binding("Mission", vehicle), () -> {
            if (vehicle != null) {
                // the domain decides the binding (busy check included) before anything is written; the
                // one-active-mission-per-vehicle index backs it under concurrency
                VehicleEntity v = tx.session().createSelectionQuery("from VehicleEntity v where v.id = :v "
                                + "and v.facilityId = :f and v.deletedAt is null", VehicleEntity.class)
                        .setParameter("v", vehicle.value()).setParameter("f", tx.facility()).uniqueResult();
                if (v == null) {
                    throw new UnknownReferenceException("Mission", "fk_missions_vehicle", "vehicle_id");
                }
                try {
                    Dispatch.bind(t, tx.mapper().toDomain(v));
                } catch (VehicleAlreadyBoundException e) {
                    throw new VehicleBusyException(vehicle, e);
                }
                tx.session().clear();
            }
            Instant updatedAt = persistTransition(t);
            if (vehicle != null) {
                tx.jdbcUpdate("UPDATE vehicles SET current_mission_id = ?, version = version + 1 WHERE id = ? AND facility_id = ?",
                        t.mission().id().value(), vehicle.value(), tx.facility());
            } else {
                Dispatch.releasedBy(t).ifPresent(this::releaseVehicle);
            }
            // as stored: the transition's state with the database's updated_at (no read-back)
            return t.mission().toBuilder().updatedAt(updatedAt).build();
        });
    }

    /**
     * Conditional UPDATE of the mission row ({@code version = expected}) returning the stored updatedAt (the database
     * stamps it) in the same statement, and the event insert.
     */
    Instant persistTransition(MissionTransition t) {
        tx.claimed().forget(t.mission().id());
        Mission m = t.mission();
        String update = "UPDATE missions SET vehicle_id = :vehicle, pickup_location = :pl, pickup_coordinates = "
                + tx.dialect().pointParameter("pc") + ", dropoff_location = :dl, dropoff_coordinates = "
                + tx.dialect().pointParameter("dc") + ", priority = :priority, status = :status, scheduled_at = :sched, "
                + "assigned_at = :assigned, started_at = :started, completed_at = :completed, notes = :notes, "
                + "failure_reason = :reason, last_progress = :progress, updated_at = :updated, version = version + 1 "
                + "WHERE facility_id = :f AND id = :id AND version = :expected AND deleted_at IS NULL";
        List<Instant> stored = tx.session().createNativeQuery(tx.dialect().returning(update, "updated_at"), Instant.class)
                .setParameter("vehicle", m.vehicleId() == null ? null : m.vehicleId().value(), UUID.class)
                .setParameter("pl", m.pickup().label())
                .setParameter("pc", GeometryCodec.ewkt(m.pickup().coordinates()), String.class)
                .setParameter("dl", m.dropoff().label())
                .setParameter("dc", GeometryCodec.ewkt(m.dropoff().coordinates()), String.class)
                .setParameter("priority", m.priority().code()).setParameter("status", m.status().code())
                .setParameter("sched", m.scheduledAt(), Instant.class).setParameter("assigned", m.assignedAt(), Instant.class)
                .setParameter("started", m.startedAt(), Instant.class)
                .setParameter("completed", m.completedAt(), Instant.class).setParameter("notes", m.notes(), String.class)
                .setParameter("reason", m.failureReason(), String.class)
                .setParameter("progress", m.lastProgress() == null ? null : m.lastProgress().code(), String.class)
                .setParameter("updated", m.updatedAt(), Instant.class).setParameter("f", tx.facility())
                .setParameter("id", m.id().value()).setParameter("expected", t.expectedVersion())
                .getResultList();
        if (stored.isEmpty()) {
            Long count = tx.session().createSelectionQuery("select count(m) from MissionEntity m where m.id = :id "
                            + "and m.facilityId = :f and m.deletedAt is null", Long.class)
                    .setParameter("id", m.id().value()).setParameter("f", tx.facility()).getSingleResult();
            throw count > 0 ? new StaleVersionException("Mission", m.id(), t.expectedVersion())
                    : new NotFoundException("Mission", m.id());
        }
        insertEvent(tx, t.event());
        return stored.get(0);
    }

    /**
     * Appends a mission event with one JDBC insert (see {@link JpaTransaction#jdbcUpdate}); the database numbers it. The
     * mission row must already be written.
     */
    static void insertEvent(JpaTransaction tx, MissionEvent event) {
        tx.jdbcUpdate("INSERT INTO mission_events (facility_id, mission_id, vehicle_id, event_type, details, created_at, "
                        + "created_by_user_id) VALUES (?, ?, ?, ?, " + tx.dialect().jsonParameter() + ", ?, ?)",
                event.facilityId().value(), event.missionId().value(),
                event.vehicleId() == null ? null : event.vehicleId().value(), event.type().code(),
                JsonDetailsCodec.write(event.detailsJson()), event.occurredAt(),
                event.triggeredBy() == null ? null : event.triggeredBy().value());
    }

    /** Clears {@code current_mission_id} of the vehicle still pointing at this mission (vehicle version + 1). */
    void releaseVehicle(MissionId mission) {
        tx.jdbcUpdate("UPDATE vehicles SET current_mission_id = NULL, version = version + 1 "
                + "WHERE current_mission_id = ? AND facility_id = ?", mission.value(), tx.facility());
    }

    Optional<Mission> load(UUID id, boolean includingDeleted) {
        return tx.session().createSelectionQuery("from MissionEntity m where m.id = :id and m.facilityId = :f"
                        + (includingDeleted ? "" : " and m.deletedAt is null"), MissionEntity.class)
                .setParameter("id", id).setParameter("f", tx.facility()).setReadOnly(true)
                .uniqueResultOptional().map(tx.mapper()::toDomain);
    }

    @Override
    public Optional<Mission> findById(MissionId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("Mission", () -> load(id.value(), false));
    }

    @Override
    public Optional<Mission> findByIdIncludingDeleted(MissionId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("Mission", () -> load(id.value(), true));
    }

    @Override
    public List<MissionEvent> events(MissionId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("MissionEvent", () -> tx.session().createSelectionQuery("from MissionEventEntity e "
                        + "where e.missionId = :m and e.facilityId = :f order by e.createdAt, e.id", MissionEventEntity.class)
                .setParameter("m", id.value()).setParameter("f", tx.facility()).setReadOnly(true).getResultList()
                .stream().map(tx.mapper()::toDomain).toList());
    }

    @Override
    public Page<Mission> listByStatus(Set<MissionStatus> statuses, PageRequest page) {
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(page, "page");
        statuses.forEach(s -> Objects.requireNonNull(s, "statuses must not contain null"));
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        List<String> codes = statuses.stream().map(MissionStatus::code).sorted().toList();
        List<String> prefix = List.of("missions.byStatus", String.join(",", codes));
        return newestFirst(prefix, page, "m.status in (:statuses)", q -> q.setParameterList("statuses", codes));
    }

    @Override
    public Page<Mission> listByResident(ResidentId residentId, PageRequest page) {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(page, "page");
        List<String> prefix = List.of("missions.byResident", residentId.value().toString());
        return newestFirst(prefix, page, "m.residentId = :r", q -> q.setParameter("r", residentId.value()));
    }

    private Page<Mission> newestFirst(List<String> prefix, PageRequest page, String filter,
            java.util.function.Consumer<org.hibernate.query.SelectionQuery<MissionEntity>> binder) {
        tx.check();
        List<String> after = Keyset.after(page, prefix, 2);
        Instant afterCreated;
        UUID afterId;
        try {
            afterCreated = after == null ? null : Instant.parse(after.get(0));
            afterId = after == null ? null : UUID.fromString(after.get(1));
        } catch (RuntimeException e) {
            throw Keyset.malformed(e);
        }
        return tx.read("Mission", () -> {
            var q = tx.session().createSelectionQuery("from MissionEntity m where m.facilityId = :f and m.deletedAt is null and "
                    + filter + (after == null ? "" : " and (m.createdAt < :ac or (m.createdAt = :ac and m.id < :aid))")
                    + " order by m.createdAt desc, m.id desc", MissionEntity.class);
            q.setParameter("f", tx.facility());
            binder.accept(q);
            if (after != null) {
                q.setParameter("ac", afterCreated).setParameter("aid", afterId);
            }
            List<Mission> rows = q.setMaxResults(page.limit() + 1).setReadOnly(true).getResultList().stream()
                    .map(tx.mapper()::toDomain).toList();
            return Keyset.page(rows, page.limit(), prefix, m -> List.of(m.createdAt().toString(), m.id().value().toString()));
        });
    }

    @Override
    public int eraseResidentText(ResidentId residentId, Instant requestedAt) {
        Objects.requireNonNull(residentId, "residentId");
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.instant("Mission", "updatedAt", Objects.requireNonNull(requestedAt, "at"));
        tx.checkWritable("MissionRepository.eraseResidentText");
        return tx.write("Mission", () -> {
            tx.session().flush();
            // claimed copies of this transaction may predate the erasure (version + 1): read them again
            tx.claimed().clear();
            return tx.session().doReturningWork(c -> ResidentMissionText.erase(c, tx.dialect().database(),
                    tx.facility(), residentId.value(), at));
        });
    }

    @Override
    public void softDelete(MissionId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Mission", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        tx.checkWritable("MissionRepository.softDelete");
        tx.writeVoid("Mission", () -> {
            tx.claimed().forget(id);
            Mission m = load(id.value(), true).orElseThrow(() -> new NotFoundException("Mission", id));
            if (m.isDeleted()) {
                return;
            }
            if (m.status().isActive()) {
                throw activeMissionNotDeletable();
            }
            // Re-checked by PostgreSQL after waiting for a concurrent assignment's row lock: a mission that became
            // active meanwhile is not deleted.
            int deleted = tx.session().createMutationQuery("update MissionEntity m set m.deletedAt = :at, m.updatedAt = :at "
                            + "where m.id = :id and m.facilityId = :f and m.deletedAt is null and m.status not in " + JpaVehicleRepository.ACTIVE)
                    .setParameter("at", at).setParameter("id", id.value()).setParameter("f", tx.facility()).executeUpdate();
            if (deleted == 0 && !load(id.value(), true).orElseThrow(() -> new NotFoundException("Mission", id)).isDeleted()) {
                throw activeMissionNotDeletable();
            }
        });
    }

    private static ConstraintViolationException activeMissionNotDeletable() {
        return new ConstraintViolationException("Mission", "active_mission_not_deletable",
                "finish, cancel or fail the mission first");
    }
}
