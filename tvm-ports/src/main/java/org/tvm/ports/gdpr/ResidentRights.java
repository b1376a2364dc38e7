package org.tvm.ports.gdpr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Residents' rights over the ports, written once for every adapter: export (access and portability), erasure and the
 * access report. Each method works inside the caller's transaction ({@code tx}, a writable one: all of them record
 * what they did) and only in the context facility.
 */
public final class ResidentRights {

    /** Start of every window: the data-access and audit history is read from the beginning. */
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Set<MissionStatus> ACTIVE = EnumSet.of(MissionStatus.PENDING, MissionStatus.ASSIGNED,
            MissionStatus.IN_PROGRESS);

    private ResidentRights() {
    }

    /**
     * Assembles everything held about the resident and records the export: an {@code export} data-access entry and a
     * {@code resident.export} audit entry (both by the context actor, in this transaction).
     *
     * @throws NotFoundException     if no resident with this id exists in the facility (deleted ones are exported)
     * @throws IllegalStateException in a read-only transaction
     */
    public static ResidentExport export(TvmTransaction tx, ResidentId id, Instant now) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        Resident resident = tx.residents().findByIdIncludingDeleted(id).orElseThrow(() -> new NotFoundException("Resident", id));
        List<ResidentExport.MissionWithEvents> missions = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>(all(tx, "resident", id.value()));
        for (Mission m : missions(tx, id)) {
            missions.add(new ResidentExport.MissionWithEvents(m, tx.missions().events(m.id())));
            audit.addAll(all(tx, "mission", m.id().value()));
        }
        audit.addAll(all(tx, "caregiver_assignment", id.value()));
        audit.sort(Comparator.comparing(AuditEntry::timestamp));
        List<DataAccessEntry> access = tx.audit().dataAccessFor(id, BEGINNING, now.plusNanos(1000));
        UserId actor = tx.context().actorUserId().orElse(null);
        tx.audit().recordDataAccess(new DataAccessEntry(tx.context().facilityId(), actor, id, DataAccessType.EXPORT, now));
        tx.audit().append(AuditEntry.builder().facilityId(tx.context().facilityId()).userId(actor)
                .action("resident.export").resourceType("resident").resourceId(id.value())
                .details(Map.of("format", "tvm-resident-export/v" + ResidentExport.VERSION)).timestamp(now).build());
        return new ResidentExport(ResidentExport.VERSION, now, actor, resident, missions, caregivers(tx, id), access,
                audit);
    }

    /**
     * Erasure (GDPR Art. 17): soft-deletes the resident (an earlier deletion time is kept) and anonymises it now with
     * the rule of the 3-year anonymisation ({@link Resident#anonymised}: first name "Deleted", last name
     * "User #&lt;id&gt;", phone, emergency contact, medical notes and photo removed, date of birth reduced to January
     * 1st of its year), erases the free text about the resident in all their missions, deleted and archived ones
     * included ({@link org.tvm.ports.MissionRepository#eraseResidentText}: notes removed, failure and event reasons
     * "[erased]"), and records a {@code resident.erase} audit entry with the reason. A resident already soft-deleted is
     * erased too: its personal data is held until the 3-year anonymisation. Ids, statuses and times stay, so
     * statistics keep counting. Denormalised copies: the audit log never held the personal fields (they are
     * withheld); the {@code mission_summary} materialized view (PostgreSQL) keeps the old name and reasons until its
     * next refresh, which the maintenance run's summary refresh (or {@code TvmAdministration.refreshMissionSummary})
     * performs: the erasure is complete after it.
     *
     * @param reason non-blank reason, stored in the audit entry (never personal data)
     * @return the anonymised resident as stored
     * @throws NotFoundException            if no resident with this id (soft-deleted or not) exists in the facility
     * @throws ConstraintViolationException ({@code resident_has_active_mission}) while a mission of the resident is
     *                                      pending, assigned or in progress (nothing changed)
     * @throws IllegalArgumentException     if the reason is blank
     */
    public static Resident erase(TvmTransaction tx, ResidentId id, String reason, Instant now) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        for (Mission m : missions(tx, id)) {
            if (ACTIVE.contains(m.status())) {
                throw new ConstraintViolationException("Resident", "resident_has_active_mission",
                        "a resident with a pending, assigned or in-progress mission cannot be erased");
            }
        }
        tx.residents().softDelete(id, now);
        Resident stored = tx.residents().anonymise(id, now);
        tx.missions().eraseResidentText(id, now);
        tx.audit().append(AuditEntry.builder().facilityId(tx.context().facilityId())
                .userId(tx.context().actorUserId().orElse(null)).action("resident.erase").resourceType("resident")
                .resourceId(id.value()).details(Map.of("reason", reason)).timestamp(now).build());
        return stored;
    }

    /**
     * Who read or changed the resident's data in {@code [from, to)}: the data-access entries and the audit entries
     * about the resident, oldest first, each with the user's current roles.
     */
    public static List<AccessReportLine> accessReport(TvmTransaction tx, ResidentId id, Instant from, Instant to) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(id, "id");
        List<AccessReportLine> lines = new ArrayList<>();
        for (DataAccessEntry e : tx.audit().dataAccessFor(id, from, to)) {
            lines.add(new AccessReportLine(e.accessedAt(), e.userId(), roles(tx, e.userId()), e.accessType().code()));
        }
        for (AuditEntry e : all(tx, "resident", id.value())) {
            if (!e.timestamp().isBefore(from) && e.timestamp().isBefore(to)) {
                lines.add(new AccessReportLine(e.timestamp(), e.userId(), roles(tx, e.userId()), e.action()));
            }
        }
        lines.sort(Comparator.comparing(AccessReportLine::at));
        return lines;
    }

    private static Set<RoleName> roles(TvmTransaction tx, UserId user) {
        return user == null ? Set.of() : tx.accessControl().rolesOf(user);
    }

    private static List<Mission> missions(TvmTransaction tx, ResidentId id) {
        List<Mission> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (page != null) {
            Page<Mission> p = tx.missions().listByResident(id, page);
            out.addAll(p.items());
            page = p.nextRequest(PageRequest.MAX_LIMIT).orElse(null);
        }
        return out;
    }

    private static List<AuditEntry> all(TvmTransaction tx, String type, java.util.UUID id) {
        List<AuditEntry> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (page != null) {
            Page<AuditEntry> p = tx.audit().byResource(type, id, page);
            out.addAll(p.items());
            page = p.nextRequest(PageRequest.MAX_LIMIT).orElse(null);
        }
        return out;
    }

    private static List<UserId> caregivers(TvmTransaction tx, ResidentId id) {
        List<UserId> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (page != null) {
            Page<User> p = tx.users().list(page);
            for (User u : p.items()) {
                if (tx.accessControl().residentsAssignedTo(u.id()).contains(id)) {
                    out.add(u.id());
                }
            }
            page = p.nextRequest(PageRequest.MAX_LIMIT).orElse(null);
        }
        return out;
    }
}
