package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.readOnly;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationKind;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.NotFoundException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.FacilityRepository} (and facility creation through
 * {@link org.tvm.ports.TvmAdministration#createFacility}): the context facility round-trips with every field,
 * updates change name, address and time zone only, locations round-trip and are listed by name (binary code-point
 * order) then id, duplicates and foreign-facility writes are translated to the port's exceptions.
 *
 * <p>Capabilities: none.
 */
public abstract class FacilityContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void createdFacilityRoundTripsThroughAdministrationAndTheContext() {
        Instant now = baseNow();
        Facility facility = TvmTestData.facility().address("Rua Augusta 12, Lisboa").timezone(ZoneId.of("Europe/Lisbon"))
                .at(now).with(b -> b.updatedAt(now.plusSeconds(17))).build();

        subject().administration().createFacility(facility);

        assertThat(subject().administration().findFacility(facility.id())).contains(facility);
        Facility read = tx(subject(), facility.id(), (TvmTransaction tx) -> tx.facilities().current()).orElseThrow();
        assertThat(read).isEqualTo(facility);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.updatedAt()).isEqualTo(now.plusSeconds(17));
    }

    @Test
    void facilityWithoutAddressRoundTrips() {
        Instant now = baseNow();
        Facility facility = TvmTestData.facility().address(null).timezone(ZoneId.of("America/New_York")).at(now).build();

        subject().administration().createFacility(facility);

        assertThat(readOnly(subject(), facility.id(), (TvmTransaction tx) -> tx.facilities().current())).contains(facility);
    }

    @Test
    void currentIsEmptyForAContextWhoseFacilityDoesNotExist() {
        FacilityId unknown = FacilityId.newId();

        assertThat(tx(subject(), unknown, (TvmTransaction tx) -> tx.facilities().current())).isEmpty();
        assertThat(subject().administration().findFacility(unknown)).isEmpty();
    }

    @Test
    void updateChangesNameAddressAndTimezoneButKeepsIdAndCreatedAt() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Facility original = subject().administration().findFacility(f).orElseThrow();
        Facility changed = original.toBuilder().name("Renamed " + TvmTestData.unique()).address("New Road 5")
                .timezone(ZoneId.of("Asia/Tokyo")).updatedAt(now.plusSeconds(60)).build();

        Facility returned = tx(subject(), f, (TvmTransaction tx) -> tx.facilities().update(changed));
        Facility reread = tx(subject(), f, (TvmTransaction tx) -> tx.facilities().current().orElseThrow());

        assertThat(reread).isEqualTo(returned);
        assertThat(reread.toBuilder().updatedAt(changed.updatedAt()).build()).isEqualTo(changed);
        assertThat(reread.createdAt()).isEqualTo(original.createdAt());
    }

    @Test
    void updateOfAnotherFacilityIsDeniedAndWritesNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Facility otherFacility = subject().administration().findFacility(other).orElseThrow();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.facilities().update(otherFacility.toBuilder().name("Taken").build())))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(subject().administration().findFacility(other)).contains(otherFacility);
    }

    @Test
    void updateOfAFacilityThatDoesNotExistIsNotFound() {
        Instant now = baseNow();
        Facility ghost = TvmTestData.facility().at(now).build();

        assertThatThrownBy(() -> run(subject(), ghost.id(), (TvmTransaction tx) -> tx.facilities().update(ghost)))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).entity()).isEqualTo("Facility"));
    }

    @Test
    void createFacilityWithAnExistingIdIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Facility duplicate = TvmTestData.facility().id(f).at(now).build();

        assertThatThrownBy(() -> subject().administration().createFacility(duplicate))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).entity()).isEqualTo("Facility"));
    }

    @Test
    void insertedLocationRoundTripsWithEveryField() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Location location = TvmTestData.location(f).kind(LocationKind.CHARGING_STATION)
                .point(GeoPoint.of(-33.8688197, 151.2092955)).zone("Basement B2").at(now)
                .with(b -> b.updatedAt(now.plusSeconds(19))).build();

        Location returned = tx(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(location));

        assertThat(returned).isEqualTo(location);
        List<Location> read = tx(subject(), f, (TvmTransaction tx) -> tx.facilities().locations());
        assertThat(read).containsExactly(location);
        assertThat(read.get(0).createdAt()).isEqualTo(now);
        assertThat(read.get(0).updatedAt()).isEqualTo(now.plusSeconds(19));
    }

    @ParameterizedTest
    @EnumSource(LocationKind.class)
    void everyLocationKindRoundTrips(LocationKind kind) {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Location location = TvmTestData.location(f).kind(kind).zone(null).at(now).build();

        run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(location));

        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.facilities().locations())).containsExactly(location);
    }

    @Test
    void locationsAreOrderedByNameInCodePointOrder() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Location zebra = TvmTestData.location(f).name("Zebra lounge").at(now).build();
        Location lowerAlpha = TvmTestData.location(f).name("alpha room").at(now).build();
        Location upperBeta = TvmTestData.location(f).name("Beta hall").at(now).build();
        Location umlaut = TvmTestData.location(f).name("\u00c4rztezimmer").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> List.of(zebra, lowerAlpha, umlaut, upperBeta).forEach(tx.facilities()::insertLocation));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.facilities().locations()))
                .containsExactly(upperBeta, zebra, lowerAlpha, umlaut);
    }

    @Test
    void duplicateLocationIdIsADuplicateKey() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Location location = TvmTestData.location(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(location));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(
                location.toBuilder().name("Other name").build())))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).entity()).isEqualTo("Location"));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.facilities().locations())).containsExactly(location);
    }

    @Test
    void duplicateLocationNameInTheFacilityIsADuplicateKeyButAllowedElsewhere() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Location location = TvmTestData.location(f).name("Chapel").at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(location));
        Location sameNameElsewhere = TvmTestData.location(other).name("Chapel").at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(
                TvmTestData.location(f).name("Chapel").at(now).build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.entity()).isEqualTo("Location"));
        run(subject(), other, (TvmTransaction tx) -> tx.facilities().insertLocation(sameNameElsewhere));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.facilities().locations())).containsExactly(location);
        assertThat(tx(subject(), other, (TvmTransaction tx) -> tx.facilities().locations())).containsExactly(sameNameElsewhere);
    }

    @Test
    void locationOfAnotherFacilityIsDeniedAndWritesNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Location foreign = TvmTestData.location(other).at(now).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.facilities().insertLocation(foreign)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(tx(subject(), other, (TvmTransaction tx) -> tx.facilities().locations())).isEmpty();
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.facilities().locations())).isEmpty();
    }

    @Test
    void locationsAreEmptyForAFacilityWithoutLocations() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.facilities().locations())).isEmpty();
    }
}
