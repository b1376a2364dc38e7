package org.tvm.adapter.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.MissionId;
import org.tvm.ports.maintenance.ArchivedMission;

/**
 * Moves finished missions past retention, with their events, into {@code mission_archive}: one batch per
 * transaction — select and lock the batch, write one JSON document per mission (every column as stored), read the
 * documents back and compare them, and only then delete the events and missions. A failure anywhere rolls the whole
 * batch back, so a mission is either still live or archived and verified, never neither and never both.
 */
final class MissionArchiver {

    /**
     * When a mission finished: its completion, else the time of its terminal event (written by the application, like
     * completed_at; updated_at is stamped by the database's trigger and would say when the row was last written).
     */
    static final String FINISHED_AT = "COALESCE(m.completed_at, (SELECT max(e.created_at) FROM mission_events e "
            + "WHERE e.mission_id = m.id AND e.facility_id = m.facility_id "
            + "AND e.event_type IN ('completed', 'cancelled', 'failed')), m.updated_at)";
    static final String PAST_RETENTION = "m.status IN ('completed', 'cancelled', 'failed') AND " + FINISHED_AT + " < ?";

    private final MaintenanceDatabase db;

    MissionArchiver(MaintenanceDatabase db) {
        this.db = db;
    }

    long countPastRetention(Connection c, Instant cutoff) throws SQLException {
        return MaintenanceDatabase.count(c, "SELECT count(*) FROM missions m WHERE " + PAST_RETENTION, cutoff);
    }

    /** Archives, verifies and deletes up to {@code batchSize} missions in one transaction; returns how many. */
    int archiveBatch(Instant cutoff, Instant archivedAt, int batchSize) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                int n = archiveBatch(c, cutoff, archivedAt, batchSize);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int archiveBatch(Connection c, Instant cutoff, Instant archivedAt, int batchSize) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Instant> finishedAt = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, " + FINISHED_AT + " FROM missions m WHERE "
                + PAST_RETENTION + " ORDER BY m.id LIMIT ? FOR UPDATE")) {
            MaintenanceDatabase.bind(ps, cutoff, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    finishedAt.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        String in = "(" + MaintenanceDatabase.placeholders(ids.size()) + ")";
        Object[] idParams = ids.toArray();
        Map<UUID, JsonObject> missions = new LinkedHashMap<>();
        for (JsonObject row : rows(c, "SELECT * FROM missions WHERE id IN " + in + " ORDER BY id", idParams)) {
            missions.put(UUID.fromString(((JsonValue.Text) row.members().get("id")).value()), row);
        }
        Map<UUID, List<JsonValue>> events = new LinkedHashMap<>();
        for (JsonObject row : rows(c, "SELECT * FROM mission_events WHERE mission_id IN " + in
                + " ORDER BY mission_id, created_at, id", idParams)) {
            UUID mission = UUID.fromString(((JsonValue.Text) row.members().get("mission_id")).value());
            events.computeIfAbsent(mission, k -> new ArrayList<>()).add(row);
        }

        Map<UUID, JsonObject> documents = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mission_archive (mission_id, facility_id, finished_at, "
                + "archived_at, event_count, document) VALUES (?, ?, ?, ?, ?, " + db.jsonParameter() + ")")) {
            for (Map.Entry<UUID, JsonObject> m : missions.entrySet()) {
                List<JsonValue> evs = events.getOrDefault(m.getKey(), List.of());
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("mission", m.getValue());
                doc.put("events", evs);
                JsonObject document = JsonObject.of(doc);
                documents.put(m.getKey(), document);
                MaintenanceDatabase.bind(ps, m.getKey(), UUID.fromString(text(m.getValue(), "facility_id")),
                        finishedAt.get(m.getKey()), archivedAt, evs.size(), JsonDetailsCodec.write(document));
                ps.addBatch();
            }
            ps.executeBatch();
        }

        // verify before delete: every document is there and reads back equal to what was written
        int verified = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT mission_id, event_count, document FROM mission_archive "
                + "WHERE mission_id IN " + in)) {
            MaintenanceDatabase.bind(ps, idParams);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject expected = documents.get(rs.getObject(1, UUID.class));
                    JsonObject stored = JsonDetailsCodec.read(rs.getString(3));
                    if (expected == null || !expected.equals(stored)
                            || rs.getInt(2) != ((JsonValue.Array) expected.members().get("events")).items().size()) {
                        throw new IllegalStateException("mission archive verification failed: a stored document differs");
                    }
                    verified++;
                }
            }
        }
        if (verified != ids.size()) {
            throw new IllegalStateException("mission archive verification failed: " + verified + " of " + ids.size() + " stored");
        }
        MaintenanceDatabase.update(c, "DELETE FROM mission_events WHERE mission_id IN " + in, idParams);
        int deleted = MaintenanceDatabase.update(c, "DELETE FROM missions WHERE id IN " + in, idParams);
        if (deleted != ids.size()) {
            throw new IllegalStateException("mission archive: deleted " + deleted + " of " + ids.size() + " missions");
        }
        return deleted;
    }

    private static String text(JsonObject row, String column) {
        return row.members().get(column) instanceof JsonValue.Text t ? t.value() : null;
    }

    List<ArchivedMission> read(String where, Object... params) throws SQLException {
        List<ArchivedMission> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT mission_id, facility_id, finished_at, archived_at, event_count, "
                     + "document FROM mission_archive WHERE " + where + " ORDER BY mission_id")) {
            MaintenanceDatabase.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArchivedMission(MissionId.of(rs.getObject(1, UUID.class)), FacilityId.of(rs.getObject(2, UUID.class)),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getInt(5), JsonDetailsCodec.read(rs.getString(6))));
                }
            }
        }
        return out;
    }

    static Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Every row as a JSON object of its columns (lower-case names), values as stored. */
    private static List<JsonObject> rows(Connection c, String sql, Object... params) throws SQLException {
        List<JsonObject> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            MaintenanceDatabase.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, JsonValue> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, md));
                    }
                    out.add(JsonObject.of(row));
                }
            }
        }
        return out;
    }

    private static JsonValue value(ResultSet rs, int i, ResultSetMetaData md) throws SQLException {
        String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        int sqlType = md.getColumnType(i);
        if (rs.getObject(i) == null) {
            return JsonValue.Null.INSTANCE;
        }
        if (type.equals("json") || type.equals("jsonb")) {
            return JsonDetailsCodec.readValue(rs.getString(i));
        }
        if (type.equals("timestamptz") || sqlType == Types.TIMESTAMP_WITH_TIMEZONE || type.contains("time zone")) {
            return new JsonValue.Text(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
        }
        if (sqlType == Types.DATE) {
            return new JsonValue.Text(rs.getObject(i, LocalDate.class).toString());
        }
        if (sqlType == Types.ARRAY) {
            Array a = rs.getArray(i);
            List<JsonValue> items = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                items.add(o == null ? JsonValue.Null.INSTANCE : new JsonValue.Text(o.toString()));
            }
            return new JsonValue.Array(items);
        }
        Object v = rs.getObject(i);
        if (v instanceof byte[] bytes) {
            return new JsonValue.Text(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return JsonValue.from(v);
        }
        return new JsonValue.Text(v.toString());  // uuid, geography (hex EWKB), other driver types
    }
}
