package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Every change of an audited table is audited in the same transaction, whoever makes it: action
 * ({@code <resource>.create|update|soft_delete|...}), resource, the context's actor, the changed columns and their
 * values with personal data, password hashes, tokens, secrets and medical notes withheld; heartbeats alone are not
 * audited; a rolled-back change leaves no entry. On the SQL adapters the database triggers do this, the in-memory
 * adapter reproduces them.
 */
public abstract class AutomaticAuditContract {

    private static final String WITHHELD = "[withheld]";

    protected abstract PersistenceUnderTest subject();

    private static List<AuditEntry> entries(FacilityWorld w, String type, UUID id) {
        return w.inTransaction((TvmTransaction tx) -> tx.audit().byResource(type, id, PageRequest.first(1000)).items());
    }

    private static List<String> changed(AuditEntry e) {
        return Arrays.asList(e.details().get("changed").split(","));
    }

    @Test
    void residentChangesAreAuditedWithPersonalDataWithheld() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = TvmTestData.resident(w.facilityId()).allFields().at(now).build();
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.residents().insert(r);
            return null;
        });
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> tx.residents().update(
                r.toBuilder().preferredLanguage("de").updatedAt(now.plusSeconds(1)).build()));
        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.residents().softDelete(r.id(), now.plusSeconds(2));
            return null;
        });

        List<AuditEntry> log = entries(w, "resident", r.id().value());
        assertThat(log).extracting(AuditEntry::action)
                .containsExactly("resident.create", "resident.update", "resident.soft_delete");
        assertThat(log).extracting(AuditEntry::userId)
                .containsExactly(w.userId(RoleName.NURSE), w.userId(RoleName.NURSE), w.userId(RoleName.ADMIN));
        assertThat(log).allSatisfy(e -> {
            assertThat(e.facilityId()).isEqualTo(w.facilityId());
            assertThat(e.success()).isTrue();
            assertThat(e.details().values()).noneMatch(v -> v.contains(r.lastName()) || v.contains(r.firstName())
                    || v.contains(r.medicalNotes().reveal()) || v.contains(r.phone().value())
                    || v.contains(r.emergencyContactName()));
        });
        AuditEntry created = log.get(0);
        assertThat(changed(created)).contains("first_name", "last_name", "date_of_birth", "medical_notes", "phone",
                "preferred_language", "gdpr_consent").doesNotContain("id", "facility_id", "created_at", "updated_at");
        assertThat(created.details()).containsEntry("new.first_name", WITHHELD).containsEntry("new.medical_notes", WITHHELD)
                .containsEntry("new.emergency_contact_name", WITHHELD).containsEntry("new.preferred_language", "pt-BR")
                .doesNotContainKey("old.first_name");
        AuditEntry updated = log.get(1);
        assertThat(changed(updated)).contains("preferred_language").doesNotContain("first_name", "updated_at");
        assertThat(updated.details()).containsEntry("old.preferred_language", "pt-BR")
                .containsEntry("new.preferred_language", "de");
        assertThat(changed(log.get(2))).containsExactly("deleted_at");
    }

    @Test
    void missionAndVehicleChangesAreAuditedButHeartbeatsAreNot() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .notes("Ada is afraid of dogs").at(now).build();
        Mission mission = created.mission();
        w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.missions().insert(created);
            return null;
        });
        Mission assigned = w.inTransactionAs(RoleName.OPERATOR,
                (TvmTransaction tx) -> tx.dispatch().assign(mission.id(), w.vehicleId(0), now.plusSeconds(5)));
        int vehicleEntries = entries(w, "vehicle", w.vehicleId(0).value()).size();
        w.inTransactionAs(RoleName.OPERATOR, (TvmTransaction tx) -> tx.vehicles().recordHeartbeat(w.vehicleId(0),
                now.plusSeconds(6), 80, VehicleLocation.of(52.52, 13.405, "north")));
        Mission started = w.inTransactionAs(RoleName.OPERATOR, (TvmTransaction tx) -> tx.missions().apply(
                assigned.start(now.plusSeconds(7), w.userId(RoleName.OPERATOR))));
        w.inTransactionAs(RoleName.OPERATOR, (TvmTransaction tx) -> tx.missions().apply(
                started.recordProgress(ProgressStep.PICKUP_ARRIVED, now.plusSeconds(8), w.userId(RoleName.OPERATOR))));

        List<AuditEntry> log = entries(w, "mission", mission.id().value());
        assertThat(log).extracting(AuditEntry::action)
                .containsExactly("mission.create", "mission.update", "mission.update", "mission.update");
        assertThat(log).extracting(AuditEntry::userId).containsExactly(w.userId(RoleName.NURSE),
                w.userId(RoleName.OPERATOR), w.userId(RoleName.OPERATOR), w.userId(RoleName.OPERATOR));
        assertThat(log.get(0).details()).containsEntry("new.notes", WITHHELD).containsEntry("new.status", "pending");
        assertThat(log.get(0).details().values()).noneMatch(v -> v.contains("afraid"));
        assertThat(changed(log.get(1))).containsExactly("assigned_at", "status", "vehicle_id");
        assertThat(log.get(1).details()).containsEntry("old.status", "pending").containsEntry("new.status", "assigned")
                .containsEntry("new.vehicle_id", w.vehicleId(0).toString());
        assertThat(changed(log.get(2))).containsExactly("started_at", "status");
        assertThat(changed(log.get(3))).containsExactly("last_progress");

        List<AuditEntry> vehicle = entries(w, "vehicle", w.vehicleId(0).value());
        assertThat(vehicle.get(0).action()).isEqualTo("vehicle.create");
        assertThat(vehicle.subList(1, vehicleEntries)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("vehicle.update");
            assertThat(changed(e)).contains("current_mission_id");
        });
        assertThat(vehicle.subList(vehicleEntries, vehicle.size()))
                .as("a heartbeat alone is not audited; later entries come from the mission")
                .allSatisfy(e -> assertThat(changed(e)).doesNotContain("last_heartbeat", "battery_level"));
    }

    @Test
    void usersRolesAssignmentsAndLocationsAreAuditedWithSecretsWithheld() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        User user = TvmTestData.user(w.facilityId()).at(now).build();
        Location location = TvmTestData.location(w.facilityId()).at(now).build();
        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.users().insert(user);
            tx.accessControl().grantRole(user.id(), RoleName.CAREGIVER);
            tx.accessControl().assignCaregiver(user.id(), w.residentId(1));
            tx.facilities().insertLocation(location);
            return null;
        });
        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.users().recordLogin(user.id(), now.plusSeconds(60), "192.0.2.7");
            return null;
        });

        List<AuditEntry> users = entries(w, "user", user.id().value());
        assertThat(users).extracting(AuditEntry::action).containsExactly("user.create", "user.update");
        assertThat(users.get(0).details()).containsEntry("new.password_hash", WITHHELD)
                .containsEntry("new.email", user.email().value());
        assertThat(users.get(0).details().values()).noneMatch(v -> v.contains(TvmTestData.BCRYPT_HASH));
        assertThat(changed(users.get(1))).containsExactly("last_login_at", "last_login_ip");
        assertThat(users.get(1).details()).containsEntry("new.last_login_ip", "192.0.2.7");
        assertThat(entries(w, "user_role", user.id().value())).extracting(AuditEntry::action)
                .containsExactly("user_role.create");
        assertThat(entries(w, "caregiver_assignment", w.residentId(1).value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("caregiver_assignment.create");
            assertThat(e.details()).containsEntry("new.caregiver_user_id", user.id().toString());
        });
        assertThat(entries(w, "location", location.id().value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("location.create");
            assertThat(e.details()).containsEntry("new.coordinates", WITHHELD).containsEntry("new.name", location.name());
            assertThat(e.userId()).isEqualTo(w.userId(RoleName.ADMIN));
        });
    }

    @Test
    void mapsAreAuditedWithTheirDataWithheld() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        FacilityMap map = FacilityMap.first(w.facilityId(), "Garden level", java.util.Map.of("wing", "east"), now);
        w.inTransactionAs(RoleName.ADMIN, (TvmTransaction tx) -> {
            tx.maps().insert(map);
            return null;
        });
        assertThat(entries(w, "map", map.id().value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("map.create");
            assertThat(changed(e)).containsExactly("data", "name");
            assertThat(e.details()).containsEntry("new.name", "Garden level").containsEntry("new.data", WITHHELD);
            assertThat(e.userId()).isEqualTo(w.userId(RoleName.ADMIN));
        });
    }

    @Test
    void aRolledBackChangeLeavesNoAuditEntry() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        Resident r = TvmTestData.resident(w.facilityId()).at(now).build();
        assertThatThrownBy(() -> w.inTransactionAs(RoleName.NURSE, (TvmTransaction tx) -> {
            tx.residents().insert(r);
            throw new IllegalStateException("changed my mind");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entries(w, "resident", r.id().value())).isEmpty();
    }
}
