package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.readOnly;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * Contract of {@link org.tvm.ports.MapRepository}: a map version round-trips with its payload, versions of a name are
 * listed newest first after the names in code-point order, {@code latest} is the highest version, (name, version) is
 * unique per facility, and maps of other facilities are neither writable nor visible.
 *
 * <p>Capabilities: none.
 */
public abstract class MapContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static Map<String, String> payload(String... keyValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], keyValues[i + 1]);
        }
        return data;
    }

    @Test
    void aMapVersionRoundTripsWithItsPayload() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityMap map = FacilityMap.first(f, "Ground floor",
                payload("zone:garden", "{\"type\":\"Polygon\",\"coordinates\":[[[139.7,35.6],[139.8,35.6],[139.7,35.6]]]}",
                        "no-go:pond", "", "note", "ünïcödé ✓ 'quoted' \"double\""), now);

        run(subject(), f, (TvmTransaction tx) -> tx.maps().insert(map));

        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().findById(map.id()))).contains(map);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().latest("Ground floor"))).contains(map);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().findById(MapId.newId()))).isEmpty();
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().latest("ground floor"))).isEmpty();
    }

    @Test
    void versionsAreListedByNameThenNewestFirstAndLatestIsTheHighest() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityMap b1 = FacilityMap.first(f, "b", payload("k", "1"), now);
        FacilityMap b2 = b1.nextVersion(payload("k", "2"), now.plusSeconds(1));
        FacilityMap b3 = b2.nextVersion(Map.of(), now.plusSeconds(2));
        FacilityMap upper = FacilityMap.first(f, "B", payload("k", "upper"), now);
        FacilityMap a1 = FacilityMap.first(f, "a", payload("k", "a"), now);
        run(subject(), f, (TvmTransaction tx) -> List.of(b2, a1, b3, upper, b1).forEach(tx.maps()::insert));

        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().list())).containsExactly(upper, a1, b3, b2, b1);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().latest("b"))).contains(b3);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().latest("missing"))).isEmpty();
    }

    @Test
    void theSameNameAndVersionTwiceIsADuplicateAndWritesNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityMap first = FacilityMap.first(f, "Main", payload("k", "v"), now);
        FacilityMap clash = FacilityMap.first(f, "Main", payload("k", "other"), now.plusSeconds(1));
        run(subject(), f, (TvmTransaction tx) -> tx.maps().insert(first));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.maps().insert(clash)))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        // H2 names the constraint's backing index ("..._index_3"); the shared error translation is
                        // where that suffix belongs to be removed
                        e -> {
                            assertThat(e.constraint()).startsWith("uq_maps_facility_name_version");
                            assertThat(e.entity()).isEqualTo("FacilityMap");
                        });
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.maps().insert(first)))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.entity()).isEqualTo("FacilityMap"));
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().list())).containsExactly(first);
        // another facility may use the same name and version
        FacilityId other = newFacility(subject(), now);
        FacilityMap same = FacilityMap.first(other, "Main", payload("k", "v"), now);
        run(subject(), other, (TvmTransaction tx) -> tx.maps().insert(same));
        assertThat(readOnly(subject(), other, (TvmTransaction tx) -> tx.maps().latest("Main"))).contains(same);
    }

    @Test
    void mapsOfAnotherFacilityAreNeitherWritableNorVisible() {
        Instant now = baseNow();
        FacilityId mine = newFacility(subject(), now);
        FacilityId theirs = newFacility(subject(), now);
        FacilityMap their = FacilityMap.first(theirs, "Theirs", payload("k", "v"), now);
        run(subject(), theirs, (TvmTransaction tx) -> tx.maps().insert(their));

        assertThatThrownBy(() -> run(subject(), mine, (TvmTransaction tx) -> tx.maps().insert(
                FacilityMap.first(theirs, "Sneaky", Map.of(), now)))).isInstanceOf(AccessDeniedException.class);
        assertThat(readOnly(subject(), mine, (TvmTransaction tx) -> tx.maps().findById(their.id()))).isEmpty();
        assertThat(readOnly(subject(), mine, (TvmTransaction tx) -> tx.maps().latest("Theirs"))).isEmpty();
        assertThat(readOnly(subject(), mine, (TvmTransaction tx) -> tx.maps().list())).isEmpty();
        assertThat(tx(subject(), theirs, (TvmTransaction tx) -> tx.maps().list())).containsExactly(their);
    }

    @Test
    void insertingInAReadOnlyTransactionIsRefused() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);

        assertThatThrownBy(() -> readOnly(subject(), f, (TvmTransaction tx) -> {
            tx.maps().insert(FacilityMap.first(f, "Read only", Map.of(), now));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(readOnly(subject(), f, (TvmTransaction tx) -> tx.maps().list())).isEmpty();
    }
}
