package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAccessControl.CAREGIVERS;
import static org.tvm.testkit.inmemory.InMemoryAccessControl.GRANTS;
import static org.tvm.testkit.inmemory.InMemoryFacilities.LOCATIONS;
import static org.tvm.testkit.inmemory.InMemoryMaps.MAPS;
import static org.tvm.testkit.inmemory.InMemoryMissions.MISSIONS;
import static org.tvm.testkit.inmemory.InMemoryResidents.RESIDENTS;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.Location;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.resident.Resident;
import org.tvm.domain.resident.ResidentId;
import org.tvm.migrations.AuditTexts;
import org.tvm.migrations.AuditedTables;
import org.tvm.testkit.inmemory.Tenant.AuditRow;
import org.tvm.testkit.inmemory.Tenant.StoredResident;
import org.tvm.testkit.inmemory.Tenant.StoredUser;

/**
 * What the database's audit triggers do, for the in-memory store: after each write, every row the write touched in an
 * {@linkplain AuditedTables audited table} becomes one audit entry with the same action, resource, actor and
 * {@code changed}/{@code old.*}/{@code new.*} details ({@link AuditTexts}), appended to the facility's chain. Rows are
 * rendered column by column under the database's column names; values are text in the database's form where the
 * domain can tell (role ids are role names here: the catalogue has no ids).
 */
final class InMemoryAuditTrigger {

    private InMemoryAuditTrigger() {
    }

    static void fire(Tenant t, InMemoryTransaction tx) {
        Instant now = tx.store.now();
        UserId actor = tx.actor();
        diff(t, tx, RESIDENTS, InMemoryAuditTrigger::resident, now, actor);
        diff(t, tx, USERS, InMemoryAuditTrigger::user, now, actor);
        diff(t, tx, VEHICLES, InMemoryAuditTrigger::vehicle, now, actor);
        diff(t, tx, MISSIONS, InMemoryAuditTrigger::mission, now, actor);
        diff(t, tx, LOCATIONS, InMemoryAuditTrigger::location, now, actor);
        diff(t, tx, MAPS, InMemoryAuditTrigger::map, now, actor);
        grants(t, tx, now, actor);
        caregivers(t, tx, now, actor);
    }

    private interface Columns<K, V> {
        Map<String, String> of(K key, V value, Tenant t);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void diff(Tenant t, InMemoryTransaction tx, Tenant.Table<K, V> table, Columns<K, V> cols,
                                    Instant now, UserId actor) {
        TrackingMap<K, V> tracking = t.tracking(table);
        if (tracking == null || tracking.journal().isEmpty()) {
            return;
        }
        for (Map.Entry<K, Object> e : tracking.journal().entrySet()) {
            Object old = e.getValue();
            V now1 = tracking.get(e.getKey());
            if (old == now1) {
                continue;
            }
            Map<String, String> before = old == TrackingMap.ABSENT ? null : cols.of(e.getKey(), (V) old, t);
            Map<String, String> after = now1 == null ? null : cols.of(e.getKey(), now1, t);
            append(t, tx, table.name(), before, after, now, actor);
        }
        tracking.clearJournal();
    }

    @SuppressWarnings("unchecked")
    private static void grants(Tenant t, InMemoryTransaction tx, Instant now, UserId actor) {
        TrackingMap<UserId, Map<RoleName, UserId>> tracking = t.tracking(GRANTS);
        if (tracking == null) {
            return;
        }
        for (Map.Entry<UserId, Object> e : tracking.journal().entrySet()) {
            Map<RoleName, UserId> before = e.getValue() == TrackingMap.ABSENT ? Map.of()
                    : e.getValue() == null ? Map.of() : (Map<RoleName, UserId>) e.getValue();
            Map<RoleName, UserId> after = tracking.getOrDefault(e.getKey(), Map.of());
            for (Map.Entry<RoleName, UserId> g : after.entrySet()) {
                if (!before.containsKey(g.getKey())) {
                    append(t, tx, "user_roles", null, userRole(e.getKey(), g.getKey(), g.getValue()), now, actor);
                }
            }
            for (Map.Entry<RoleName, UserId> g : before.entrySet()) {
                if (!after.containsKey(g.getKey())) {
                    append(t, tx, "user_roles", userRole(e.getKey(), g.getKey(), g.getValue()), null, now, actor);
                }
            }
        }
        tracking.clearJournal();
    }

    @SuppressWarnings("unchecked")
    private static void caregivers(Tenant t, InMemoryTransaction tx, Instant now, UserId actor) {
        TrackingMap<UserId, Set<ResidentId>> tracking = t.tracking(CAREGIVERS);
        if (tracking == null) {
            return;
        }
        for (Map.Entry<UserId, Object> e : tracking.journal().entrySet()) {
            Set<ResidentId> before = e.getValue() == TrackingMap.ABSENT || e.getValue() == null ? Set.of()
                    : (Set<ResidentId>) e.getValue();
            Set<ResidentId> after = tracking.getOrDefault(e.getKey(), Set.of());
            for (ResidentId r : after) {
                if (!before.contains(r)) {
                    append(t, tx, "caregiver_assignments", null, caregiver(e.getKey(), r, actor), now, actor);
                }
            }
            for (ResidentId r : before) {
                if (!after.contains(r)) {
                    // the assigning user is not kept in memory; the database row would name it
                    append(t, tx, "caregiver_assignments", caregiver(e.getKey(), r, null), null, now, actor);
                }
            }
        }
        tracking.clearJournal();
    }

    private static void append(Tenant t, InMemoryTransaction tx, String table, Map<String, String> before,
                               Map<String, String> after, Instant now, UserId actor) {
        AuditedTables.Table rules = AuditedTables.of(table);
        Map<String, String> details = AuditTexts.changeDetails(rules, before, after);
        if (details == null) {
            return;
        }
        Map<String, String> row = after != null ? after : before;
        String op = before == null ? "INSERT" : after == null ? "DELETE" : "UPDATE";
        String action = AuditedTables.action(rules.resourceType(), op, before == null ? null : before.get("deleted_at"),
                after == null ? null : after.get("deleted_at"));
        UserId user = actor;
        if (actor != null && !t.rows(USERS).containsKey(actor)
                && !tx.store.uniqueIndexes.idIndex.containsKey(new Tenant.RowKey("users", actor.value()))) {
            details.put("actor", actor.toString());
            user = null;
        }
        AuditEntry entry = AuditEntry.builder().facilityId(t.id).userId(user).action(action)
                .resourceType(rules.resourceType()).resourceId(UUID.fromString(row.get(rules.idColumn())))
                .details(details).timestamp(now).build();
        t.appendAudit(new AuditRow(entry, tx.store.nextSeq()));
    }

    // ------------------------------------------------------------------ rows as the database's columns

    private static Map<String, String> resident(ResidentId id, StoredResident s, Tenant t) {
        Resident r = s.withoutNotes();
        Map<String, String> m = base(r.id().toString(), t, r.createdAt(), r.updatedAt());
        m.put("first_name", r.firstName());
        m.put("last_name", r.lastName());
        m.put("date_of_birth", str(r.dateOfBirth()));
        m.put("gender", r.gender() == null ? null : r.gender().code());
        m.put("phone", r.phone() == null ? null : r.phone().value());
        m.put("emergency_contact_name", r.emergencyContactName());
        m.put("emergency_contact_phone", r.emergencyContactPhone() == null ? null : r.emergencyContactPhone().value());
        m.put("medical_notes", s.sealedNotes());
        m.put("wheelchair_type", r.wheelchairType() == null ? null : r.wheelchairType().code());
        m.put("requires_assistance", Boolean.toString(r.requiresAssistance()));
        m.put("preferred_language", r.preferredLanguage());
        m.put("photo_url", r.photoUrl());
        m.put("gdpr_consent", Boolean.toString(r.gdprConsent()));
        m.put("gdpr_consent_date", ts(r.gdprConsentDate()));
        m.put("deleted_at", ts(r.deletedAt()));
        return m;
    }

    private static Map<String, String> user(UserId id, StoredUser s, Tenant t) {
        User u = s.withoutSecret();
        Map<String, String> m = base(u.id().toString(), t, u.createdAt(), u.updatedAt());
        m.put("email", u.email().value());
        m.put("password_hash", u.passwordHash().value());
        m.put("first_name", u.firstName());
        m.put("last_name", u.lastName());
        m.put("phone", u.phone() == null ? null : u.phone().value());
        m.put("status", u.status().code());
        m.put("email_verified", Boolean.toString(u.emailVerified()));
        m.put("email_verification_token", u.emailVerificationToken());
        m.put("mfa_enabled", Boolean.toString(u.mfaEnabled()));
        m.put("mfa_secret", s.sealedSecret());
        m.put("password_reset_token", u.passwordResetToken());
        m.put("password_reset_expires", ts(u.passwordResetExpires()));
        m.put("last_login_at", ts(u.lastLoginAt()));
        m.put("last_login_ip", u.lastLoginIp());
        m.put("deleted_at", ts(u.deletedAt()));
        return m;
    }

    private static Map<String, String> vehicle(Object id, Vehicle v, Tenant t) {
        Map<String, String> m = base(v.id().toString(), t, v.createdAt(), v.updatedAt());
        m.put("name", v.name());
        m.put("serial_number", v.serialNumber());
        m.put("model", v.model());
        m.put("firmware_version", v.firmwareVersion());
        m.put("status", v.status().code());
        m.put("current_mission_id", str(v.currentMissionId()));
        m.put("current_location", v.currentLocation() == null ? null : v.currentLocation().toJson());
        m.put("battery_level", str(v.batteryLevel()));
        m.put("last_heartbeat", ts(v.lastHeartbeat()));
        m.put("max_payload_kg", Integer.toString(v.maxPayloadKg()));
        m.put("max_speed_mps", v.maxSpeedMps() == null ? null : v.maxSpeedMps().toPlainString());
        m.put("last_maintenance_date", str(v.lastMaintenanceDate()));
        m.put("next_maintenance_due", str(v.nextMaintenanceDue()));
        m.put("total_distance_km", v.totalDistanceKm() == null ? null : v.totalDistanceKm().toPlainString());
        m.put("total_missions", Integer.toString(v.totalMissions()));
        m.put("deleted_at", ts(v.deletedAt()));
        return m;
    }

    private static Map<String, String> mission(Object id, Mission x, Tenant t) {
        Map<String, String> m = base(x.id().toString(), t, x.createdAt(), x.updatedAt());
        m.put("resident_id", x.residentId().toString());
        m.put("vehicle_id", str(x.vehicleId()));
        m.put("created_by_user_id", str(x.createdBy()));
        m.put("pickup_location", x.pickup().label());
        m.put("pickup_coordinates", str(x.pickup().coordinates()));
        m.put("dropoff_location", x.dropoff().label());
        m.put("dropoff_coordinates", str(x.dropoff().coordinates()));
        m.put("priority", x.priority().code());
        m.put("status", x.status().code());
        m.put("scheduled_at", ts(x.scheduledAt()));
        m.put("assigned_at", ts(x.assignedAt()));
        m.put("started_at", ts(x.startedAt()));
        m.put("completed_at", ts(x.completedAt()));
        m.put("notes", x.notes());
        m.put("failure_reason", x.failureReason());
        m.put("last_progress", x.lastProgress() == null ? null : x.lastProgress().code());
        m.put("deleted_at", ts(x.deletedAt()));
        return m;
    }

    private static Map<String, String> location(Object id, Location l, Tenant t) {
        Map<String, String> m = base(l.id().toString(), t, l.createdAt(), l.updatedAt());
        m.put("name", l.name());
        m.put("kind", l.kind().code());
        m.put("coordinates", str(l.point()));
        m.put("zone", l.zone());
        return m;
    }

    private static Map<String, String> map(Object id, FacilityMap f, Tenant t) {
        Map<String, String> m = base(f.id().toString(), t, f.createdAt(), f.updatedAt());
        m.put("name", f.name());
        m.put("version", Integer.toString(f.version()));
        m.put("data", f.data().toString());   // withheld: only whether it is there matters
        return m;
    }

    private static Map<String, String> userRole(UserId user, RoleName role, UserId grantedBy) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user_id", user.toString());
        m.put("role_id", role.code());
        m.put("assigned_by_user_id", str(grantedBy));
        return m;
    }

    private static Map<String, String> caregiver(UserId caregiver, ResidentId resident, UserId by) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("caregiver_user_id", caregiver.toString());
        m.put("resident_id", resident.toString());
        m.put("assigned_by_user_id", str(by));
        return m;
    }

    private static Map<String, String> base(String id, Tenant t, Instant createdAt, Instant updatedAt) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("facility_id", t.id.toString());
        m.put("created_at", ts(createdAt));
        m.put("updated_at", ts(updatedAt));
        return m;
    }

    private static String ts(Instant i) {
        return i == null ? null : AuditTexts.timestamp(i);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
