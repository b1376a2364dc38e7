package org.tvm.migrations.h2;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.api.Trigger;
import org.tvm.domain.audit.AuditChain;

/**
 * H2 counterpart of PostgreSQL's {@code tvm_audit_chain_link()}: BEFORE INSERT on {@code audit_logs} and
 * {@code data_access_logs}, takes the chain's next position under the head row's lock (held to commit) and stores seq,
 * previous hash and row hash, computed by {@link AuditChain} (the verifier's own definition).
 */
public final class H2ChainTrigger implements Trigger {

    private boolean access;
    private final List<String> columns = new ArrayList<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        access = tableName.equalsIgnoreCase("data_access_logs");
        columns.addAll(H2Columns.of(conn, schemaName, tableName));
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        UUID facility = (UUID) get(newRow, "facility_id");
        UUID chain = AuditChain.chainOf(facility);
        long id = ((Number) get(newRow, "id")).longValue();
        List<String> fields = new ArrayList<>();
        fields.add(text(facility));
        fields.add(text(get(newRow, "user_id")));
        if (access) {
            fields.add(text(get(newRow, "resident_id")));
            fields.add((String) get(newRow, "access_type"));
            fields.add(micros(get(newRow, "accessed_at")));
        } else {
            fields.add((String) get(newRow, "user_email"));
            fields.add((String) get(newRow, "action"));
            fields.add((String) get(newRow, "resource_type"));
            fields.add(text(get(newRow, "resource_id")));
            fields.add(json(get(newRow, "details")));
            fields.add(micros(get(newRow, "timestamp")));
            fields.add((String) get(newRow, "ip_address"));
            fields.add((String) get(newRow, "user_agent"));
            fields.add(Boolean.TRUE.equals(get(newRow, "success")) ? "true" : "false");
            fields.add((String) get(newRow, "failure_reason"));
        }
        long seq;
        String prev;
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain_id = ? FOR UPDATE")) {
            ps.setObject(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                } else {
                    seq = 1;
                    prev = AuditChain.GENESIS;
                    try (PreparedStatement ins = conn.prepareStatement(
                            "INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES (?, 0, ?)")) {
                        ins.setObject(1, chain);
                        ins.setString(2, prev);
                        ins.executeUpdate();
                    }
                }
            }
        }
        String hash = AuditChain.rowHash(chain, seq, access ? AuditChain.KIND_ACCESS : AuditChain.KIND_AUDIT, id, fields,
                prev);
        set(newRow, "chain_seq", seq);
        set(newRow, "prev_hash", prev);
        set(newRow, "row_hash", hash);
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE audit_chain_heads SET last_seq = ?, prev_hash = ?, last_hash = ? WHERE chain_id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.setString(3, hash);
            ps.setObject(4, chain);
            ps.executeUpdate();
        }
    }

    private Object get(Object[] row, String column) {
        return row[columns.indexOf(column)];
    }

    private void set(Object[] row, String column, Object value) {
        row[columns.indexOf(column)] = value;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    /** The stored JSON text (H2 hands JSON values to triggers as UTF-8 bytes). */
    static String json(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
    }

    private static String micros(Object v) {
        return v == null ? null : AuditChain.micros(((OffsetDateTime) v).toInstant());
    }
}
