package org.tvm.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.AccessDecision;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.ResidentId;

class ExceptionsTest {

    private static final String UUID_TEXT = "0190c7d2-0000-7000-8000-00000000000a";

    @Test
    void duplicateKeyNamesEntityAndConstraint() {
        SQLException cause = new SQLException("duplicate key value violates unique constraint; Key (name)=(Robo 1)");
        DuplicateKeyException e = new DuplicateKeyException("Vehicle", "uq_vehicles_facility_name", cause);
        assertThat(e).isInstanceOf(TvmPersistenceException.class)
                .hasMessage("Duplicate key for Vehicle (constraint uq_vehicles_facility_name)")
                .cause().isInstanceOf(WithheldDatabaseError.class).hasMessageNotContaining("Robo 1");
        assertThat(e.entity()).isEqualTo("Vehicle");
        assertThat(e.constraint()).isEqualTo("uq_vehicles_facility_name");
        assertThat(e.getMessage()).doesNotContain("Robo 1");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void duplicateKeyWithoutConstraint() {
        DuplicateKeyException e = new DuplicateKeyException("User", null);
        assertThat(e).hasMessage("Duplicate key for User");
        assertThat(e.constraint()).isNull();
    }

    @Test
    void staleVersion() {
        MissionId id = MissionId.of(UUID.fromString(UUID_TEXT));
        StaleVersionException e = new StaleVersionException("Mission", id, 3);
        assertThat(e).hasMessage("Stale version for Mission " + UUID_TEXT
                + ": expected version 3 but it was modified concurrently");
        assertThat(e.entity()).isEqualTo("Mission");
        assertThat(e.id()).isEqualTo(UUID_TEXT);
        assertThat(e.expectedVersion()).isEqualTo(3);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void constraintViolation() {
        ConstraintViolationException e = new ConstraintViolationException("Vehicle", "check_battery_level",
                "battery level out of range");
        assertThat(e).hasMessage("Constraint violated on Vehicle: check_battery_level (battery level out of range)");
        assertThat(e.entity()).isEqualTo("Vehicle");
        assertThat(e.constraint()).isEqualTo("check_battery_level");
        assertThat(e.detail()).isEqualTo("battery level out of range");

        ConstraintViolationException bare = new ConstraintViolationException(null, "telemetry_partition", null);
        assertThat(bare).hasMessage("Constraint violated: telemetry_partition");
        assertThat(bare.entity()).isNull();
        assertThat(bare.detail()).isNull();
    }

    @Test
    void unknownReferenceIsAConstraintViolation() {
        UnknownReferenceException e = new UnknownReferenceException("Mission", "missions_resident_id_fkey", "resident_id");
        assertThat(e).isInstanceOf(ConstraintViolationException.class)
                .hasMessage("Unknown reference from Mission: missions_resident_id_fkey (resident_id)");
        assertThat(new UnknownReferenceException(null, "fk_x", null)).hasMessage("Unknown reference: fk_x");
    }

    @Test
    void notFound() {
        NotFoundException e = new NotFoundException("Resident", ResidentId.of(UUID.fromString(UUID_TEXT)));
        assertThat(e).hasMessage("Resident " + UUID_TEXT + " not found");
        assertThat(e.entity()).isEqualTo("Resident");
        assertThat(e.id()).isEqualTo(UUID_TEXT);
    }

    @Test
    void accessDenied() {
        assertThat(new AccessDeniedException("missing permission mission:cancel"))
                .hasMessage("Access denied: missing permission mission:cancel");
        AccessDeniedException.require(AccessDecision.allow("admin"));
        assertThatThrownBy(() -> AccessDeniedException.require(AccessDecision.deny("caregiver not assigned to resident")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Access denied: caregiver not assigned to resident");
        AccessDeniedException other = AccessDeniedException.otherFacility("TelemetrySample");
        assertThat(other.reason()).isEqualTo("TelemetrySample belongs to another facility than the context");
    }

    @Test
    void vehicleBusy() {
        VehicleId id = VehicleId.of(UUID.fromString(UUID_TEXT));
        VehicleBusyException e = new VehicleBusyException(id);
        assertThat(e).hasMessage("Vehicle " + UUID_TEXT + " already has an active mission");
        assertThat(e.vehicleId()).isEqualTo(id);
    }

    @Test
    void concurrencyConflict() {
        ConcurrencyConflictException e = new ConcurrencyConflictException(ConcurrencyConflictException.Kind.DEADLOCK, null);
        assertThat(e).hasMessage("Concurrency conflict (deadlock); the transaction was rolled back and may be retried");
        assertThat(e.kind()).isEqualTo(ConcurrencyConflictException.Kind.DEADLOCK);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void nestedTransactionIsAnIllegalStateException() {
        assertThat(new NestedTransactionException()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already active on this thread");
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThatNullPointerException().isThrownBy(() -> new DuplicateKeyException(null, "c"));
        assertThatIllegalArgumentException().isThrownBy(() -> new NotFoundException(" ", "x"));
        assertThatNullPointerException().isThrownBy(() -> new NotFoundException("Resident", null));
        assertThatNullPointerException().isThrownBy(() -> new ConstraintViolationException("Vehicle", null, null));
        assertThatNullPointerException().isThrownBy(() -> new AccessDeniedException(null));
        assertThatNullPointerException().isThrownBy(() -> new VehicleBusyException(null));
        assertThatNullPointerException().isThrownBy(() -> new ConcurrencyConflictException(null, null));
    }
}
