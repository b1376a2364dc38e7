package org.tvm.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;

/** Valid building blocks for tests, plus the common "invalid because of this field" assertion. */
public final class TestData {

    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456Z");
    public static final FacilityId FACILITY = FacilityId.parse("0190a6f4-0000-7000-8000-000000000001");
    public static final FacilityId OTHER_FACILITY = FacilityId.parse("0190a6f4-0000-7000-8000-000000000002");
    public static final UserId USER = UserId.parse("0190a6f4-0000-7000-8000-0000000000a1");
    public static final ResidentId RESIDENT = ResidentId.parse("0190a6f4-0000-7000-8000-0000000000b1");
    public static final VehicleId VEHICLE = VehicleId.parse("0190a6f4-0000-7000-8000-0000000000c1");
    public static final String BCRYPT = "$2b$12$" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";

    private TestData() {
    }

    public static Facility.Builder facility() {
        return Facility.builder().id(FACILITY).name("Sunrise Care").address("1 Main St").timezone(ZoneId.of("Europe/Berlin"))
                .timestamps(NOW);
    }

    public static Resident.Builder resident() {
        return Resident.builder().facilityId(FACILITY).firstName("Ada").lastName("Lovelace")
                .dateOfBirth(LocalDate.of(1940, 5, 17)).timestamps(NOW);
    }

    public static Vehicle.Builder vehicle() {
        return Vehicle.builder().id(VEHICLE).facilityId(FACILITY).name("Vehicle Alpha").timestamps(NOW)
                .maxSpeedMps(new BigDecimal("2.0"));
    }

    public static User.Builder user() {
        return User.builder().id(USER).facilityId(FACILITY).email(EmailAddress.of("nurse@example.org"))
                .passwordHash(PasswordHash.of(BCRYPT)).firstName("Florence").lastName("Nightingale").timestamps(NOW);
    }

    public static MissionRequest.Builder request() {
        return MissionRequest.builder().facilityId(FACILITY).residentId(RESIDENT).createdBy(USER)
                .pickup(Place.of("Room 101")).dropoff(Place.of("Garden", GeoPoint.of(35.6, 139.7)))
                .priority(MissionPriority.HIGH);
    }

    public static Mission pendingMission() {
        return Mission.request(request().build(), NOW).mission();
    }

    /** Asserts a DomainValidationException naming {@code entity.field}. */
    public static void assertInvalid(ThrowingCallable call, String entity, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainValidationException.class)
                .satisfies(e -> {
                    DomainValidationException d = (DomainValidationException) e;
                    org.assertj.core.api.Assertions.assertThat(d.entity()).isEqualTo(entity);
                    org.assertj.core.api.Assertions.assertThat(d.field()).isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(d.getMessage()).startsWith(entity + "." + field + ": ");
                });
    }
}
