package org.tvm.domain.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.NOW;
import static org.tvm.domain.TestData.assertInvalid;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.TestData;

class FacilityAndLocationTest {

    @Test
    void createSetsIdAndTimestamps() {
        Facility f = Facility.create("Sunrise Care", null, ZoneId.of("Asia/Tokyo"), NOW.plusNanos(500));
        assertThat(f.id()).isNotNull();
        assertThat(f.createdAt()).isEqualTo(NOW).isEqualTo(f.updatedAt());
        assertThat(f.address()).isNull();
        assertThat(f.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(f.toBuilder().build()).isEqualTo(f).hasSameHashCodeAs(f);
        assertThat(f.toString()).contains("Sunrise Care");
    }

    @Test
    void facilityInvariants() {
        assertThat(TestData.facility().name("x".repeat(200)).build().name()).hasSize(200);
        assertInvalid(() -> TestData.facility().id(null).build(), "Facility", "id");
        assertInvalid(() -> TestData.facility().name(null).build(), "Facility", "name");
        assertInvalid(() -> TestData.facility().name(" ").build(), "Facility", "name");
        assertInvalid(() -> TestData.facility().name("x".repeat(201)).build(), "Facility", "name");
        assertInvalid(() -> TestData.facility().address("").build(), "Facility", "address");
        assertInvalid(() -> TestData.facility().timezone(null).build(), "Facility", "timezone");
        assertInvalid(() -> TestData.facility().createdAt(null).build(), "Facility", "createdAt");
        assertInvalid(() -> TestData.facility().updatedAt(null).build(), "Facility", "updatedAt");
    }

    private static Location.Builder location() {
        return Location.builder().facilityId(TestData.FACILITY).name("Room 101").kind(LocationKind.ROOM)
                .point(GeoPoint.of(35.6, 139.7)).zone("Building A").timestamps(NOW);
    }

    @Test
    void locationValidAndRoundTrips() {
        Location l = location().build();
        assertThat(l.id()).isNotNull();
        assertThat(l.kind()).isEqualTo(LocationKind.ROOM);
        assertThat(l.toBuilder().build()).isEqualTo(l).hasSameHashCodeAs(l);
        assertThat(location().zone(null).build().zone()).isNull();
        assertThat(l.toString()).contains("Room 101");
    }

    @Test
    void locationInvariants() {
        assertInvalid(() -> location().id(null).build(), "Location", "id");
        assertInvalid(() -> location().facilityId(null).build(), "Location", "facilityId");
        assertInvalid(() -> location().name(null).build(), "Location", "name");
        assertInvalid(() -> location().name("x".repeat(201)).build(), "Location", "name");
        assertInvalid(() -> location().kind(null).build(), "Location", "kind");
        assertInvalid(() -> location().point(null).build(), "Location", "point");
        assertInvalid(() -> location().zone("z".repeat(101)).build(), "Location", "zone");
        assertInvalid(() -> location().zone(" ").build(), "Location", "zone");
        assertInvalid(() -> location().createdAt(null).build(), "Location", "createdAt");
        assertInvalid(() -> location().updatedAt(null).build(), "Location", "updatedAt");
    }
}
