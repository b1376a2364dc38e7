package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.migrations.TableEntities;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.VehicleBusyException;
import org.tvm.testkit.inmemory.Tenant.RowKey;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

/**
 * The store's unique indexes that span facilities (ids, user e-mails, vehicle serial numbers), and the rules a commit
 * checks on the final state of a tenant, across its rows and against these indexes, before publishing it. The indexes
 * change only under the store's commit lock, together with the snapshot; transactions read them for early checks.
 */
final class UniqueIndexes {

    /** Every id ever committed (ids are never removed): table + id -> facility. */
    final Map<RowKey, FacilityId> idIndex = new ConcurrentHashMap<>();
    /** Lower-case e-mail of every non-deleted committed user -> user. */
    final Map<String, UserId> emailIndex = new ConcurrentHashMap<>();
    /** Serial number of every committed vehicle (deleted or not, like the plain UNIQUE constraint) -> vehicle. */
    final Map<String, VehicleId> serialIndex = new ConcurrentHashMap<>();

    /** Rules spanning rows or facilities, checked on the final state of a tenant before it is published. */
    void validate(Tenant t) {
        for (VehicleId vid : t.dirtyVehicles) {
            Vehicle v = t.rows(VEHICLES).get(vid);
            if (v == null) {
                continue;
            }
            if (!v.isDeleted()) {
                for (Vehicle other : t.rows(VEHICLES).values()) {
                    if (!other.id().equals(vid) && !other.isDeleted() && other.name().equals(v.name())) {
                        throw new DuplicateKeyException("Vehicle", "idx_vehicles_name_unique");
                    }
                }
            }
            if (v.serialNumber() != null) {
                VehicleId owner = serialIndex.get(v.serialNumber());
                if (owner != null && !owner.equals(vid) && !serialReleasedIn(t, owner, v.serialNumber())) {
                    throw new DuplicateKeyException("Vehicle", "vehicles_serial_number_key");
                }
                for (Vehicle other : t.rows(VEHICLES).values()) {
                    if (!other.id().equals(vid) && v.serialNumber().equals(other.serialNumber())) {
                        throw new DuplicateKeyException("Vehicle", "vehicles_serial_number_key");
                    }
                }
            }
        }
        for (var m : t.dirtyMissions) {
            Mission mission = t.rows(MISSIONS).get(m);
            if (mission == null || mission.isDeleted() || !mission.status().isActive() || mission.vehicleId() == null) {
                continue;
            }
            for (Mission other : t.rows(MISSIONS).values()) {
                if (!other.id().equals(m) && !other.isDeleted() && other.status().isActive()
                        && mission.vehicleId().equals(other.vehicleId())) {
                    throw new VehicleBusyException(mission.vehicleId());
                }
            }
        }
        for (UserId uid : t.dirtyUsers) {
            StoredUser su = t.rows(USERS).get(uid);
            if (su == null || su.withoutSecret().isDeleted()) {
                continue;
            }
            // unique case-insensitively among non-deleted users, like idx_users_email_unique on LOWER(email)
            String email = su.withoutSecret().email().canonical();
            UserId owner = emailIndex.get(email);
            if (owner != null && !owner.equals(uid)) {
                StoredUser local = t.rows(USERS).get(owner);
                boolean releasedHere = local != null
                        && (local.withoutSecret().isDeleted() || !local.withoutSecret().email().canonical().equals(email));
                if (!releasedHere) {
                    throw new DuplicateKeyException("User", "idx_users_email_unique");
                }
            }
            for (StoredUser other : t.rows(USERS).values()) {
                if (!other.withoutSecret().id().equals(uid) && !other.withoutSecret().isDeleted()
                        && other.withoutSecret().email().canonical().equals(email)) {
                    throw new DuplicateKeyException("User", "idx_users_email_unique");
                }
            }
        }
        for (RowKey key : t.insertedIds) {
            FacilityId owner = idIndex.get(key);
            if (owner != null && !owner.equals(t.id)) {
                throw new DuplicateKeyException(entityOf(key.table()), key.table() + "_pkey");
            }
        }
    }

    private static boolean serialReleasedIn(Tenant t, VehicleId owner, String serial) {
        Vehicle local = t.rows(VEHICLES).get(owner);
        return local != null && !serial.equals(local.serialNumber());
    }

    /** The entity a table stores, as the SQL adapters name it in their errors (the schema's one list). */
    static String entityOf(String table) {
        String entity = TableEntities.of(table);
        return entity != null ? entity : table;
    }

    /** Moves the indexes from {@code before} (null for a new tenant) to {@code result}, which is being published. */
    void publish(Tenant before, Tenant result) {
        for (RowKey key : result.insertedIds) {
            idIndex.put(key, result.id);
        }
        for (UserId uid : result.dirtyUsers) {
            StoredUser old = before == null ? null : before.rows(USERS).get(uid);
            if (old != null && !old.withoutSecret().isDeleted()) {
                emailIndex.remove(old.withoutSecret().email().canonical(), uid);
            }
        }
        for (UserId uid : result.dirtyUsers) {
            StoredUser now = result.rows(USERS).get(uid);
            if (now != null && !now.withoutSecret().isDeleted()) {
                emailIndex.put(now.withoutSecret().email().canonical(), uid);
            }
        }
        for (VehicleId vid : result.dirtyVehicles) {
            Vehicle old = before == null ? null : before.rows(VEHICLES).get(vid);
            if (old != null && old.serialNumber() != null) {
                serialIndex.remove(old.serialNumber(), vid);
            }
        }
        for (VehicleId vid : result.dirtyVehicles) {
            Vehicle now = result.rows(VEHICLES).get(vid);
            if (now != null && now.serialNumber() != null) {
                serialIndex.put(now.serialNumber(), vid);
            }
        }
    }
}
