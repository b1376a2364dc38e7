package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.ResidentRepository}: every field round-trips (written in one transaction, read in
 * another), soft delete hides residents from default reads ({@code findById}, {@code list}, {@code update}) while
 * {@code findByIdIncludingDeleted} still sees them with their deletion time, deletion is idempotent, updates overwrite
 * the mutable fields and return the stored state, and duplicate ids / unknown ids are translated to
 * {@link DuplicateKeyException} / {@link NotFoundException}.
 *
 * <p>Capabilities: none (sealing of medical notes at rest is covered by {@link SensitiveFieldsContract}).
 */
public abstract class ResidentContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void residentWithEveryFieldRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Instant updatedAt = now.plusSeconds(7).plusNanos(123_000);
        Resident resident = TvmTestData.resident(f).allFields().at(now).with(b -> b.updatedAt(updatedAt)).build();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        Resident read = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());
        assertThat(read).isEqualTo(resident);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.updatedAt()).isEqualTo(updatedAt);
        assertThat(read.medicalNotes().reveal()).isEqualTo(resident.medicalNotes().reveal());
        assertThat(read.gdprConsentDate()).isEqualTo(resident.gdprConsentDate());
    }

    @Test
    void residentWithOnlyRequiredFieldsRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        Resident read = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());
        assertThat(read).isEqualTo(resident);
        assertThat(read.gender()).isNull();
        assertThat(read.phone()).isNull();
        assertThat(read.medicalNotes()).isNull();
        assertThat(read.wheelchairType()).isNull();
        assertThat(read.deletedAt()).isNull();
    }

    @Test
    void everyGenderAndWheelchairTypeRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        List<Resident> residents = new java.util.ArrayList<>();
        for (Gender gender : Gender.values()) {
            for (WheelchairType type : WheelchairType.values()) {
                residents.add(TvmTestData.resident(f).with(b -> b.gender(gender).wheelchairType(type)).at(now).build());
            }
        }

        run(subject(), f, (TvmTransaction tx) -> residents.forEach(tx.residents()::insert));

        run(subject(), f, (TvmTransaction tx) -> residents.forEach(r -> assertThat(tx.residents().findById(r.id())).contains(r)));
    }

    @Test
    void softDeletedResidentIsHiddenFromDefaultReadsButFoundIncludingDeleted() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        Resident kept = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.residents().insert(kept);
        });
        Instant deletedAt = now.plusSeconds(90);

        run(subject(), f, (TvmTransaction tx) -> tx.residents().softDelete(resident.id(), deletedAt));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.residents().findById(resident.id())).isEmpty();
            assertThat(tx.residents().list(PageRequest.first(100)).items()).containsExactly(kept);
            Resident deleted = tx.residents().findByIdIncludingDeleted(resident.id()).orElseThrow();
            assertThat(deleted.deletedAt()).isEqualTo(deletedAt);
            assertThat(deleted.isDeleted()).isTrue();
            assertThat(deleted.toBuilder().deletedAt(null).updatedAt(resident.updatedAt()).build()).isEqualTo(resident);
        });
    }

    @Test
    void residentInsertedAsDeletedIsHiddenFromDefaultReads() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident deleted = TvmTestData.resident(f).at(now).deletedAt(now.plusSeconds(1)).build();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(deleted));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.residents().findById(deleted.id())).isEmpty();
            assertThat(tx.residents().list(PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.residents().findByIdIncludingDeleted(deleted.id())).contains(deleted);
        });
    }

    @Test
    void softDeleteIsIdempotentAndKeepsTheFirstDeletionTime() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        run(subject(), f, (TvmTransaction tx) -> tx.residents().softDelete(resident.id(), now.plusSeconds(10)));
        run(subject(), f, (TvmTransaction tx) -> tx.residents().softDelete(resident.id(), now.plusSeconds(20)));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(resident.id()).orElseThrow().deletedAt()))
                .isEqualTo(now.plusSeconds(10));
    }

    @Test
    void softDeleteOfAnUnknownResidentIsNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        ResidentId unknown = ResidentId.newId();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.residents().softDelete(unknown, now)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entity()).isEqualTo("Resident");
                    assertThat(e.id()).isEqualTo(unknown.value().toString());
                });
    }

    @Test
    void updateOverwritesMutableFieldsAndReturnsTheStoredState() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));
        Resident changed = resident.toBuilder().firstName("Grace").lastName("Hopper-" + TvmTestData.unique())
                .dateOfBirth(LocalDate.of(1936, 12, 9)).gender(Gender.FEMALE).phone(PhoneNumber.of("+44 20 7946 0958"))
                .emergencyContactName("Vincent Hopper").emergencyContactPhone(PhoneNumber.of("+442079460000"))
                .medicalNotes(SensitiveText.of("Uses hearing aid")).wheelchairType(WheelchairType.TRANSPORT_CHAIR)
                .requiresAssistance(true).preferredLanguage("de").photoUrl("http://photos.example.org/grace.png")
                .updatedAt(now.plusSeconds(30)).build().giveConsent(now.plusSeconds(30));

        Resident returned = tx(subject(), f, (TvmTransaction tx) -> tx.residents().update(changed));
        Resident reread = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());

        assertThat(reread).isEqualTo(returned);
        assertThat(reread.toBuilder().updatedAt(changed.updatedAt()).build()).isEqualTo(changed);
        assertThat(reread.createdAt()).isEqualTo(resident.createdAt());
    }

    @Test
    void updateCanClearOptionalFields() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).allFields().at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));
        Resident cleared = resident.toBuilder().gender(null).phone(null).emergencyContactName(null)
                .emergencyContactPhone(null).medicalNotes(null).wheelchairType(null).photoUrl(null).build()
                .withdrawConsent(now.plusSeconds(5));

        run(subject(), f, (TvmTransaction tx) -> tx.residents().update(cleared));

        Resident reread = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());
        assertThat(reread.toBuilder().updatedAt(cleared.updatedAt()).build()).isEqualTo(cleared);
    }

    @Test
    void updateNeverChangesCreatedAtOrDeletedAt() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));
        Resident sneaky = resident.toBuilder().firstName("Changed").createdAt(now.minusSeconds(3600))
                .deletedAt(now.plusSeconds(1)).updatedAt(now.plusSeconds(2)).build();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().update(sneaky));

        Resident reread = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());
        assertThat(reread.firstName()).isEqualTo("Changed");
        assertThat(reread.createdAt()).isEqualTo(now);
        assertThat(reread.deletedAt()).isNull();
    }

    @Test
    void updateOfASoftDeletedResidentIsNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.residents().softDelete(resident.id(), now.plusSeconds(1));
        });

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.residents().update(resident.toBuilder().firstName("X").build())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("Resident"));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(resident.id()).orElseThrow().firstName()))
                .isEqualTo(resident.firstName());
    }

    @Test
    void updateOfAnUnknownResidentIsNotFound() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident never = TvmTestData.resident(f).at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.residents().update(never)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findByIdIncludingDeleted(never.id()))).isEmpty();
    }

    @Test
    void duplicateIdIsADuplicateKeyEvenInAnotherFacility() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident.toBuilder().firstName("Twin").build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Resident"));
        assertThatThrownBy(() -> run(subject(), other, (TvmTransaction tx) -> tx.residents().insert(
                resident.toBuilder().facilityId(other).build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Resident"));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()))).contains(resident);
    }

    @Test
    void findByIdOfAnUnknownResidentIsEmpty() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.residents().findById(ResidentId.of(UUID.randomUUID()))).isEmpty();
            assertThat(tx.residents().findByIdIncludingDeleted(ResidentId.newId())).isEmpty();
        });
    }

    @Test
    void listIsOrderedByLastNameThenFirstNameThenIdInCodePointOrder() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident smithBob = TvmTestData.resident(f).lastName("Smith").firstName("Bob").at(now).build();
        Resident smithAnn = TvmTestData.resident(f).lastName("Smith").firstName("Ann").at(now).build();
        Resident lowerAdams = TvmTestData.resident(f).lastName("adams").firstName("Zoe").at(now).build();
        Resident upperZed = TvmTestData.resident(f).lastName("Zed").firstName("Al").at(now).build();
        List<UUID> ids = TvmTestData.ascendingUuids(2);
        Resident twin1 = TvmTestData.resident(f).id(ResidentId.of(ids.get(1)))
                .lastName("Twin").firstName("Tom").at(now).build();
        Resident twin2 = TvmTestData.resident(f).id(ResidentId.of(ids.get(0)))
                .lastName("Twin").firstName("Tom").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> List.of(upperZed, twin1, smithBob, lowerAdams, twin2, smithAnn).forEach(tx.residents()::insert));

        Page<Resident> page = tx(subject(), f, (TvmTransaction tx) -> tx.residents().list(PageRequest.first(100)));

        assertThat(page.items()).containsExactly(smithAnn, smithBob, twin2, twin1, upperZed, lowerAdams);
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void listOfAFacilityWithoutResidentsIsAnEmptyLastPage() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        Page<Resident> page = tx(subject(), f, (TvmTransaction tx) -> tx.residents().list(PageRequest.first(5)));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }
}
