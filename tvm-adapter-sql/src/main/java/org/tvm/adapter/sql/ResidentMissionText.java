package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.maintenance.ArchivedMission;

/**
 * Erasure of the free text about a resident in their missions, for both SQL adapters
 * ({@link org.tvm.ports.MissionRepository#eraseResidentText}). PostgreSQL: the application may not update
 * {@code mission_events}, so one call of {@code tvm_erase_resident_mission_text} (migration V17, scoped to the context
 * facility). H2 (no roles, poor JSON editing): plain statements, the event details rewritten here with
 * {@link MissionEvent#residentTextErased(JsonObject)}, the same rule as the in-memory adapter. Both reach the
 * resident's missions already archived by maintenance ({@code mission_archive}, also V17) with the same rule.
 */
public final class ResidentMissionText {

    private static final String POSTGRES = "SELECT tvm_erase_resident_mission_text(?, ?)";

    private static final String H2_MISSIONS = "SELECT id, notes IS NOT NULL, failure_reason FROM missions "
            + "WHERE facility_id = ? AND resident_id = ? FOR UPDATE";
    private static final String H2_EVENTS = "SELECT e.id, e.mission_id, e.details FROM mission_events e "
            + "JOIN missions m ON m.id = e.mission_id AND m.facility_id = e.facility_id "
            + "WHERE m.facility_id = ? AND m.resident_id = ? AND e.details IS NOT NULL";
    private static final String H2_ERASE_EVENT = "UPDATE mission_events SET details = ? FORMAT JSON "
            + "WHERE id = ? AND facility_id = ?";
    private static final String H2_ERASE_MISSION = "UPDATE missions SET notes = NULL, failure_reason = ?, "
            + "version = version + 1, updated_at = ? WHERE id = ? AND facility_id = ?";
    // H2 cannot filter on a member of a JSON value, so every archived document of the facility is read (admin-only
    // table, rare call) and the resident's are picked in Java
    private static final String H2_ARCHIVE = "SELECT mission_id, document FROM mission_archive WHERE facility_id = ? "
            + "FOR UPDATE";
    private static final String H2_ERASE_ARCHIVE = "UPDATE mission_archive SET document = ? FORMAT JSON "
            + "WHERE mission_id = ? AND facility_id = ?";

    private ResidentMissionText() {
    }

    /**
     * Erases on the caller's connection and transaction, only in {@code facility} (the context facility).
     *
     * @return the number of missions changed, live and archived
     */
    public static int erase(Connection c, SqlDatabase db, UUID facility, UUID residentId, Instant at)
            throws SQLException {
        if (db == SqlDatabase.POSTGRESQL) {
            return erasePostgres(c, residentId, at);
        }
        return eraseLiveH2(c, facility, residentId, at) + eraseArchivedH2(c, facility, residentId);
    }

    /** One call of the V17 function (it also rewrites the resident's archived missions). */
    private static int erasePostgres(Connection c, UUID residentId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POSTGRES)) {
            ps.setObject(1, residentId);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int eraseLiveH2(Connection c, UUID facility, UUID residentId, Instant at) throws SQLException {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        // the resident's missions, locked; those holding text in their row, with the failure reason they will keep
        Map<UUID, String> missions = new LinkedHashMap<>();
        Set<UUID> changed = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(H2_MISSIONS)) {
            ps.setObject(1, facility);
            ps.setObject(2, residentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    String reason = rs.getString(3);
                    missions.put(id, reason == null ? null : Mission.ERASED_TEXT);
                    if (rs.getBoolean(2) || reason != null && !reason.equals(Mission.ERASED_TEXT)) {
                        changed.add(id);
                    }
                }
            }
        }
        if (missions.isEmpty()) {
            return 0;
        }
        try (PreparedStatement select = c.prepareStatement(H2_EVENTS);
             PreparedStatement update = c.prepareStatement(H2_ERASE_EVENT)) {
            select.setObject(1, facility);
            select.setObject(2, residentId);
            boolean any = false;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonObject details = JsonDetailsCodec.read(rs.getString(3));
                    if (MissionEvent.holdsResidentText(details)) {
                        update.setString(1, JsonDetailsCodec.write(MissionEvent.residentTextErased(details)));
                        update.setLong(2, rs.getLong(1));
                        update.setObject(3, facility);
                        update.addBatch();
                        changed.add(rs.getObject(2, UUID.class));
                        any = true;
                    }
                }
            }
            if (any) {
                update.executeBatch();
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(H2_ERASE_MISSION)) {
            for (UUID id : changed) {
                ps.setString(1, missions.get(id));
                ps.setObject(2, when);
                ps.setObject(3, id);
                ps.setObject(4, facility);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return changed.size();
    }

    /** The resident's archived documents, rewritten by {@link ArchivedMission#residentTextErased}; returns how many changed. */
    private static int eraseArchivedH2(Connection c, UUID facility, UUID residentId) throws SQLException {
        ResidentId resident = ResidentId.of(residentId);
        int changed = 0;
        try (PreparedStatement select = c.prepareStatement(H2_ARCHIVE);
             PreparedStatement update = c.prepareStatement(H2_ERASE_ARCHIVE)) {
            select.setObject(1, facility);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonObject document = JsonDetailsCodec.read(rs.getString(2));
                    if (!ArchivedMission.isOfResident(document, resident)) {
                        continue;
                    }
                    JsonObject erased = ArchivedMission.residentTextErased(document);
                    if (erased != document) {
                        update.setString(1, JsonDetailsCodec.write(erased));
                        update.setObject(2, rs.getObject(1, UUID.class));
                        update.setObject(3, facility);
                        update.addBatch();
                        changed++;
                    }
                }
            }
            if (changed > 0) {
                update.executeBatch();
            }
        }
        return changed;
    }
}
