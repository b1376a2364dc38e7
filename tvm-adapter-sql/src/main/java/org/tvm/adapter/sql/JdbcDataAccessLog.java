package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.tvm.domain.audit.DataAccessType;

/**
 * Records that residents' data was read or changed (GDPR accountability), for both SQL adapters: one entry per resident
 * for the acting user at one instant, written by one multi-row INSERT on the unit of work's own connection. The
 * database links each entry into the facility's hash chain. One statement matters: the operations dashboard records up
 * to 50 residents per call, and 50 batched single-row inserts (each executed on its own) made that call 1.5 times as
 * long (6.0 vs 3.9 ms in the bench).
 */
public final class JdbcDataAccessLog {

    private static final String INSERT = "INSERT INTO data_access_logs (facility_id, user_id, resident_id, access_type, "
            + "accessed_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?)";

    private JdbcDataAccessLog() {
    }

    /**
     * @param c           the unit of work's connection (its context already published)
     * @param facility    the context facility
     * @param actor       the acting user, or null (a system actor)
     * @param residentIds the residents, each once (in the order their entries are written); empty writes nothing
     * @param type        what was done with their data
     * @param at          when (the adapter's clock)
     */
    public static void record(Connection c, UUID facility, UUID actor, List<UUID> residentIds,
                              DataAccessType type, Instant at) throws SQLException {
        if (residentIds.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(INSERT.length() + residentIds.size() * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < residentIds.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (UUID resident : residentIds) {
                ps.setObject(p++, facility);
                ps.setObject(p++, actor);
                ps.setObject(p++, resident);
                ps.setString(p++, type.code());
                ps.setObject(p++, when);
            }
            ps.executeUpdate();
        }
    }
}
