package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.domain.TestData.assertInvalid;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.LocationId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.ResidentId;

class TypedIdsTest {

    record IdType(String name, Supplier<Object> newId, Function<UUID, Object> of, Function<String, Object> parse,
                  Function<Object, UUID> value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> idTypes() {
        return Stream.of(
                new IdType("FacilityId", FacilityId::newId, FacilityId::of, FacilityId::parse, o -> ((FacilityId) o).value()),
                new IdType("LocationId", LocationId::newId, LocationId::of, LocationId::parse, o -> ((LocationId) o).value()),
                new IdType("ResidentId", ResidentId::newId, ResidentId::of, ResidentId::parse, o -> ((ResidentId) o).value()),
                new IdType("VehicleId", VehicleId::newId, VehicleId::of, VehicleId::parse, o -> ((VehicleId) o).value()),
                new IdType("MissionId", MissionId::newId, MissionId::of, MissionId::parse, o -> ((MissionId) o).value()),
                new IdType("UserId", UserId::newId, UserId::of, UserId::parse, o -> ((UserId) o).value()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void newIdIsUuid7AndRoundTripsThroughText(IdType type) {
        Object id = type.newId().get();
        UUID uuid = type.value().apply(id);
        assertThat(Uuid7.isVersion7(uuid)).isTrue();
        assertThat(id.toString()).isEqualTo(uuid.toString());
        assertThat(type.parse().apply(id.toString())).isEqualTo(id);
        assertThat(type.of().apply(uuid)).isEqualTo(id);
        assertThat(type.parse().apply(id.toString().toUpperCase())).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void rejectsNullAndMalformed(IdType type) {
        assertInvalid(() -> type.of().apply(null), type.name(), "value");
        for (String bad : List.of("", "not-a-uuid", "1-1-1-1-1", "0190a6f4-0000-7000-8000-00000000000g")) {
            assertInvalid(() -> type.parse().apply(bad), type.name(), "value");
        }
        assertInvalid(() -> type.parse().apply(null), type.name(), "value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void newIdsAreUniqueAndIncreasing(IdType type) {
        UUID a = type.value().apply(type.newId().get());
        UUID b = type.value().apply(type.newId().get());
        assertThat(b).isGreaterThan(a);
    }
}
