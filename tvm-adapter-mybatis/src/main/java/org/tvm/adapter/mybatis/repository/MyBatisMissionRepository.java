package org.tvm.adapter.mybatis.repository;

import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.adapter.sql.error.SqlErrorTranslator;
import org.tvm.adapter.sql.Keyset;
import org.tvm.adapter.sql.ResidentMissionText;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.tvm.adapter.mybatis.row.VehicleRow;
import org.tvm.adapter.mybatis.support.Jdbc;
import org.tvm.adapter.mybatis.mapper.MissionMapper;
import org.tvm.adapter.mybatis.mapper.ResidentMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.row.MissionRow;
import org.tvm.adapter.mybatis.mapper.VehicleMapper;

final class MyBatisMissionRepository implements MissionRepository {

    private static final String E = "Mission";
    private final MyBatisTransaction tx;
    private final MissionMapper mapper;

    MyBatisMissionRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(MissionMapper.class);
    }

    @Override
    public void insert(MissionTransition created) {
        requireNonNull(created, "created");
        if (!created.isCreation() || created.event().type() != MissionEventType.CREATED) {
            throw new IllegalArgumentException("MissionRepository.insert needs the creation transition of Mission.request");
        }
        tx.checkWritable("MissionRepository.insert");
        tx.requireContextFacility(created.mission().facilityId(), E);
        tx.requireContextFacility(created.event().facilityId(), "MissionEvent");
        tx.write(E, "MissionRepository.insert", () -> {
            Mission m = created.mission();
            if (!tx.dialect.missionInsertChecksResident()
                    && tx.mapper(ResidentMapper.class).countActive(tx.facility(), m.residentId().value()) == 0) {
                throw new UnknownReferenceException(E, "fk_missions_resident",
                        "resident_id: no non-deleted resident of this facility");
            }
            mapper.insert(RowMapper.row(m));
            mapper.insertEvent(RowMapper.row(created.event()));
        });
    }

    @Override
    public Mission apply(MissionTransition t) {
        requireNonNull(t, "t");
        if (t.isCreation()) {
            throw new IllegalArgumentException("a creation transition must be stored with MissionRepository.insert");
        }
        tx.checkWritable("MissionRepository.apply");
        tx.requireContextFacility(t.mission().facilityId(), E);
        tx.requireContextFacility(t.event().facilityId(), "MissionEvent");
        return tx.write(E, "MissionRepository.apply", () -> {
            Mission m = t.mission();
            VehicleMapper vehicles = tx.mapper(VehicleMapper.class);
            Instant updatedAt;
            if (Dispatch.binds(t)) {
                // the domain decides the binding (busy check included) before anything is written
                VehicleRow vehicle = m.vehicleId() == null ? null : vehicles.find(tx.facility(), m.vehicleId().value(), false);
                if (vehicle == null) {
                    throw new UnknownReferenceException(E, "fk_missions_vehicle",
                            "vehicle_id: no non-deleted vehicle of this facility");
                }
                try {
                    Dispatch.bind(t, RowMapper.vehicle(vehicle));
                } catch (VehicleAlreadyBoundException e) {
                    throw new VehicleBusyException(m.vehicleId(), e);
                }
                updatedAt = store(t);
                vehicles.bindMission(tx.facility(), vehicle.id, m.id().value());
            } else {
                updatedAt = store(t);
                Dispatch.releasedBy(t).ifPresent(ended -> vehicles.releaseMission(tx.facility(), ended.value()));
            }
            // as stored: the transition's state with the database's updated_at (no read-back)
            return m.toBuilder().updatedAt(updatedAt).build();
        });
    }

    /**
     * The optimistic UPDATE (returning the stored updatedAt) plus the event. The partial unique index (PostgreSQL) turns a concurrent second active
     * mission of a vehicle into {@link VehicleBusyException}.
     */
    Instant store(MissionTransition t) {
        Mission m = t.mission();
        tx.claimed.forget(m.id());
        MissionRow row = RowMapper.row(m);
        row.expectedVersion = t.expectedVersion();
        Instant updatedAt;
        try {
            updatedAt = mapper.update(row);
        } catch (RuntimeException e) {
            throw busyOrTranslated(e, m.vehicleId());
        }
        if (updatedAt == null) {
            if (mapper.find(tx.facility(), m.id().value(), false) == null) {
                throw new NotFoundException(E, m.id());
            }
            throw new StaleVersionException(E, m.id(), t.expectedVersion());
        }
        MissionEvent event = t.event();
        mapper.insertEvent(RowMapper.row(event));
        return updatedAt;
    }

    static RuntimeException busyOrTranslated(RuntimeException e, VehicleId vehicle) {
        return SqlErrorTranslator.translate(e, ErrorHint.binding(E, vehicle));
    }

    @Override
    public Optional<Mission> findById(MissionId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), false)).map(RowMapper::mission));
    }

    @Override
    public Optional<Mission> findByIdIncludingDeleted(MissionId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value(), true)).map(RowMapper::mission));
    }

    @Override
    public List<MissionEvent> events(MissionId id) {
        requireNonNull(id, "id");
        return tx.read("MissionEvent", () -> mapper.events(tx.facility(), id.value()).stream().map(RowMapper::event).toList());
    }

    @Override
    public Page<Mission> listByStatus(Set<MissionStatus> statuses, PageRequest page) {
        requireNonNull(statuses, "statuses");
        requireNonNull(page, "page");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        TreeSet<String> codes = new TreeSet<>();
        for (MissionStatus s : statuses) {
            codes.add(requireNonNull(s, "statuses must not contain null").code());
        }
        List<String> query = List.of("missions.byStatus", String.join(",", codes));
        List<String> after = Keyset.after(page, query, 2);
        return tx.read(E, () -> {
            List<MissionRow> fetched = after == null
                    ? mapper.listByStatus(tx.facility(), List.copyOf(codes), null, null, page.limit() + 1)
                    : mapper.listByStatus(tx.facility(), List.copyOf(codes), Keyset.instant(after.get(0)),
                            Keyset.uuid(after.get(1)), page.limit() + 1);
            return Keyset.page(fetched, page.limit(), query, r -> List.of(r.createdAt.toString(), r.id.toString()),
                    RowMapper::mission);
        });
    }

    @Override
    public Page<Mission> listByResident(ResidentId residentId, PageRequest page) {
        requireNonNull(residentId, "residentId");
        requireNonNull(page, "page");
        List<String> query = List.of("missions.byResident", residentId.value().toString());
        List<String> after = Keyset.after(page, query, 2);
        return tx.read(E, () -> {
            List<MissionRow> fetched = after == null
                    ? mapper.listByResident(tx.facility(), residentId.value(), null, null, page.limit() + 1)
                    : mapper.listByResident(tx.facility(), residentId.value(), Keyset.instant(after.get(0)),
                            Keyset.uuid(after.get(1)), page.limit() + 1);
            return Keyset.page(fetched, page.limit(), query, r -> List.of(r.createdAt.toString(), r.id.toString()),
                    RowMapper::mission);
        });
    }

    @Override
    public int eraseResidentText(ResidentId residentId, Instant requestedAt) {
        requireNonNull(residentId, "residentId");
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.instant(E, "updatedAt", requireNonNull(requestedAt, "at"));
        tx.checkWritable("MissionRepository.eraseResidentText");
        return tx.write(E, "MissionRepository.eraseResidentText", () -> {
            // claimed copies of this transaction may predate the erasure (version + 1): read them again
            tx.claimed.clear();
            try {
                return ResidentMissionText.erase(tx.session.getConnection(), tx.dialect.database(), tx.facility(),
                        residentId.value(), at);
            } catch (SQLException e) {
                throw new Jdbc.SqlFailure(e);
            }
        });
    }

    @Override
    public void softDelete(MissionId id, Instant requestedAt) {
        // years 1583-9999 UTC, microseconds: what both databases store exactly (checked before any SQL)
        Instant at = org.tvm.domain.DomainChecks.optionalInstant("Mission", "deletedAt", java.util.Objects.requireNonNull(requestedAt, "at"));
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        tx.write(E, "MissionRepository.softDelete", () -> {
            tx.claimed.forget(id);
            MissionRow row = mapper.find(tx.facility(), id.value(), true);
            if (row == null) {
                throw new NotFoundException(E, id);
            }
            if (row.deletedAt != null) {
                return;
            }
            if (MissionStatus.fromCode(row.status).isActive()) {
                throw activeMissionNotDeletable();
            }
            // The UPDATE repeats the status condition, which PostgreSQL re-checks after waiting for a concurrent
            // assignment's row lock: a mission that became active meanwhile is not deleted.
            if (mapper.softDelete(tx.facility(), id.value(), at) == 0) {
                MissionRow now = mapper.find(tx.facility(), id.value(), true);
                if (now == null) {
                    throw new NotFoundException(E, id);
                }
                if (now.deletedAt == null) {
                    throw activeMissionNotDeletable();
                }
            }
        });
    }

    private static ConstraintViolationException activeMissionNotDeletable() {
        return new ConstraintViolationException(E, "active_mission_not_deletable",
                "an assigned or in-progress mission cannot be deleted; finish, cancel or fail it first");
    }
}
