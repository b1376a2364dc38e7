package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.AuditRepository}: audit entries are append-only (identical entries are both kept),
 * round-trip with every field, and are queried by resource and by user (half-open window) oldest first (timestamp,
 * then insertion order); an entry without facility is stored with the context facility; resident reads and updates
 * through {@link org.tvm.ports.ResidentRepository} record data-access entries for the context actor (null for a system
 * context), and manual data-access entries are validated ({@link UnknownReferenceException}).
 *
 * <p>Capabilities: none.
 */
public abstract class AuditContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private List<AuditEntry> byResource(FacilityWorld w, String type, UUID id) {
        return w.inTransaction((TvmTransaction tx) -> tx.audit().byResource(type, id, PageRequest.first(1000)).items());
    }

    @Test
    void entryWithEveryFieldRoundTrips() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        AuditEntry entry = TvmTestData.auditEntry(w.facilityId()).user(w.userId(RoleName.ADMIN), w.user(RoleName.ADMIN).email().value())
                .resource("mission", resource).allFields().at(now).build();
        AuditEntry failed = TvmTestData.auditEntry(w.facilityId()).resource("mission", resource).action("mission.cancel")
                .failed("missing permission mission:cancel").at(now.plusSeconds(1)).build();

        w.run((TvmTransaction tx) -> {
            tx.audit().append(entry);
            tx.audit().append(failed);
        });

        assertThat(byResource(w, "mission", resource)).containsExactly(entry, failed);
    }

    @Test
    void byResourceIsOldestFirstRegardlessOfInsertionOrder() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(TvmTestData.auditEntry(w.facilityId()).resource("vehicle", resource).action("vehicle.step" + i)
                    .at(now.plusSeconds(i)).build());
        }
        AuditEntry otherResource = TvmTestData.auditEntry(w.facilityId()).resource("vehicle", UUID.randomUUID()).at(now).build();
        AuditEntry otherType = TvmTestData.auditEntry(w.facilityId()).resource("mission", resource).at(now).build();

        w.run((TvmTransaction tx) -> List.of(entries.get(3), entries.get(0), otherResource, entries.get(5), entries.get(1),
                otherType, entries.get(4), entries.get(2)).forEach(tx.audit()::append));

        assertThat(byResource(w, "vehicle", resource)).containsExactlyElementsOf(entries);
        assertThat(byResource(w, "mission", resource)).containsExactly(otherType);
    }

    @Test
    void entriesWithTheSameTimestampKeepInsertionOrderAndDuplicatesAreKept() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        AuditEntry a = TvmTestData.auditEntry(w.facilityId()).resource("resident", resource).action("resident.read").at(now).build();
        AuditEntry b = TvmTestData.auditEntry(w.facilityId()).resource("resident", resource).action("resident.export").at(now).build();

        w.run((TvmTransaction tx) -> {
            tx.audit().append(a);
            tx.audit().append(b);
        });
        w.run((TvmTransaction tx) -> tx.audit().append(a));

        assertThat(byResource(w, "resident", resource)).containsExactly(a, b, a);
    }

    @Test
    void byUserReturnsTheUsersEntriesInAHalfOpenWindowOldestFirst() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UserId nurse = w.userId(RoleName.NURSE);
        String email = w.user(RoleName.NURSE).email().value();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(TvmTestData.auditEntry(w.facilityId()).user(nurse, email).at(now.plusSeconds(10L * i)).build());
        }
        AuditEntry someoneElse = TvmTestData.auditEntry(w.facilityId()).user(w.userId(RoleName.ADMIN), null).at(now.plusSeconds(15)).build();
        w.run((TvmTransaction tx) -> {
            for (int i = entries.size() - 1; i >= 0; i--) {
                tx.audit().append(entries.get(i));
            }
            tx.audit().append(someoneElse);
        });

        w.run((TvmTransaction tx) -> {
            assertThat(tx.audit().byUser(nurse, WINDOW_START, WINDOW_END, PageRequest.first(100)).items())
                    .containsExactlyElementsOf(entries);
            assertThat(tx.audit().byUser(nurse, now.plusSeconds(10), now.plusSeconds(30), PageRequest.first(100)).items())
                    .containsExactly(entries.get(1), entries.get(2));
            assertThat(tx.audit().byUser(nurse, now, now, PageRequest.first(100)).items()).isEmpty();
            assertThat(tx.audit().byUser(UserId.newId(), WINDOW_START, WINDOW_END, PageRequest.first(100)).items()).isEmpty();
        });
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.audit().byUser(nurse, now.plusSeconds(1), now, PageRequest.first(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void auditPagesAreOldestFirstAcrossPages() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(TvmTestData.auditEntry(w.facilityId()).resource("mission", resource).at(now.plusSeconds(i)).build());
        }
        w.run((TvmTransaction tx) -> entries.forEach(tx.audit()::append));

        List<AuditEntry> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (request != null) {
            PageRequest current = request;
            Page<AuditEntry> page = w.inTransaction((TvmTransaction tx) -> tx.audit().byResource("mission", resource, current));
            seen.addAll(page.items());
            request = page.nextRequest(3).orElse(null);
        }

        assertThat(seen).containsExactlyElementsOf(entries);
    }

    @Test
    void entryWithoutFacilityIsStoredWithTheContextFacility() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        AuditEntry withoutFacility = TvmTestData.auditEntry(w.facilityId()).facilityId(null).resource("user", resource).at(now).build();

        w.run((TvmTransaction tx) -> tx.audit().append(withoutFacility));

        assertThat(byResource(w, "user", resource))
                .containsExactly(withoutFacility.toBuilder().facilityId(w.facilityId()).build());
    }

    @Test
    void residentReadsAndUpdatesRecordDataAccessForTheContextActor() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UserId nurse = w.userId(RoleName.NURSE);
        ResidentId resident = w.residentId(1);

        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            Resident r = tx.residents().findById(resident).orElseThrow();
            tx.residents().findByIdIncludingDeleted(resident);
            tx.residents().update(r.toBuilder().firstName("Updated").build());
            return null;
        });

        List<DataAccessEntry> entries = w.inTransaction((TvmTransaction tx) -> tx.audit().dataAccessFor(resident, WINDOW_START, WINDOW_END));
        assertThat(entries).extracting(DataAccessEntry::accessType)
                .containsExactly(DataAccessType.READ, DataAccessType.READ, DataAccessType.UPDATE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.userId()).isEqualTo(nurse);
            assertThat(e.residentId()).isEqualTo(resident);
            assertThat(e.facilityId()).isEqualTo(w.facilityId());
        });
    }

    @Test
    void listingResidentsRecordsOneReadPerReturnedResidentAndSystemReadsHaveNoUser() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);

        w.run((TvmTransaction tx) -> tx.residents().list(PageRequest.first(2)));
        w.run((TvmTransaction tx) -> tx.residents().findById(ResidentId.newId()));

        w.run((TvmTransaction tx) -> {
            List<DataAccessEntry> first = tx.audit().dataAccessFor(w.residentId(0), WINDOW_START, WINDOW_END);
            List<DataAccessEntry> second = tx.audit().dataAccessFor(w.residentId(1), WINDOW_START, WINDOW_END);
            List<DataAccessEntry> third = tx.audit().dataAccessFor(w.residentId(2), WINDOW_START, WINDOW_END);
            assertThat(first).singleElement().satisfies(e -> {
                assertThat(e.accessType()).isEqualTo(DataAccessType.READ);
                assertThat(e.userId()).isNull();
            });
            assertThat(second).hasSize(1);
            assertThat(third).isEmpty();
        });
    }

    @Test
    void manualDataAccessEntriesRoundTripOldestFirstInAHalfOpenWindow() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        ResidentId resident = w.residentId(2);
        DataAccessEntry export = TvmTestData.dataAccess(w.facilityId(), resident).user(w.userId(RoleName.ADMIN))
                .type(DataAccessType.EXPORT).at(now.minusSeconds(3600)).build();
        DataAccessEntry read = TvmTestData.dataAccess(w.facilityId(), resident).type(DataAccessType.READ)
                .at(now.minusSeconds(7200)).build();

        w.run((TvmTransaction tx) -> {
            tx.audit().recordDataAccess(export);
            tx.audit().recordDataAccess(read);
        });

        w.run((TvmTransaction tx) -> {
            assertThat(tx.audit().dataAccessFor(resident, now.minusSeconds(7200), now.minusSeconds(1800))).containsExactly(read, export);
            assertThat(tx.audit().dataAccessFor(resident, now.minusSeconds(7199), now.minusSeconds(3600))).isEmpty();
        });
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.audit().dataAccessFor(resident, now, now.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataAccessForAnUnknownResidentIsAnUnknownReference() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        ResidentId unknown = ResidentId.newId();

        assertThatThrownBy(() -> w.run((TvmTransaction tx) -> tx.audit().recordDataAccess(
                TvmTestData.dataAccess(w.facilityId(), unknown).build()))).isInstanceOf(UnknownReferenceException.class);
        assertThat(w.inTransaction((TvmTransaction tx) -> tx.audit().dataAccessFor(unknown, WINDOW_START, WINDOW_END))).isEmpty();
    }

    @Test
    void dataAccessOfSoftDeletedResidentsStaysQueryable() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        ResidentId resident = w.residentId(0);
        w.run((TvmTransaction tx) -> {
            tx.residents().findById(resident);
            tx.residents().softDelete(resident, now.plusSeconds(1));
        });

        assertThat(w.inTransaction((TvmTransaction tx) -> tx.audit().dataAccessFor(resident, WINDOW_START, WINDOW_END))).hasSize(1);
    }
}
