package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.ConstraintViolationException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.gdpr.AccessReportLine;
import org.tvm.ports.gdpr.ResidentExport;
import org.tvm.ports.gdpr.ResidentRights;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * {@link ResidentRights} on every adapter: the export holds the record with notes in clear, consent, missions with
 * events, caregivers and the access/audit history, and is itself recorded; erasure anonymises and soft-deletes, keeps
 * missions, is recorded with its reason and is refused while a mission is active; the access report lists who read or
 * changed the resident.
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
