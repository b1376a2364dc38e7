package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.ports.DispatchOperations;
import org.tvm.ports.MapRepository;

class OrderingsTest {

    @Test
    void textIsOrderedByCodePointNotByUtf16Unit() {
        String bmpHigh = "\uFF21";              // FULLWIDTH A, U+FF21
        String supplementary = "\uD83D\uDE00";  // U+1F600, UTF-16 surrogates sort before U+FF21 in String.compareTo
        assertThat(bmpHigh.compareTo(supplementary)).isPositive();
        assertThat(Orderings.compareText(bmpHigh, supplementary)).isNegative();

        List<String> names = new ArrayList<>(List.of("b", supplementary, "B", "a", "", bmpHigh, "ab"));
        names.sort(Orderings.TEXT);
        assertThat(names).containsExactly("", "B", "a", "ab", "b", bmpHigh, supplementary);
        assertThat(Orderings.compareText("ab", "ab")).isZero();
        assertThat(Orderings.compareText("a", "ab")).isNegative();
        assertThat(Orderings.compareText("ab", "a")).isPositive();
    }

    @Test
    void uuidsAreOrderedAsUnsigned128BitValues() {
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID high = UUID.fromString("ffffffff-0000-7000-8000-000000000000");
        assertThat(high.compareTo(low)).isNegative(); // Java's signed order
        assertThat(Orderings.compareUuid(low, high)).isNegative();
        UUID lowTail = UUID.fromString("00000000-0000-7000-0000-000000000001");
        UUID highTail = UUID.fromString("00000000-0000-7000-ffff-000000000001");
        assertThat(Orderings.UUIDS.compare(lowTail, highTail)).isNegative();
        assertThat(Orderings.compareUuid(low, low)).isZero();
    }

    @Test
    void keyedComparatorsApplyTheSameRules() {
        record Row(String name, UUID id) { }
        UUID a = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID b = UUID.fromString("f0000000-0000-7000-8000-000000000001");
        List<Row> rows = new ArrayList<>(List.of(new Row("x", b), new Row("x", a), new Row("W", b)));
        rows.sort(Orderings.<Row>byText(Row::name).thenComparing(Orderings.byUuid(Row::id)));
        assertThat(rows).containsExactly(new Row("W", b), new Row("x", a), new Row("x", b));
    }

    @Test
    void mapsAreListedByNameThenNewestVersionFirst() {
        FacilityId f = FacilityId.of(UUID.fromString("00000000-0000-7000-8000-0000000000f1"));
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        FacilityMap b1 = FacilityMap.first(f, "b", Map.of(), now);
        FacilityMap b2 = b1.nextVersion(Map.of(), now);
        FacilityMap upperZ = FacilityMap.first(f, "Z", Map.of(), now);   // 'Z' (U+005A) sorts before 'b' (U+0062)
        List<FacilityMap> maps = new ArrayList<>(List.of(b1, upperZ, b2));
        maps.sort(MapRepository.LIST_ORDER);
        assertThat(maps).containsExactly(upperZ, b2, b1);
    }

    @Test
    void candidatesAreNearestFirstThenByNameThenById() {
        Vehicle alpha = vehicle("00000000-0000-7000-8000-000000000002", "alpha");
        Vehicle alphaLowId = vehicle("00000000-0000-7000-8000-000000000001", "alpha");
        Vehicle beta = vehicle("00000000-0000-7000-8000-000000000003", "beta");
        List<VehicleCandidate> candidates = new ArrayList<>(List.of(new VehicleCandidate(beta, 5.0),
                new VehicleCandidate(alpha, 5.0), new VehicleCandidate(beta, 1.0), new VehicleCandidate(alphaLowId, 5.0)));
        candidates.sort(DispatchOperations.CANDIDATE_ORDER);
        assertThat(candidates).extracting(c -> c.vehicle().name() + "@" + c.distanceMeters() + "#" + c.vehicle().id().value())
                .containsExactly("beta@1.0#" + beta.id().value(), "alpha@5.0#" + alphaLowId.id().value(),
                        "alpha@5.0#" + alpha.id().value(), "beta@5.0#" + beta.id().value());
    }

    private static Vehicle vehicle(String id, String name) {
        return Vehicle.builder().id(VehicleId.of(UUID.fromString(id)))
                .facilityId(FacilityId.of(UUID.fromString("00000000-0000-7000-8000-0000000000f1"))).name(name)
                .timestamps(Instant.parse("2026-12-01T00:00:00Z")).build();
    }
}
