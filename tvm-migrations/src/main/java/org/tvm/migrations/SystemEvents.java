package org.tvm.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a system event: an audit entry without facility, stamped with the database's clock (as the audit triggers
 * stamp theirs, so the system chain stays in time order for retention), which the chain trigger (V13) links into the
 * system chain. Used by the schema's own writers: migrations and the maintenance job. Entries built by an application
 * go through {@code AuditTrail.recordSystemEvent} instead.
 */
public final class SystemEvents {

    private SystemEvents() {
    }

    /**
     * Inserts the event on {@code c}, in the caller's transaction (the caller commits).
     *
     * @param details flat text details: counts, versions, names; never personal data
     */
    public static void insert(Connection c, Vendor vendor, String action, String resourceType,
                              Map<String, String> details) throws SQLException {
        Objects.requireNonNull(vendor, "vendor");
        String sql = "INSERT INTO audit_logs (action, resource_type, details, timestamp, success) VALUES (?, ?, "
                + (vendor == Vendor.POSTGRESQL ? "CAST(? AS jsonb)" : "? FORMAT JSON") + ", CURRENT_TIMESTAMP, TRUE)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Objects.requireNonNull(action, "action"));
            ps.setString(2, Objects.requireNonNull(resourceType, "resourceType"));
            ps.setString(3, AuditTexts.json(details));
            ps.executeUpdate();
        }
    }
}
