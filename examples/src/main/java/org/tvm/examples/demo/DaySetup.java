package org.tvm.examples.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tvm.domain.EmailAddress;
import org.tvm.domain.PhoneNumber;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.PasswordHash;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleStatus;
import org.tvm.domain.resident.Gender;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.WheelchairType;
import org.tvm.examples.demo.DayState.ResidentInfo;
import org.tvm.examples.demo.DayState.Staff;
import org.tvm.ports.TvmContext;

/**
 * The morning before the first tick: the facility (with telemetry partitions for the day), its locations, staff in
 * every role, residents with their caregivers, and the fleet, all stored through the ports.
 */
final class DaySetup {

    private static final String[] FIRST_NAMES = {"Anna", "Hans", "Maria", "Peter", "Elisabeth", "Walter", "Margrit",
        "Kurt", "Ruth", "Josef", "Heidi", "Ernst", "Gertrud", "Paul", "Rosa", "Fritz", "Verena", "Otto", "Lina", "Karl"};
    private static final String[] LAST_NAMES = {"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider",
        "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Graf", "Wyss"};
    private static final String[] LANGUAGES = {"de", "de", "de", "fr", "it", "en"};

    private final DayState day;

    DaySetup(DayState day) {
        this.day = day;
    }

    void setUp(Instant t0) {
        Facility facility = Facility.create(day.config.facilityName(), "Seestrasse 12, 8002 Zürich", ZoneId.of("Europe/Zurich"), t0);
        day.facilityId = facility.id();
        day.system = TvmContext.system(day.facilityId);
        day.timings.time("setup: facility", () -> {
            day.administration.createFacility(facility);
            // the simulated day must land in existing telemetry partitions (a no-op where telemetry is not partitioned)
            day.administration.ensureTelemetryPartitions(YearMonth.from(t0.atZone(ZoneOffset.UTC)),
                    YearMonth.from(day.config.end().atZone(ZoneOffset.UTC)));
        });

        String domain = "lindenhof-" + facilityTag() + ".example";
        List<User> users = new ArrayList<>();
        List<RoleName> roles = new ArrayList<>();
        addUser(users, roles, "Sofia", "Keller", RoleName.ADMIN, domain, t0);
        addUser(users, roles, "Marco", "Brunner", RoleName.OPERATOR, domain, t0);
        addUser(users, roles, "Elena", "Rossi", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Lukas", "Weber", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Nina", "Graf", RoleName.NURSE, domain, t0);
        addUser(users, roles, "Jonas", "Fischer", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Mia", "Schmid", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Noah", "Huber", RoleName.CAREGIVER, domain, t0);
        addUser(users, roles, "Tim", "Baumann", RoleName.MAINTENANCE, domain, t0);
        addUser(users, roles, "Front", "Desk", RoleName.GUEST, domain, t0);
        day.timings.time("setup: locations, staff, roles", () -> day.persistence.run(day.system, tx -> {
            for (Campus.Place p : Campus.places()) {
                tx.facilities().insertLocation(Location.builder().facilityId(day.facilityId).name(p.name()).kind(p.kind())
                        .point(p.point()).zone(p.zone()).timestamps(t0).build());
            }
            for (int i = 0; i < users.size(); i++) {
                tx.users().insert(users.get(i));
                tx.accessControl().grantRole(users.get(i).id(), roles.get(i));
            }
        }));
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            Staff s = new Staff(u.id(), u.firstName() + " " + u.lastName(), roles.get(i), TvmContext.of(day.facilityId, u.id()));
            switch (s.role()) {
                case ADMIN -> day.admin = s;
                case OPERATOR -> day.operator = s;
                case NURSE -> day.nurses.add(s);
                case CAREGIVER -> day.caregivers.add(s);
                case GUEST -> day.guest = s;
                default -> { }
            }
        }
        addResidents(t0);
        addFleet(t0);
    }

    private void addResidents(Instant t0) {
        List<Resident> newResidents = new ArrayList<>();
        List<Campus.Place> rooms = Campus.rooms();
        for (int i = 0; i < day.config.residents(); i++) {
            String first = day.pick(FIRST_NAMES);
            String last = day.pick(LAST_NAMES);
            Instant admitted = t0.minus(Duration.ofDays(30 + day.random.nextInt(1500)));
            Resident r = Resident.builder().facilityId(day.facilityId).firstName(first).lastName(last)
                    .dateOfBirth(LocalDate.of(1928 + day.random.nextInt(22), 1 + day.random.nextInt(12), 1 + day.random.nextInt(28)))
                    .gender(day.random.nextBoolean() ? Gender.FEMALE : Gender.MALE)
                    .phone(PhoneNumber.of("+4144" + (1_000_000 + day.random.nextInt(8_999_999))))
                    .emergencyContactName(day.pick(FIRST_NAMES) + " " + last)
                    .emergencyContactPhone(PhoneNumber.of("+4179" + (1_000_000 + day.random.nextInt(8_999_999))))
                    .medicalNotes(SensitiveText.of("Mobility level " + (1 + day.random.nextInt(4)) + "; fall risk "
                            + (day.random.nextBoolean() ? "high" : "moderate")))
                    .wheelchairType(WheelchairType.values()[day.random.nextInt(WheelchairType.values().length)])
                    .requiresAssistance(day.random.nextInt(3) == 0)
                    .preferredLanguage(day.pick(LANGUAGES))
                    .gdprConsent(true).gdprConsentDate(admitted)
                    .timestamps(admitted).build();
            newResidents.add(r);
            Staff caregiver = day.caregivers.get(i % day.caregivers.size());
            ResidentInfo info = new ResidentInfo(r.id(), first + " " + last, rooms.get(day.random.nextInt(rooms.size())), caregiver);
            day.residents.add(info);
            day.residentsById.put(r.id(), info);
        }
        day.timings.time("setup: residents, caregivers", () -> day.persistence.run(day.admin.ctx(), tx -> {
            for (Resident r : newResidents) {
                tx.residents().insert(r);
            }
            for (ResidentInfo r : day.residents) {
                tx.accessControl().assignCaregiver(r.caregiver().id(), r.id());
            }
        }));
    }

    private void addFleet(Instant t0) {
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < day.config.vehicles(); i++) {
            String name = String.format(Locale.ROOT, "TVM-%02d", i + 1);
            Campus.Place home = Campus.chargers().get(i % Campus.chargers().size());
            double lat = home.point().latitude() + Campus.latitudeDelta(day.random.nextGaussian() * 15);
            double lon = home.point().longitude() + Campus.longitudeDelta(day.random.nextGaussian() * 15, lat);
            // the first vehicle starts nearly empty so even a short day shows a charging cycle
            int battery = i == 0 ? 33 : 45 + day.random.nextInt(56);
            VehicleSim sim = new VehicleSim(VehicleId.newId(), name, lat, lon, battery);
            day.fleet.add(sim);
            vehicles.add(Vehicle.builder().id(sim.id).facilityId(day.facilityId).name(name)
                    .serialNumber("WM2-" + facilityTag() + "-" + (1001 + i))
                    .model("WheelMate Outdoor 2").firmwareVersion("3.4." + day.random.nextInt(5))
                    .status(VehicleStatus.IDLE).currentLocation(sim.location()).batteryLevel(battery).lastHeartbeat(t0)
                    .maxSpeedMps(new BigDecimal("1.5"))
                    .lastMaintenanceDate(LocalDate.ofInstant(t0, ZoneOffset.UTC).minusDays(10 + day.random.nextInt(80)))
                    .nextMaintenanceDue(LocalDate.ofInstant(t0, ZoneOffset.UTC).plusDays(10 + day.random.nextInt(80)))
                    .totalDistanceKm(BigDecimal.valueOf(200 + day.random.nextInt(3000)))
                    .totalMissions(100 + day.random.nextInt(900)).timestamps(t0.minus(Duration.ofDays(400))).build());
        }
        day.timings.time("setup: fleet", () -> day.persistence.run(day.system, tx -> vehicles.forEach(v -> tx.vehicles().insert(v))));
    }

    private void addUser(List<User> users, List<RoleName> roles, String first, String last, RoleName role, String domain,
            Instant t0) {
        users.add(User.builder().facilityId(day.facilityId)
                .email(EmailAddress.of(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + domain))
                .passwordHash(PasswordHash.of(placeholderBcrypt()))
                .firstName(first).lastName(last).emailVerified(true).timestamps(t0.minus(Duration.ofDays(200)))
                .build());
        roles.add(role);
    }

    /** A syntactically valid bcrypt string (cost 12) of random bytes: the demo never authenticates anybody. */
    private String placeholderBcrypt() {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder("$2b$12$");
        for (int i = 0; i < 53; i++) {
            s.append(alphabet.charAt(day.random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** The random tail of the facility id: keeps e-mails and serial numbers unique across facilities and runs. */
    private String facilityTag() {
        String id = day.facilityId.value().toString();
        return id.substring(id.length() - 8);
    }
}
