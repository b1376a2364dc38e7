package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.gdpr.AccessReportLine;
import org.tvm.ports.gdpr.ResidentExport;
import org.tvm.ports.gdpr.ResidentRights;
import org.tvm.ports.maintenance.RetentionPolicy;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * {@link ResidentRights} on every adapter: the export holds the record with notes in clear, consent, missions with
 * events, caregivers and the access/audit history, and is itself recorded; erasure anonymises and soft-deletes, keeps
 * missions, is recorded with its reason and is refused while a mission is active; the access report lists who read or
 * changed the resident. Erasure also reaches a resident already soft-deleted, applies the administration's
 * anonymisation rule, and removes the free text about the resident from all their missions and events, archived ones
 * included (in the context facility only, and not at all when rolled back).
 *
 * <p>Longer than 400 lines on purpose: one port, ten cases over one fixture each, and the archived-missions case builds
 * its own archive; split in two, each half would need its own registration and mutant for no seam in the port.
 */
public abstract class ResidentRightsContract {

    protected abstract PersistenceUnderTest subject();

    private Resident resident(FacilityWorld w, Instant now) {
        Resident r = TvmTestData.resident(w.facilityId()).allFields().at(now).build();
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.residents().insert(r);
            tx.accessControl().assignCaregiver(w.userId(RoleName.CAREGIVER), r.id());
            return null;
        });
        return r;
    }

    @Test
    void exportHoldsEverythingAboutTheResidentAndIsRecorded() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), r.id(), w.userId(RoleName.NURSE)).at(now).build();
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.missions().insert(created);
            return tx.residents().findById(r.id());
        });

        ResidentExport export = w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.export(tx, r.id(), now.plusSeconds(60)));

        assertThat(export.version()).isEqualTo(ResidentExport.VERSION);
        assertThat(export.resident()).isEqualTo(r);
        assertThat(export.resident().medicalNotes().reveal()).isEqualTo(r.medicalNotes().reveal());
        assertThat(export.exportedBy()).isEqualTo(w.userId(RoleName.ADMIN));
        assertThat(export.missions()).singleElement().satisfies(m -> {
            assertThat(m.mission()).isEqualTo(created.mission());
            assertThat(m.events()).containsExactly(created.event());
        });
        assertThat(export.caregivers()).containsExactly(w.userId(RoleName.CAREGIVER));
        assertThat(export.dataAccess()).extracting(e -> e.accessType()).contains(DataAccessType.READ);
        assertThat(export.audit()).extracting(AuditEntry::action)
                .contains("resident.create", "mission.create", "caregiver_assignment.create");

        w.run((TvmTransaction tx) -> {
            assertThat(tx.audit().dataAccessFor(r.id(), WINDOW_START, WINDOW_END)).extracting(e -> e.accessType())
                    .contains(DataAccessType.EXPORT);
            assertThat(tx.audit().byResource("resident", r.id().value(), PageRequest.first(100)).items())
                    .extracting(AuditEntry::action).contains("resident.export");
        });
    }

    @Test
    void erasureAnonymisesKeepsMissionsAndIsRecordedButNotWhileAMissionIsActive() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), r.id(), w.userId(RoleName.NURSE)).at(now).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));

        assertThatThrownBy(() -> w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, r.id(), "family request", now.plusSeconds(5))))
                .isInstanceOf(ConstraintViolationException.class);
        w.run((TvmTransaction tx) -> assertThat(tx.residents().findById(r.id())).contains(r));

        w.run((TvmTransaction tx) -> tx.missions().apply(created.mission().cancel("no longer needed", now.plusSeconds(6),
                w.userId(RoleName.NURSE))));
        w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, r.id(), "family request", now.plusSeconds(10)));

        w.run((TvmTransaction tx) -> {
            Resident erased = tx.residents().findByIdIncludingDeleted(r.id()).orElseThrow();
            assertThat(erased.firstName()).isEqualTo("Deleted");
            assertThat(erased.lastName()).isEqualTo("User #" + r.id());
            assertThat(erased.phone()).isNull();
            assertThat(erased.emergencyContactName()).isNull();
            assertThat(erased.medicalNotes()).isNull();
            assertThat(erased.photoUrl()).isNull();
            assertThat(erased.dateOfBirth()).isEqualTo(LocalDate.of(r.dateOfBirth().getYear(), 1, 1));
            assertThat(erased.deletedAt()).isNotNull();
            assertThat(tx.missions().findByIdIncludingDeleted(created.mission().id())).isPresent();
            List<AuditEntry> log = tx.audit().byResource("resident", r.id().value(), PageRequest.first(100)).items();
            assertThat(log).filteredOn(e -> e.action().equals("resident.erase")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("reason", "family request"));
            assertThat(log).allSatisfy(e -> assertThat(e.details().values())
                    .noneMatch(v -> v.contains(r.lastName()) || v.contains(r.medicalNotes().reveal())));
        });
    }

    @Test
    void erasureReachesAResidentAlreadySoftDeletedAndKeepsItsDeletionTime() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        Instant deletedAt = now.plusSeconds(1);
        w.run((TvmTransaction tx) -> tx.residents().softDelete(r.id(), deletedAt));

        Resident returned = w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, r.id(), "family request", now.plusSeconds(10)));

        w.run((TvmTransaction tx) -> {
            Resident erased = tx.residents().findByIdIncludingDeleted(r.id()).orElseThrow();
            assertThat(erased).isEqualTo(returned)
                    .isEqualTo(r.softDeleted(deletedAt).anonymised(erased.updatedAt()));
            assertThat(erased.deletedAt()).isEqualTo(deletedAt);
            assertNoPersonalField(r, erased);
            assertThat(tx.audit().byResource("resident", r.id().value(), PageRequest.first(100)).items())
                    .filteredOn(e -> e.action().equals("resident.erase")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("reason", "family request"));
        });
    }

    @Test
    void erasureAndTheAdministrationsAnonymisationApplyTheSameRule() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident viaAdministration = TvmTestData.resident(w.facilityId()).allFields()
                .dateOfBirth(LocalDate.of(1938, 7, 23)).at(now).build();
        Resident viaErasure = TvmTestData.resident(w.facilityId()).allFields()
                .dateOfBirth(LocalDate.of(1938, 7, 23)).at(now).build();
        Instant longAgo = now.minus(Duration.ofDays(40));
        w.run((TvmTransaction tx) -> {
            tx.residents().insert(viaAdministration);
            tx.residents().insert(viaErasure);
            tx.residents().softDelete(viaAdministration.id(), longAgo);
        });

        subject().administration().anonymiseResidentsDeletedBefore(now.minus(Duration.ofDays(1)));
        w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, viaErasure.id(), "family request", now.plusSeconds(10)));

        w.run((TvmTransaction tx) -> {
            Resident a = tx.residents().findByIdIncludingDeleted(viaAdministration.id()).orElseThrow();
            Resident e = tx.residents().findByIdIncludingDeleted(viaErasure.id()).orElseThrow();
            // both equal the domain's one rule (updatedAt aside: the administration leaves it to the database)
            assertThat(a).isEqualTo(viaAdministration.softDeleted(longAgo).anonymised(a.updatedAt()));
            assertThat(e).isEqualTo(viaErasure.softDeleted(now.plusSeconds(10)).anonymised(e.updatedAt()));
            assertNoPersonalField(viaAdministration, a);
            assertNoPersonalField(viaErasure, e);
        });
    }

    /** Three finished missions of {@code r}: cancelled with a reason then deleted, failed, cancelled without text. */
    private List<Mission> finishedMissions(FacilityWorld w, Resident r, Instant now) {
        UserId nurse = w.userId(RoleName.NURSE);
        MissionTransition cancelled = TvmTestData.mission(w.facilityId(), r.id(), nurse).notes("dementia: speak slowly")
                .at(now).build();
        MissionTransition failed = TvmTestData.mission(w.facilityId(), r.id(), nurse).notes("bring the oxygen bottle")
                .at(now.plusSeconds(1)).build();
        MissionTransition plain = TvmTestData.mission(w.facilityId(), r.id(), nurse).at(now.plusSeconds(2)).build();
        return w.inTransaction((TvmTransaction tx) -> {
            tx.missions().insert(cancelled);
            tx.missions().insert(failed);
            tx.missions().insert(plain);
            tx.missions().apply(cancelled.mission().cancel("resident felt unwell", now.plusSeconds(3), nurse));
            tx.missions().softDelete(cancelled.mission().id(), now.plusSeconds(4));
            tx.missions().apply(failed.mission().fail("felt dizzy", now.plusSeconds(3), nurse));
            tx.missions().apply(plain.mission().cancel(null, now.plusSeconds(3), nurse));
            return List.of(cancelled.mission().id(), failed.mission().id(), plain.mission().id()).stream()
                    .map(id -> tx.missions().findByIdIncludingDeleted(id).orElseThrow()).toList();
        });
    }

    private static Map<MissionId, List<MissionEvent>> events(TvmTransaction tx, List<Mission> missions) {
        Map<MissionId, List<MissionEvent>> out = new LinkedHashMap<>();
        missions.forEach(m -> out.put(m.id(), tx.missions().events(m.id())));
        return out;
    }

    @Test
    void erasureRemovesTheFreeTextOfAllTheResidentsMissionsButKeepsTheirStatistics() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        List<Mission> before = finishedMissions(w, r, now);
        Map<MissionId, List<MissionEvent>> eventsBefore = w.inTransaction((TvmTransaction tx) -> events(tx, before));

        w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, r.id(), "family request", now.plusSeconds(10)));

        w.run((TvmTransaction tx) -> {
            Mission cancelled = tx.missions().findByIdIncludingDeleted(before.get(0).id()).orElseThrow();
            Mission failed = tx.missions().findByIdIncludingDeleted(before.get(1).id()).orElseThrow();
            Mission plain = tx.missions().findByIdIncludingDeleted(before.get(2).id()).orElseThrow();
            assertThat(cancelled.notes()).isNull();
            assertThat(cancelled.failureReason()).isNull();
            assertThat(cancelled.isDeleted()).isTrue();
            assertThat(failed.notes()).isNull();
            assertThat(failed.failureReason()).isEqualTo("[erased]");
            assertThat(failed.status()).isEqualTo(MissionStatus.FAILED);
            // statuses, times, ids unchanged; version + 1 where text went (updatedAt is the database's)
            assertThat(cancelled).isEqualTo(before.get(0).residentTextErased(cancelled.updatedAt()));
            assertThat(failed).isEqualTo(before.get(1).residentTextErased(failed.updatedAt()));
            assertThat(plain).isEqualTo(before.get(2));

            Map<MissionId, List<MissionEvent>> eventsAfter = events(tx, before);
            eventsBefore.forEach((id, evs) -> assertThat(eventsAfter.get(id))
                    .containsExactlyElementsOf(evs.stream().map(MissionEvent::residentTextErased).toList()));
            assertThat(eventsAfter.get(cancelled.id())).filteredOn(e -> e.type() == MissionEventType.CANCELLED)
                    .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "[erased]"));
            assertThat(eventsAfter.get(failed.id())).filteredOn(e -> e.type() == MissionEventType.FAILED)
                    .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "[erased]"));
            for (Mission m : before) {
                assertThat(tx.audit().byResource("mission", m.id().value(), PageRequest.first(100)).items())
                        .allSatisfy(e -> assertThat(e.details().values())
                                .noneMatch(v -> v.contains("dizzy") || v.contains("unwell") || v.contains("oxygen")));
            }
        });
        // idempotent: nothing is left to erase, so no mission changes (nor its version)
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.missions().eraseResidentText(r.id(), now.plusSeconds(20))))
                .isZero();
    }

    @Test
    void erasureInOneFacilityLeavesAnotherFacilitysMissionsUntouched() {
        Instant now = baseNow();
        FacilityWorld a = FacilityWorld.create(subject(), now);
        FacilityWorld b = FacilityWorld.create(subject(), now);
        Resident inB = resident(b, now);
        List<Mission> missionsOfB = finishedMissions(b, inB, now);
        Map<MissionId, List<MissionEvent>> eventsOfB = b.inTransaction((TvmTransaction tx) -> events(tx, missionsOfB));

        assertThatThrownBy(() -> a.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.erase(tx, inB.id(), "family request", now.plusSeconds(10))))
                .isInstanceOf(NotFoundException.class);
        assertThat(a.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> tx.missions().eraseResidentText(inB.id(), now.plusSeconds(10)))).isZero();

        b.run((TvmTransaction tx) -> {
            assertThat(tx.residents().findById(inB.id())).contains(inB);
            assertThat(missionsOfB).allSatisfy(m ->
                    assertThat(tx.missions().findByIdIncludingDeleted(m.id())).contains(m));
            assertThat(events(tx, missionsOfB)).isEqualTo(eventsOfB);
        });
    }

    @Test
    void erasureReachesTheResidentsArchivedMissionsInTheContextFacilityOnly() {
        Assumptions.assumeTrue(subject().maintenance(Clock.systemUTC()).isPresent(),
                subject().name() + " declares no maintenance job");
        // as MaintenanceContract: a clock years in the past and data four years before it, so that maintenance
        // archives these missions and never the real-time rows of other tests in the shared database
        Instant now = MaintenanceContract.T0.plus(Duration.ofDays(11));
        Instant then = now.minus(4 * 366, ChronoUnit.DAYS);
        FacilityWorld w = FacilityWorld.create(subject(), then.minus(Duration.ofDays(1)));
        FacilityWorld other = FacilityWorld.create(subject(), then.minus(Duration.ofDays(1)));
        Resident r = resident(w, then);
        Resident elsewhere = resident(other, then);
        List<Mission> mine = finishedMissions(w, r, then);
        List<Mission> theirs = finishedMissions(other, elsewhere, then);
        try (TvmMaintenance maintenance = subject().maintenance(Clock.fixed(now, ZoneOffset.UTC)).orElseThrow()) {
            maintenance.run(RetentionPolicy.defaults());
            Map<MissionId, JsonObject> before = new LinkedHashMap<>();
            for (Mission m : concat(mine, theirs)) {
                before.put(m.id(), maintenance.archivedMission(m.id()).orElseThrow(() ->
                        new AssertionError("mission " + m.id() + " not archived")).document());
            }
            JsonObject failedBefore = mission(before.get(mine.get(1).id()));
            assertThat(failedBefore.get("notes")).contains(new JsonValue.Text("bring the oxygen bottle"));
            assertThat(failedBefore.get("failure_reason")).contains(new JsonValue.Text("felt dizzy"));

            // a rolled-back erasure leaves the archive as it was (the in-memory archive lives outside the snapshot)
            assertThatThrownBy(() -> w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
                assertThat(tx.missions().eraseResidentText(r.id(), now)).isEqualTo(2);
                throw new IllegalStateException("caller fails after the erasure");
            })).isInstanceOf(IllegalStateException.class).hasMessage("caller fails after the erasure");
            for (Mission m : concat(mine, theirs)) {
                assertThat(maintenance.archivedMission(m.id()).orElseThrow().document()).isEqualTo(before.get(m.id()));
            }

            w.inTransactionAs(RoleName.ADMIN,
                    (TvmTransaction tx) -> ResidentRights.erase(tx, r.id(), "family request", now));

            for (Mission m : mine) {
                JsonObject was = before.get(m.id());
                JsonObject is = maintenance.archivedMission(m.id()).orElseThrow().document();
                assertThat(mission(is).get("notes")).as("notes").satisfiesAnyOf(
                        n -> assertThat(n).isEmpty(), n -> assertThat(n).contains(JsonValue.Null.INSTANCE));
                assertThat(mission(is).get("failure_reason")).isEqualTo(m.failureReason() == null
                        ? mission(was).get("failure_reason") : java.util.Optional.of(new JsonValue.Text("[erased]")));
                List<JsonValue> events = events(is);
                assertThat(events).hasSameSizeAs(events(was));
                for (int i = 0; i < events.size(); i++) {
                    JsonObject event = (JsonObject) events.get(i);
                    JsonObject details = (JsonObject) event.members().get("details");
                    JsonObject detailsWas = (JsonObject) ((JsonObject) events(was).get(i)).members().get("details");
                    if (detailsWas.get("reason").isPresent()) {
                        assertThat(details.get("reason")).contains(new JsonValue.Text("[erased]"));
                    }
                    // every other member of the event, and of its details, as archived
                    assertThat(without(details, "reason")).isEqualTo(without(detailsWas, "reason"));
                    assertThat(without(event, "details")).isEqualTo(without((JsonObject) events(was).get(i), "details"));
                }
                // statistics, times, ids, status, version: every other member of the mission as archived
                assertThat(without(mission(is), "notes", "failure_reason"))
                        .isEqualTo(without(mission(was), "notes", "failure_reason"));
                assertThat(without(is, "mission", "events")).isEqualTo(without(was, "mission", "events"));
            }
            for (Mission m : theirs) {
                assertThat(maintenance.archivedMission(m.id()).orElseThrow().document()).isEqualTo(before.get(m.id()));
            }
            // nothing is left to erase: idempotent
            assertThat(w.inTransactionAs(RoleName.ADMIN,
                    (TvmTransaction tx) -> tx.missions().eraseResidentText(r.id(), now.plusSeconds(1)))).isZero();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static JsonObject mission(JsonObject document) {
        return (JsonObject) document.members().get("mission");
    }

    private static List<JsonValue> events(JsonObject document) {
        return ((JsonValue.Array) document.members().get("events")).items();
    }

    private static Map<String, JsonValue> without(JsonObject o, String... keys) {
        Map<String, JsonValue> members = new LinkedHashMap<>(o.members());
        for (String k : keys) {
            members.remove(k);
        }
        return members;
    }

    @Test
    void aRolledBackErasureChangesNothing() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        List<Mission> before = finishedMissions(w, r, now);
        Map<MissionId, List<MissionEvent>> eventsBefore = w.inTransaction((TvmTransaction tx) -> events(tx, before));

        assertThatThrownBy(() -> w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            ResidentRights.erase(tx, r.id(), "family request", now.plusSeconds(10));
            throw new IllegalStateException("caller fails after the erasure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("caller fails after the erasure");

        w.run((TvmTransaction tx) -> {
            assertThat(tx.residents().findById(r.id())).contains(r);
            assertThat(before).allSatisfy(m -> assertThat(tx.missions().findByIdIncludingDeleted(m.id())).contains(m));
            assertThat(events(tx, before)).isEqualTo(eventsBefore);
            assertThat(tx.audit().byResource("resident", r.id().value(), PageRequest.first(100)).items())
                    .extracting(AuditEntry::action).doesNotContain("resident.erase");
        });
    }

    private static void assertNoPersonalField(Resident original, Resident erased) {
        assertThat(erased.firstName()).isEqualTo("Deleted");
        assertThat(erased.lastName()).isEqualTo("User #" + original.id());
        assertThat(erased.phone()).isNull();
        assertThat(erased.emergencyContactName()).isNull();
        assertThat(erased.emergencyContactPhone()).isNull();
        assertThat(erased.medicalNotes()).isNull();
        assertThat(erased.photoUrl()).isNull();
        assertThat(erased.dateOfBirth()).isEqualTo(LocalDate.of(original.dateOfBirth().getYear(), 1, 1));
    }

    @Test
    void theAccessReportListsWhoReadOrChangedTheResidentWithTheirRoles() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = resident(w, now);
        w.inTransactionAs(RoleName.OPERATOR, (TvmTransaction tx) -> tx.residents().findById(r.id()));

        List<AccessReportLine> report = w.inTransactionAs(RoleName.ADMIN,
                (TvmTransaction tx) -> ResidentRights.accessReport(tx, r.id(), WINDOW_START, WINDOW_END));
        assertThat(report).anySatisfy(l -> {
            assertThat(l.userId()).isEqualTo(w.userId(RoleName.OPERATOR));
            assertThat(l.what()).isEqualTo("read");
            assertThat(l.roles()).containsExactly(RoleName.OPERATOR);
        });
        assertThat(report).anySatisfy(l -> {
            assertThat(l.userId()).isEqualTo(w.userId(RoleName.NURSE));
            assertThat(l.what()).isEqualTo("resident.create");
            assertThat(l.roles()).contains(RoleName.NURSE);
        });
        assertThat(report).isSortedAccordingTo(java.util.Comparator.comparing(AccessReportLine::at));
    }
}
