package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.testkit.contract.ContractSupport.assumeCapability;
import static org.tvm.testkit.contract.ContractSupport.newFacility;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.Capability;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * Facility isolation below the ports: the database itself (row-level security, as the application role) shows a
 * facility's context only that facility's rows of every facility-owned table, and only its own facility row, even to a
 * query without a facility filter. Checked through {@link PersistenceUnderTest#countRowsVisibleToApplication} with the
 * two fully populated facilities of {@link IsolationContract}; the ports' own filtering is that contract's.
 *
 * <p>Capabilities: {@link Capability#ROW_LEVEL_SECURITY} (every case is skipped without it).
 */
public abstract class RowLevelSecurityContract {

    /** @return the persistence under test (shared; every test creates its own facilities) */
    protected abstract PersistenceUnderTest subject();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"locations", "users", "user_roles", "residents", "caregiver_assignments", "vehicles",
            "missions", "mission_events", "telemetry", "vehicle_logs", "audit_logs", "data_access_logs",
            "audit_logs_pending", "audit_entries"})
    void rowLevelSecurityShowsOnlyTheContextFacilitysRows(String table) {
        assumeCapability(subject(), Capability.ROW_LEVEL_SECURITY, "the database itself must hide other facilities' rows");
        TwoFacilities s = TwoFacilities.create(subject());
        FacilityId empty = newFacility(subject(), s.now());
        long visibleToA = subject().countRowsVisibleToApplication(table, s.a().facilityId().value());
        long visibleToB = subject().countRowsVisibleToApplication(table, s.b().facilityId().value());

        TwoFacilities.populate(s.b(), s.now().plusSeconds(1));

        assertThat(visibleToA).as("rows of %s visible to facility A", table).isPositive();
        assertThat(subject().countRowsVisibleToApplication(table, empty.value()))
                .as("rows of %s visible to a facility without rows", table).isZero();
        assertThat(subject().countRowsVisibleToApplication(table, s.a().facilityId().value()))
                .as("rows of %s visible to A after B wrote more", table).isEqualTo(visibleToA);
        assertThat(subject().countRowsVisibleToApplication(table, s.b().facilityId().value()))
                .as("rows of %s visible to B after B wrote more", table).isGreaterThan(visibleToB);
        assertThat(subject().countRowsVisibleToApplication(table, UUID.randomUUID()))
                .as("rows of %s visible to an unknown facility", table).isZero();
    }

    @Test
    void rowLevelSecurityShowsOnlyTheContextFacilityRow() {
        assumeCapability(subject(), Capability.ROW_LEVEL_SECURITY, "the database itself must hide other facilities");
        TwoFacilities s = TwoFacilities.create(subject());

        assertThat(subject().countRowsVisibleToApplication("facilities", s.a().facilityId().value())).isEqualTo(1);
        assertThat(subject().countRowsVisibleToApplication("facilities", s.b().facilityId().value())).isEqualTo(1);
        assertThat(subject().countRowsVisibleToApplication("facilities", UUID.randomUUID())).isZero();
    }
}
