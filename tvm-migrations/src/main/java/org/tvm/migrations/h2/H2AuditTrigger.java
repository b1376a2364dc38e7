package org.tvm.migrations.h2;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.h2.api.Trigger;
import org.tvm.migrations.AuditTexts;
import org.tvm.migrations.AuditedTables;

/**
 * H2 counterpart of PostgreSQL's {@code tvm_audit_row_change()}: AFTER INSERT/UPDATE/DELETE on every
 * {@linkplain AuditedTables audited table}, writes one {@code audit_logs} entry in the writer's transaction. The actor
 * is the session variable {@code @tvm_actor_id} the adapters set at the start of each transaction (H2 has no
 * transaction-local settings; a raw SQL writer on H2 that does not set it is recorded without actor).
 */
public final class H2AuditTrigger implements Trigger {

    private AuditedTables.Table table;
    private List<String> columns;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        this.table = AuditedTables.of(tableName.toLowerCase(java.util.Locale.ROOT));
        if (table == null) {
            throw new SQLException("table " + tableName + " is not audited (AuditedTables)");
        }
        this.columns = H2Columns.of(conn, schemaName, tableName, true);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String op = oldRow == null ? "INSERT" : newRow == null ? "DELETE" : "UPDATE";
        Map<String, String> before = oldRow == null ? null : values(oldRow);
        Map<String, String> after = newRow == null ? null : values(newRow);
        Map<String, String> details = AuditTexts.changeDetails(table, before, after);
        if (details == null) {
            return;
        }
        Object[] row = newRow != null ? newRow : oldRow;
        int del = columns.indexOf("deleted_at");
        String action = AuditedTables.action(table.resourceType(), op,
                del < 0 || oldRow == null ? null : oldRow[del], del < 0 || newRow == null ? null : newRow[del]);
        UUID actor = actor(conn);
        UUID actorUser = null;
        if (actor != null) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM users WHERE id = ?")) {
                ps.setObject(1, actor);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        actorUser = actor;
                    } else {
                        details.put("actor", actor.toString());
                    }
                }
            }
        }
        int fac = columns.indexOf("facility_id");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_logs (facility_id, user_id, action, "
                + "resource_type, resource_id, details, timestamp, success) "
                + "VALUES (?, ?, ?, ?, ?, ? FORMAT JSON, CURRENT_TIMESTAMP, TRUE)")) {
            ps.setObject(1, fac < 0 ? null : row[fac]);
            ps.setObject(2, actorUser);
            ps.setString(3, action);
            ps.setString(4, table.resourceType());
            ps.setObject(5, row[columns.indexOf(table.idColumn())]);
            ps.setString(6, AuditTexts.json(details));
            ps.executeUpdate();
        }
    }

    private Map<String, String> values(Object[] row) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) != null) {
                m.put(columns.get(i), render(row[i]));
            }
        }
        return m;
    }

    /** The value's text as PostgreSQL's JSON text renders it for the same column type (where H2 can tell). */
    static String render(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime t) {
            return AuditTexts.timestamp(t.toInstant());
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] b) {
            return H2ChainTrigger.json(b);
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.toString(a);
        }
        return v.toString();
    }

    private static UUID actor(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(NULLIF(@tvm_actor_id, '') AS UUID)");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? (UUID) rs.getObject(1) : null;
        }
    }
}
