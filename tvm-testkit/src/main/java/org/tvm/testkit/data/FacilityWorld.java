package org.tvm.testkit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.time.Instant;
import java.util.function.Consumer;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * A freshly created, populated facility for tests that need more than one aggregate:
 * <ul>
 *   <li>the facility (created through {@link TvmAdministration#createFacility}) at {@code now};</li>
 *   <li>one ACTIVE user per {@link RoleName}, each granted exactly that role;</li>
 *   <li>three residents ({@code resident(0)} is assigned to the caregiver, the others are not);</li>
 *   <li>two IDLE vehicles, online at {@code now} (heartbeat at {@code now}) with battery 90 and 60, located 100 m and
 *       400 m north of {@link TvmTestData#BASE_POINT}.</li>
 * </ul>
 * Everything is written in one transaction with a system context. The world is immutable; it describes the state right
 * after creation (tests that change rows must re-read them).
 */
public final class FacilityWorld {

    private final TvmPersistence persistence;
    private final Facility facility;
    private final Instant now;
    private final Map<RoleName, User> users;
    private final List<Resident> residents;
    private final List<Vehicle> vehicles;

    private FacilityWorld(TvmPersistence persistence, Facility facility, Instant now, Map<RoleName, User> users,
            List<Resident> residents, List<Vehicle> vehicles) {
        this.persistence = persistence;
        this.facility = facility;
        this.now = now;
        this.users = Collections.unmodifiableMap(users);
        this.residents = List.copyOf(residents);
        this.vehicles = List.copyOf(vehicles);
    }

    /** Creates a world through the subject's administration and persistence. */
    public static FacilityWorld create(PersistenceUnderTest subject, Instant now) {
        Objects.requireNonNull(subject, "subject");
        return create(subject.administration(), subject.persistence(), now);
    }

    /** Creates a world through the given administration and persistence (which must share one store). */
    public static FacilityWorld create(TvmAdministration administration, TvmPersistence persistence, Instant now) {
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(now, "now");
        Facility facility = TvmTestData.facility().at(now).build();
        administration.createFacility(facility);
        FacilityId f = facility.id();

        Map<RoleName, User> users = new EnumMap<>(RoleName.class);
        for (RoleName role : RoleName.values()) {
            users.put(role, TvmTestData.user(f).firstName(capitalised(role.code())).lastName("Staff").at(now).build());
        }
        List<Resident> residents = new ArrayList<>();
        String[] lastNames = {"Abbott", "Baker", "Carter"};
        for (String lastName : lastNames) {
            residents.add(TvmTestData.resident(f).lastName(lastName + " " + TvmTestData.unique()).at(now).build());
        }
        List<Vehicle> vehicles = new ArrayList<>();
        vehicles.add(TvmTestData.vehicle(f).name("Alpha " + TvmTestData.unique()).at(now)
                .onlineAt(now, 90, TvmTestData.pointNearBase(100, 0)).build());
        vehicles.add(TvmTestData.vehicle(f).name("Bravo " + TvmTestData.unique()).at(now)
                .onlineAt(now, 60, TvmTestData.pointNearBase(400, 0)).build());

        persistence.run(TvmContext.system(f), tx -> {
            users.values().forEach(tx.users()::insert);
            users.forEach((role, user) -> tx.accessControl().grantRole(user.id(), role));
            residents.forEach(tx.residents()::insert);
            vehicles.forEach(tx.vehicles()::insert);
            tx.accessControl().assignCaregiver(users.get(RoleName.CAREGIVER).id(), residents.get(0).id());
        });
        return new FacilityWorld(persistence, facility, now, users, residents, vehicles);
    }

    private static String capitalised(String code) {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    public Facility facility() { return facility; }
    public FacilityId facilityId() { return facility.id(); }
    /** The instant the world was created at (all timestamps and heartbeats). */
    public Instant now() { return now; }

    /** @return the user holding exactly {@code role} */
    public User user(RoleName role) { return users.get(role); }
    public UserId userId(RoleName role) { return users.get(role).id(); }
    public Map<RoleName, User> users() { return users; }

    public List<Resident> residents() { return residents; }
    public Resident resident(int index) { return residents.get(index); }
    public ResidentId residentId(int index) { return residents.get(index).id(); }
    /** The resident assigned to the caregiver ({@code resident(0)}). */
    public ResidentId assignedResidentId() { return residents.get(0).id(); }
    /** A resident not assigned to the caregiver ({@code resident(1)}). */
    public ResidentId unassignedResidentId() { return residents.get(1).id(); }

    public List<Vehicle> vehicles() { return vehicles; }
    public Vehicle vehicle(int index) { return vehicles.get(index); }
    public VehicleId vehicleId(int index) { return vehicles.get(index).id(); }

    /** @return a system context (no actor) for this facility */
    public TvmContext systemContext() { return TvmContext.system(facility.id()); }
    /** @return a context in which the user holding {@code role} acts */
    public TvmContext contextOf(RoleName role) { return TvmContext.of(facility.id(), userId(role)); }

    /** Runs {@code work} in a read-write transaction with a system context of this facility. */
    public <T> T inTransaction(TransactionWork<T> work) { return persistence.inTransaction(systemContext(), work); }
    /** Runs {@code work} in a read-write transaction in which the user holding {@code role} acts. */
    public <T> T inTransactionAs(RoleName role, TransactionWork<T> work) { return persistence.inTransaction(contextOf(role), work); }
    /** Runs {@code work} in a read-write transaction with a system context of this facility. */
    public void run(Consumer<TvmTransaction> work) { persistence.run(systemContext(), work); }
}
