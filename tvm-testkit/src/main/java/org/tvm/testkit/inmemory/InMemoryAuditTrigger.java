package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAccessControl.CAREGIVERS;
import static org.tvm.testkit.inmemory.InMemoryAccessControl.GRANTS;
import static org.tvm.testkit.inmemory.InMemoryUsers.USERS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.resident.ResidentId;
import org.tvm.migrations.AuditTexts;
import org.tvm.migrations.AuditedTables;
import org.tvm.testkit.inmemory.Tenant.AuditRow;

/**
 * What the database's audit triggers do, for the in-memory store: after each write, every row the write touched in an
 * {@linkplain AuditedTables audited table} becomes one audit entry with the same action, resource, actor and
 * {@code changed}/{@code old.*}/{@code new.*} details ({@link AuditTexts}), appended to the facility's chain. Rows are
 * rendered column by column under the database's column names, by the {@link Columns} each audited {@link Tenant.Table}
 * is declared with (the trigger itself knows only the role grants and caregiver assignments); values are text in the
 * database's form where the domain can tell (role ids are role names here: the catalogue has no ids).
 */
final class InMemoryAuditTrigger {

    private InMemoryAuditTrigger() {
    }

    static void fire(Tenant t, InMemoryTransaction tx) {
        Instant now = tx.store.now();
        UserId actor = tx.actor();
        for (Tenant.Table<?, ?> table : t.tables()) {
            diff(t, tx, table, now, actor);
        }
        grants(t, tx, now, actor);
        caregivers(t, tx, now, actor);
    }

    /** A row of an audited table under the database's column names, declared with its {@link Tenant.Table}. */
    @FunctionalInterface
    interface Columns<K, V> {
        Map<String, String> of(K key, V value, Tenant t);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void diff(Tenant t, InMemoryTransaction tx, Tenant.Table<K, V> table, Instant now,
                                    UserId actor) {
        Columns<K, V> cols = table.columns();
        TrackingMap<K, V> tracking = t.tracking(table);
        if (cols == null || tracking == null || tracking.journal().isEmpty()) {
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

    private static Map<String, String> userRole(UserId user, RoleName role, UserId grantedBy) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user_id", user.toString());
        m.put("role_id", role.code());
        m.put("assigned_by_user_id", text(grantedBy));
        return m;
    }

    private static Map<String, String> caregiver(UserId caregiver, ResidentId resident, UserId by) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("caregiver_user_id", caregiver.toString());
        m.put("resident_id", resident.toString());
        m.put("assigned_by_user_id", text(by));
        return m;
    }

    /** The columns every facility-owned row has. */
    static Map<String, String> baseColumns(String id, Tenant t, Instant createdAt, Instant updatedAt) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("facility_id", t.id.toString());
        m.put("created_at", timestamp(createdAt));
        m.put("updated_at", timestamp(updatedAt));
        return m;
    }

    /** A timestamp as the database renders it in audit details. */
    static String timestamp(Instant i) {
        return i == null ? null : AuditTexts.timestamp(i);
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
