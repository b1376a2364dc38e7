package org.tvm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/**
 * The demo's day on the real adapters, on H2 and on PostgreSQL (as the non-superuser application role, so row-level
 * security is in force), checked against the invariants of the day.
 */
// generous: the day also writes its audit trail, and CI machines are shared (a hang, not slowness, must fail)
@Timeout(180)
class DemoDayTest {

    /** The small day of the test: 4 vehicles, 12 residents, 30 missions, 2 hours. */
    private static FacilityDaySimulation.Config smallDay(long seed) {
        return FacilityDaySimulation.Config.of(4, 12, 30, 2, seed).withFacilityName("Demo Test Campus");
    }

    @ParameterizedTest
    @EnumSource(AdapterChoice.class)
    void aDayOnH2(AdapterChoice adapter) throws Exception {
        H2TestDatabase db = TestDatabases.h2();
        try (TvmPersistence persistence = adapter.open(db.dataSource());
             TvmAdministration administration = adapter.administration(db.dataSource())) {
            runAndCheck(persistence, administration, db.dataSource());
        } finally {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(AdapterChoice.class)
    void aDayOnPostgres(AdapterChoice adapter) throws Exception {
        PostgresTestDatabase db = TestDatabases.postgres();
        try (TvmPersistence persistence = adapter.open(db.appDataSource());
             TvmAdministration administration = adapter.administration(db.adminDataSource())) {
            runAndCheck(persistence, administration, db.adminDataSource());
        }
    }

    private static void runAndCheck(TvmPersistence persistence, TvmAdministration administration, DataSource admin)
            throws Exception {
        // another facility with rows in every table, before the day ...
        DayReport neighbour = new FacilityDaySimulation(persistence, administration,
                FacilityDaySimulation.Config.of(2, 3, 4, 1, 11L).withFacilityName("Neighbour Home")).run();
        Map<String, List<String>> neighbourRows = DayInvariants.rowsOf(admin, neighbour.facilityId());
        assertThat(neighbourRows.get("missions")).hasSize(4);
        assertThat(neighbourRows.get("telemetry")).isNotEmpty();

        DayReport report = new FacilityDaySimulation(persistence, administration, smallDay(42L)).run();

        Map<Mission, List<MissionEvent>> history = DayInvariants.history(persistence, report.facilityId());
        assertThat(history).hasSize(30);
        DayInvariants.noVehicleHadTwoActiveMissions(history);
        DayInvariants.completedMissionsHaveTheFullSequence(history);
        // ... is exactly as it was: no row of another facility was touched
        assertThat(DayInvariants.rowsOf(admin, neighbour.facilityId())).isEqualTo(neighbourRows);

        // the day did its work, not just some of it: most requests were served end to end, every ending shows up
        assertThat(report.missionsRequested()).isEqualTo(30);
        assertThat(report.missions(MissionStatus.COMPLETED)).isGreaterThanOrEqualTo(20);
        assertThat(report.missions(MissionStatus.CANCELLED)).isPositive();
        assertThat(report.missions(MissionStatus.FAILED)).isPositive();
        assertThat(report.missions(MissionStatus.COMPLETED) + report.missions(MissionStatus.CANCELLED)
                + report.missions(MissionStatus.FAILED)).as("missions finished by the end of the day")
                .isGreaterThanOrEqualTo(24);
        assertThat(report.missionEvents()).isEqualTo(history.values().stream().mapToLong(List::size).sum());
        assertThat(report.chargingSessions()).isPositive();
        assertThat(report.fleet()).hasSize(4);
        assertThat(report.timeline().entries()).hasSize(DayInvariants.FULL_SEQUENCE.size());
        // every request read its resident (a logged data access) after the access rules allowed it; some were refused
        assertThat(report.residentReads()).isEqualTo(30);
        assertThat(report.accessDenied()).isPositive();
        assertThat(report.accessChecks()).isGreaterThan(report.residentReads() + report.accessDenied() - 1);

        // what the report claims is what the database holds
        int minutes = 2 * 60;
        Map<String, List<String>> ours = DayInvariants.rowsOf(admin, report.facilityId());
        assertThat(report.telemetryRows()).as("telemetry rows (4 vehicles, 6 a minute, minus time offline)")
                .isGreaterThan((long) (4 * 6 * minutes * 0.9));
        assertThat(report.heartbeats()).isGreaterThan((long) (4 * minutes * 0.9));
        assertThat(ours.get("telemetry")).hasSize((int) report.telemetryRows());
        assertThat(ours.get("mission_events")).hasSize((int) report.missionEvents());
        assertThat(ours.get("missions")).hasSize(30);
        assertThat(ours.get("vehicle_logs")).hasSize((int) report.vehicleLogEntries()).isNotEmpty();
        assertThat(ours.get("data_access_logs")).hasSizeGreaterThanOrEqualTo((int) report.residentReads());
    }
}
