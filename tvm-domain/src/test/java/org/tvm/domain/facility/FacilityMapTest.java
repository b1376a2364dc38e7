package org.tvm.domain.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.FACILITY;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacilityMapTest {

    @Test
    void aMapStartsAtVersionOneAndChangesOnlyByPublishingTheNextVersion() {
        FacilityMap first = FacilityMap.first(FACILITY, "Ground floor", Map.of("zone:garden", "{\"type\":\"Polygon\"}"), NOW);
        FacilityMap second = first.nextVersion(Map.of("zone:garden", "{}", "no-go:pond", "{}"), NOW.plusSeconds(60));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.facilityId()).isEqualTo(FACILITY);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.data()).containsOnlyKeys("zone:garden", "no-go:pond");
        assertThat(FacilityMap.of(first.id(), FACILITY, first.name(), 1, first.data(), NOW, NOW)).isEqualTo(first)
                .hasSameHashCodeAs(first);
    }

    @Test
    void theDataIsACopyAndEveryFieldIsValidated() {
        Map<String, String> data = new HashMap<>(Map.of("k", "v"));
        FacilityMap map = FacilityMap.first(FACILITY, "M", data, NOW);
        data.put("later", "x");
        assertThat(map.data()).containsOnlyKeys("k");

        assertInvalid(() -> FacilityMap.first(FACILITY, " ", Map.of(), NOW), "FacilityMap", "name");
        assertInvalid(() -> FacilityMap.first(FACILITY, "x".repeat(201), Map.of(), NOW), "FacilityMap", "name");
        assertInvalid(() -> FacilityMap.first(null, "M", Map.of(), NOW), "FacilityMap", "facilityId");
        assertInvalid(() -> FacilityMap.first(FACILITY, "M", null, NOW), "FacilityMap", "data");
        assertInvalid(() -> FacilityMap.first(FACILITY, "M", Map.of(" ", "v"), NOW), "FacilityMap", "data");
        assertInvalid(() -> FacilityMap.of(MapId.newId(), FACILITY, "M", 0, Map.of(), NOW, NOW), "FacilityMap", "version");
        assertInvalid(() -> FacilityMap.first(FACILITY, "M", Map.of(), null), "FacilityMap", "createdAt");
    }
}
