package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainException;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.AuditEntryData;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * A corpus of hostile inputs sent through every write method of every port: oversized text, NUL and other control
 * characters, unpaired surrogates, right-to-left marks and emoji, SQL and template metacharacters, NaN, infinities,
 * out-of-range numbers and coordinates, extreme instants, nulls, duplicates and ids of another facility. Each input
 * must end as one of:
 * <ul>
 *   <li>a {@link DomainValidationException} (or another domain rule) before any SQL,</li>
 *   <li>a typed port exception (a subclass of {@link TvmPersistenceException}, never the bare class),</li>
 *   <li>a {@link NullPointerException} for a null argument (the ports' documented null rule),</li>
 *   <li>or success, after which the value reads back exactly as written.</li>
 * </ul>
 * A rejected input leaves nothing behind: the facility's rows per table are counted before and after where the
 * subject can count them ({@link PersistenceUnderTest#rowCounts}). The test prints how many inputs it tried per port
 * and per outcome.
 */
public abstract class HostileInputContract {

    /** Texts no column may receive unchanged, or that must come back exactly. */
    static final List<String> HOSTILE_TEXT = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "tail\u0000", "\u0001\u0002\u001f\u007f", "tab\tnew\nline\rcr",
            "\uD800", "a\uDC00b", "x\uDBFF", "\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627",
            "\uD83D\uDE00\uD83D\uDE91\uD83E\uDDBD", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301\u0301\u0301",
            "'; DROP TABLE users; --", "\" OR 1=1 --", "%_\\", "${jndi:ldap://x/a}", "#{1+1}", "<script>alert(1)</script>",
            "\\u0000", "NULL", "\uFEFFbom", "\u00A0", "x".repeat(100_001));

    private final Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    protected abstract PersistenceUnderTest subject();

    @Test
    void everyHostileInputEndsAsAClearErrorOrAnExactRoundTripAndNothingIsHalfWritten() {
        Instant now = ContractSupport.baseNow();
        FacilityWorld a = FacilityWorld.create(subject(), now);
        FacilityWorld b = FacilityWorld.create(subject(), now);

        texts(a, now);
        numbersAndCoordinates(a, now);
        instants(a, now);
        nullsDuplicatesAndOtherFacilities(a, b, now);

        int total = outcomes.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder(subject().name() + ": " + total + " hostile inputs\n");
        outcomes.forEach((port, byOutcome) -> report.append("  ").append(port).append(": ")
                .append(byOutcome.values().stream().mapToInt(Integer::intValue).sum()).append(' ').append(byOutcome)
                .append('\n'));
        System.out.print(report);
        assertThat(total).as("size of the corpus").isGreaterThanOrEqualTo(200);
        assertThat(failures).as("inputs that ended badly on %s", subject().name()).isEmpty();
    }

    private void texts(FacilityWorld w, Instant now) {
        for (String s : HOSTILE_TEXT) {
            String label = describe(s);
            resident(w, "firstName " + label, () -> TvmTestData.resident(w.facilityId()).at(now).firstName(s).build());
            resident(w, "lastName " + label, () -> TvmTestData.resident(w.facilityId()).at(now).lastName(s).build());
            resident(w, "medicalNotes " + label, () -> TvmTestData.resident(w.facilityId()).at(now)
                    .with(r -> r.medicalNotes(SensitiveText.ofNullable(s))).build());
            vehicle(w, "name " + label, () -> TvmTestData.vehicle(w.facilityId()).at(now).name(s).build());
            vehicle(w, "model " + label, () -> TvmTestData.vehicle(w.facilityId()).at(now).with(v -> v.model(s)).build());
            user(w, "lastName " + label, () -> TvmTestData.user(w.facilityId()).at(now).lastName(s).build());
            user(w, "resetToken " + label, () -> TvmTestData.user(w.facilityId()).at(now)
                    .with(u -> u.passwordResetToken(s).passwordResetExpires(now.plusSeconds(60))).build());
            location(w, "name " + label, () -> TvmTestData.location(w.facilityId()).at(now).name(s).build());
            facility(w, "address " + label, () -> w.facility().toBuilder().address(s).build());
            audit(w, "userAgent " + label, () -> audit(w, now).with(e -> e.userAgent(s)).build());
            audit(w, "details value " + label, () -> audit(w, now).with(e -> e.details(Map.of("note", s))).build());
            mission(w, "notes " + label, () -> TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                    .at(now).notes(s).build());
            telemetry(w, "errorCode " + label, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now)
                    .errorCodes(List.of(s)).build());
            vehicleLog(w, "message " + label, () -> TvmTestData.vehicleLog(w.facilityId(), w.vehicleId(0)).at(now)
                    .message(s).build());
        }
        // exactly at and one past the column's limit
        int name = 100;
        resident(w, "lastName at limit", () -> TvmTestData.resident(w.facilityId()).at(now).lastName("é".repeat(name)).build());
        resident(w, "lastName past limit", () -> TvmTestData.resident(w.facilityId()).at(now).lastName("é".repeat(name + 1)).build());
        facility(w, "address at limit", () -> w.facility().toBuilder().address("a".repeat(500)).build());
        facility(w, "address past limit", () -> w.facility().toBuilder().address("a".repeat(501)).build());
    }

    private void numbersAndCoordinates(FacilityWorld w, Instant now) {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 90.0000001,
                -90.0000001, 180.0000001, -180.0000001, 1e308, -0.0, Double.MIN_VALUE}) {
            telemetry(w, "latitude " + d, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now)
                    .position(GeoPoint.of(d, 13.4)).build());
            telemetry(w, "longitude " + d, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now)
                    .position(GeoPoint.of(52.5, d)).build());
            telemetry(w, "speed " + d, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now).speed(d).build());
            location(w, "point " + d, () -> TvmTestData.location(w.facilityId()).at(now).point(GeoPoint.of(d, d)).build());
            heartbeat(w, "location " + d, now, () -> new VehicleLocation(GeoPoint.of(d, 13.4), "hall"), 50);
        }
        for (int battery : new int[] {-1, 0, 100, 101, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            telemetry(w, "battery " + battery, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(now)
                    .battery(battery).build());
            vehicle(w, "battery " + battery, () -> TvmTestData.vehicle(w.facilityId()).at(now).battery(battery).build());
            heartbeat(w, "battery " + battery, now, () -> null, battery);
        }
    }

    private void instants(FacilityWorld w, Instant now) {
        List<Instant> extremes = List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("-4714-11-24T00:00:00Z"),
                Instant.parse("0000-12-31T23:59:59Z"), DomainChecks.EARLIEST_INSTANT, DomainChecks.LATEST_INSTANT,
                DomainChecks.LATEST_INSTANT.plus(1, ChronoUnit.MICROS), Instant.parse("2038-01-19T03:14:08Z"));
        for (Instant t : extremes) {
            String label = t.toString();
            resident(w, "createdAt " + label, () -> TvmTestData.resident(w.facilityId()).at(t)
                    .with(r -> r.dateOfBirth(java.time.LocalDate.of(1, 1, 1))).build());
            user(w, "lastLoginAt " + label, () -> TvmTestData.user(w.facilityId()).at(now).with(u -> u.lastLoginAt(t)).build());
            audit(w, "timestamp " + label, () -> audit(w, now).at(t).build());
            telemetry(w, "timestamp " + label, () -> TvmTestData.telemetry(w.facilityId(), w.vehicleId(0)).at(t).build());
            heartbeat(w, "at " + label, t, () -> null, 40);
            write("UserRepository", "recordLogin at " + label, () -> {
                UserId id = w.userId(RoleName.OPERATOR);
                run(w, tx -> tx.users().recordLogin(id, t, "192.0.2.1"));
                User read = read(w, tx -> tx.users().findById(id)).orElseThrow();
                assertThat(read.lastLoginAt()).isEqualTo(t);
            });
        }
    }

    private void nullsDuplicatesAndOtherFacilities(FacilityWorld a, FacilityWorld b, Instant now) {
        write("ResidentRepository", "insert(null)", () -> run(a, tx -> tx.residents().insert(null)));
        write("VehicleRepository", "insert(null)", () -> run(a, tx -> tx.vehicles().insert(null)));
        write("UserRepository", "insert(null)", () -> run(a, tx -> tx.users().insert(null)));
        write("MissionRepository", "insert(null)", () -> run(a, tx -> tx.missions().insert(null)));
        write("TelemetryRepository", "append(null)", () -> run(a, tx -> tx.telemetry().append(null)));
        write("AuditRepository", "append(null)", () -> run(a, tx -> tx.audit().append(null)));
        write("FacilityRepository", "insertLocation(null)", () -> run(a, tx -> tx.facilities().insertLocation(null)));
        write("AccessControlRepository", "grantRole(null)", () -> run(a, tx -> tx.accessControl().grantRole(null, RoleName.NURSE)));
        write("VehicleRepository", "recordHeartbeat(null id)", () -> run(a, tx -> tx.vehicles().recordHeartbeat(null, now, 50, null)));
        write("DispatchOperations", "assign(null)", () -> run(a, tx -> tx.dispatch().assign(null, a.vehicleId(0), now)));

        write("ResidentRepository", "duplicate id", () -> run(a, tx -> tx.residents().insert(a.resident(0))));
        write("VehicleRepository", "duplicate id", () -> run(a, tx -> tx.vehicles().insert(a.vehicle(0))));
        write("VehicleRepository", "duplicate name", () -> run(a, tx -> tx.vehicles().insert(
                TvmTestData.vehicle(a.facilityId()).at(now).name(a.vehicle(0).name()).build())));
        write("UserRepository", "duplicate e-mail", () -> run(a, tx -> tx.users().insert(
                TvmTestData.user(a.facilityId()).at(now).email(a.user(RoleName.NURSE).email().value()).build())));
        write("UserRepository", "e-mail of another facility's user", () -> run(a, tx -> tx.users().insert(
                TvmTestData.user(a.facilityId()).at(now).email(b.user(RoleName.NURSE).email().value()).build())));

        write("ResidentRepository", "update another facility's resident", () -> run(a, tx -> tx.residents().update(b.resident(0))));
        write("ResidentRepository", "softDelete another facility's resident",
                () -> run(a, tx -> tx.residents().softDelete(b.residentId(0), now)));
        write("VehicleRepository", "heartbeat of another facility's vehicle",
                () -> run(a, tx -> tx.vehicles().recordHeartbeat(b.vehicleId(0), now, 50, null)));
        write("VehicleRepository", "softDelete another facility's vehicle",
                () -> run(a, tx -> tx.vehicles().softDelete(b.vehicleId(0), now)));
        write("UserRepository", "recordLogin of another facility's user",
                () -> run(a, tx -> tx.users().recordLogin(b.userId(RoleName.NURSE), now, "192.0.2.1")));
        write("UserRepository", "softDelete another facility's user",
                () -> run(a, tx -> tx.users().softDelete(b.userId(RoleName.NURSE), now)));
        write("AccessControlRepository", "grantRole to another facility's user",
                () -> run(a, tx -> tx.accessControl().grantRole(b.userId(RoleName.NURSE), RoleName.ADMIN)));
        write("AccessControlRepository", "assign another facility's resident",
                () -> run(a, tx -> tx.accessControl().assignCaregiver(a.userId(RoleName.CAREGIVER), b.residentId(0))));
        write("MissionRepository", "mission for another facility's resident", () -> run(a, tx -> tx.missions().insert(
                TvmTestData.mission(a.facilityId(), b.residentId(0), a.userId(RoleName.NURSE)).at(now).build())));
        write("TelemetryRepository", "sample of another facility's vehicle", () -> run(a, tx -> tx.telemetry().append(
                List.of(TvmTestData.telemetry(b.facilityId(), b.vehicleId(0)).at(now).build()))));
        write("TelemetryRepository", "sample naming this facility but another's vehicle", () -> run(a, tx -> tx.telemetry()
                .append(List.of(TvmTestData.telemetry(a.facilityId(), b.vehicleId(0)).at(now).build()))));
        write("AuditRepository", "entry naming another facility's user", () -> run(a, tx -> tx.audit().append(
                audit(a, now).user(b.userId(RoleName.NURSE), null).build())));
        write("AuditRepository", "data access to another facility's resident", () -> run(a, tx -> tx.audit()
                .recordDataAccess(TvmTestData.dataAccess(a.facilityId(), b.residentId(0)).user(a.userId(RoleName.NURSE))
                        .at(now).build())));
        MissionTransition pending = TvmTestData.mission(a.facilityId(), a.residentId(0), a.userId(RoleName.NURSE)).at(now).build();
        run(a, tx -> tx.missions().insert(pending)); // set-up, outside the counted write
        write("DispatchOperations", "assign another facility's vehicle",
                () -> run(a, tx -> tx.dispatch().assign(pending.mission().id(), b.vehicleId(0), now)));
        write("DispatchOperations", "assign at an out-of-range instant",
                () -> run(a, tx -> tx.dispatch().assign(pending.mission().id(), a.vehicleId(0), Instant.MAX)));
        write("FacilityRepository", "update naming another facility", () -> run(a, tx -> tx.facilities().update(b.facility())));
        write("FacilityRepository", "location of another facility", () -> run(a, tx -> tx.facilities().insertLocation(
                TvmTestData.location(b.facilityId()).at(now).build())));
        write("TvmAdministration", "createFacility twice", () -> subject().administration().createFacility(a.facility()));
        write("TvmAdministration", "createFacility with a NUL name",
                () -> subject().administration().createFacility(TvmTestData.facility().at(now).name("a\u0000b").build()));
        write("TvmAdministration", "createFacility with a 501-character address", () -> subject().administration()
                .createFacility(TvmTestData.facility().at(now).address("a".repeat(501)).build()));
    }

    // --- one write method each: build (domain errors count), write, read back ------------------------------------

    private void resident(FacilityWorld w, String label, Supplier<Resident> input) {
        write("ResidentRepository", label, () -> {
            Resident r = input.get();
            run(w, tx -> tx.residents().insert(r));
            assertThat(read(w, tx -> tx.residents().findById(r.id()))).contains(r);
        });
    }

    private void vehicle(FacilityWorld w, String label, Supplier<Vehicle> input) {
        write("VehicleRepository", label, () -> {
            Vehicle v = input.get();
            run(w, tx -> tx.vehicles().insert(v));
            assertThat(read(w, tx -> tx.vehicles().findById(v.id()))).contains(v);
        });
    }

    private void vehicleLog(FacilityWorld w, String label, Supplier<org.tvm.domain.fleet.VehicleLogEntry> input) {
        write("VehicleRepository", "log " + label, () -> {
            org.tvm.domain.fleet.VehicleLogEntry e = input.get();
            run(w, tx -> tx.vehicles().appendLogs(List.of(e)));
            assertThat(read(w, tx -> Optional.of(tx.vehicles().logs(e.vehicleId(), e.loggedAt(),
                    e.loggedAt().plus(1, ChronoUnit.MICROS), 10))).orElseThrow()).contains(e);
        });
    }

    private void heartbeat(FacilityWorld w, String label, Instant at, Supplier<VehicleLocation> location, Integer battery) {
        Vehicle fresh = TvmTestData.vehicle(w.facilityId()).at(ContractSupport.baseNow()).build(); // no heartbeat yet
        run(w, tx -> tx.vehicles().insert(fresh)); // set-up, outside the counted write
        write("VehicleRepository", "heartbeat " + label, () -> {
            VehicleLocation l = location.get();
            Vehicle written = tx(w, tx -> tx.vehicles().recordHeartbeat(fresh.id(), at, battery, l));
            assertThat(read(w, tx -> tx.vehicles().findById(fresh.id()))).contains(written);
            assertThat(written.lastHeartbeat()).isEqualTo(at);
        });
    }

    private void user(FacilityWorld w, String label, Supplier<User> input) {
        write("UserRepository", label, () -> {
            User u = input.get();
            run(w, tx -> tx.users().insert(u));
            assertThat(read(w, tx -> tx.users().findById(u.id()))).contains(u);
        });
    }

    private void location(FacilityWorld w, String label, Supplier<Location> input) {
        write("FacilityRepository", "location " + label, () -> {
            Location l = input.get();
            run(w, tx -> tx.facilities().insertLocation(l));
            assertThat(read(w, tx -> Optional.of(tx.facilities().locations())).orElseThrow()).contains(l);
        });
    }

    private void facility(FacilityWorld w, String label, Supplier<Facility> input) {
        write("FacilityRepository", "facility " + label, () -> {
            Facility f = input.get();
            Facility written = tx(w, tx -> tx.facilities().update(f));
            assertThat(read(w, tx -> tx.facilities().current())).contains(written);
            assertThat(written.address()).isEqualTo(f.address());
        });
    }

    private void audit(FacilityWorld w, String label, Supplier<AuditEntry> input) {
        write("AuditRepository", label, () -> {
            AuditEntry e = input.get();
            run(w, tx -> tx.audit().append(e));
            assertThat(read(w, tx -> Optional.of(tx.audit().byResource(e.resourceType(), e.resourceId(),
                    PageRequest.first(10)).items())).orElseThrow()).containsExactly(e);
        });
    }

    private void mission(FacilityWorld w, String label, Supplier<MissionTransition> input) {
        write("MissionRepository", label, () -> {
            MissionTransition m = input.get();
            run(w, tx -> tx.missions().insert(m));
            assertThat(read(w, tx -> tx.missions().findById(m.mission().id()))).contains(m.mission());
        });
    }

    private void telemetry(FacilityWorld w, String label, Supplier<TelemetrySample> input) {
        write("TelemetryRepository", label, () -> {
            TelemetrySample s = input.get();
            run(w, tx -> tx.telemetry().append(List.of(s)));
            assertThat(read(w, tx -> Optional.of(tx.telemetry().range(s.vehicleId(), s.timestamp(),
                    s.timestamp().plus(1, ChronoUnit.MICROS), 10))).orElseThrow()).contains(s);
        });
    }

    private static AuditEntryData audit(FacilityWorld w, Instant now) {
        return TvmTestData.auditEntry(w.facilityId()).action("hostile.input").resource("probe", UUID.randomUUID()).at(now);
    }

    // --- the harness ------------------------------------------------------------------------------------------------

    /** Runs one input, classifies how it ended and checks that a rejected one left every row count unchanged. */
    private void write(String port, String label, Runnable attempt) {
        Map<String, Long> before = subject().rowCounts();
        String outcome;
        try {
            attempt.run();
            outcome = "accepted, read back exactly";
        } catch (DomainValidationException e) {
            outcome = "DomainValidationException";
        } catch (DomainException e) {
            outcome = "domain rule (" + e.getClass().getSimpleName() + ")";
        } catch (NullPointerException e) {
            outcome = "NullPointerException (null argument)";
        } catch (TvmPersistenceException e) {
            if (e.getClass() == TvmPersistenceException.class) {
                failures.add(port + " / " + label + ": bare TvmPersistenceException: " + e.getMessage());
            }
            outcome = e.getClass().getSimpleName();
        } catch (AssertionError e) {
            failures.add(port + " / " + label + ": did not read back exactly: " + firstLine(e.getMessage()));
            outcome = "FAILED round trip";
        } catch (RuntimeException e) {
            failures.add(port + " / " + label + ": unexpected " + e.getClass().getName() + ": " + firstLine(e.getMessage()));
            outcome = "FAILED " + e.getClass().getSimpleName();
        }
        if (!outcome.startsWith("accepted")) {
            Map<String, Long> after = subject().rowCounts();
            if (!after.equals(before)) {
                failures.add(port + " / " + label + ": rejected (" + outcome + ") but rows changed: " + diff(before, after));
            }
        }
        outcomes.computeIfAbsent(port, p -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    private void run(FacilityWorld w, Consumer<TvmTransaction> work) {
        subject().persistence().run(w.systemContext(), work);
    }

    private <T> T tx(FacilityWorld w, Function<TvmTransaction, T> work) {
        return subject().persistence().inTransaction(w.systemContext(), work::apply);
    }

    private <T> Optional<T> read(FacilityWorld w, Function<TvmTransaction, Optional<T>> work) {
        return subject().persistence().inTransaction(w.systemContext(), work::apply); // some reads record a data access
    }

    private static String describe(String s) {
        if (s.length() > 40) {
            return "<" + s.length() + " chars>";
        }
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : Character.toString(c)));
        return b.append("'").toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> d = new LinkedHashMap<>();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                d.put(t, before.get(t) + " -> " + n);
            }
        });
        return d.toString();
    }
}
