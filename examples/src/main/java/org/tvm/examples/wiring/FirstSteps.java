package org.tvm.examples.wiring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.query.ActiveMissionView;

/**
 * The first units of work of an application, written against the ports only, so they are identical for every adapter
 * ({@link JpaWiringExample}, {@link MyBatisWiringExample}): create a facility, a nurse and a resident, request a
 * transport, read the dashboard.
 */
public final class FirstSteps {

    private FirstSteps() {
    }

    /**
     * @param persistence    the application's persistence (application role)
     * @param administration the administrative entry point (admin role)
     * @return the active missions of the new facility after the request (one)
     */
    public static List<ActiveMissionView> run(TvmPersistence persistence, TvmAdministration administration) {
        Instant now = Instant.now();

        // facilities are created by the administration (admin role, no facility context)
        Facility facility = Facility.create("Example Care Home", "Hauptstrasse 1, Bern", ZoneId.of("Europe/Zurich"), now);
        administration.createFacility(facility);

        // set-up work without a human actor runs in a system context
        TvmContext system = TvmContext.system(facility.id());
        User nurse = User.builder().facilityId(facility.id())
                .email(EmailAddress.of("nurse+" + facility.id().value() + "@example.org"))
                // the application hashes passwords (bcrypt cost >= 12 or argon2id); the domain refuses anything else
                .passwordHash(PasswordHash.of("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"))
                .firstName("Anna").lastName("Meier").timestamps(now).build();
        Resident resident = Resident.builder().facilityId(facility.id()).firstName("Hans").lastName("Muster")
                .dateOfBirth(LocalDate.of(1938, 4, 2)).timestamps(now).build();
        persistence.run(system, tx -> {
            tx.users().insert(nurse);
            tx.accessControl().grantRole(nurse.id(), RoleName.NURSE);
            tx.residents().insert(resident);
        });

        // a nurse requests a transport: access rule, domain factory, insert (+ its 'created' event), one transaction
        UserId actor = nurse.id();
        TvmContext asNurse = TvmContext.of(facility.id(), actor);
        Mission mission = persistence.inTransaction(asNurse, tx -> {
            tx.accessControl().requireCanRequestTransport(actor, resident.id());
            MissionTransition created = Mission.request(MissionRequest.builder().facilityId(facility.id())
                    .residentId(resident.id()).createdBy(actor)
                    .pickup(Place.of("Room 101")).dropoff(Place.of("Garden"))
                    .priority(MissionPriority.HIGH).build(), Instant.now());
            tx.missions().insert(created);
            return created.mission();
        });

        // the dashboard shows resident names: it records who saw them, so it runs read-write
        List<ActiveMissionView> active = persistence.inTransaction(asNurse, tx -> tx.operations().activeMissions(50));
        System.out.println("requested " + mission.id() + "; active missions of " + facility.name() + ": " + active.size());
        active.forEach(m -> System.out.println("  " + m.priority().code() + "  " + m.status().code() + "  "
                + m.residentName() + "  " + m.pickupLocation() + " -> " + m.dropoffLocation()));
        return active;
    }
}
