package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.StepResult;

/** The {@code maintenance_runs} table: a run is inserted when it starts and updated after every step and at its end. */
final class MaintenanceRunLog {

    private final MaintenanceDatabase db;

    MaintenanceRunLog(MaintenanceDatabase db) {
        this.db = db;
    }

    long start(Instant startedAt) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO maintenance_runs (started_at) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            c.setAutoCommit(true);
            MaintenanceDatabase.bind(ps, startedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Records the steps so far; with a non-null outcome also the end. */
    void record(long runId, List<StepResult> steps, MaintenanceReport.Outcome outcome, Instant finishedAt, String error)
            throws SQLException {
        String json = JsonDetailsCodec.writeValue(toJson(steps));
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            if (outcome == null) {
                MaintenanceDatabase.update(c, "UPDATE maintenance_runs SET steps = " + db.jsonParameter() + " WHERE id = ?",
                        json, runId);
            } else {
                MaintenanceDatabase.update(c, "UPDATE maintenance_runs SET steps = " + db.jsonParameter()
                        + ", outcome = ?, finished_at = ?, error = ? WHERE id = ?", json, outcome.code(), finishedAt, error, runId);
            }
        }
    }

    List<MaintenanceReport> last(int limit) throws SQLException {
        List<MaintenanceReport> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id, started_at, finished_at, outcome, steps FROM maintenance_runs "
                     + "ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant started = rs.getObject(2, OffsetDateTime.class).toInstant();
                    OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                    out.add(new MaintenanceReport(rs.getLong(1), MaintenanceReport.Outcome.valueOf(
                            rs.getString(4).toUpperCase(java.util.Locale.ROOT)), started,
                            finished == null ? started : finished.toInstant(), fromJson(rs.getString(5))));
                }
            }
        }
        return out;
    }

    Instant lastSuccess() throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT finished_at FROM maintenance_runs WHERE outcome = 'succeeded' ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            return t == null ? null : t.toInstant();
        }
    }

    private static JsonValue toJson(List<StepResult> steps) {
        List<JsonValue> items = new ArrayList<>();
        for (StepResult s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.step().code());
            m.put("rows", s.rows());
            m.put("partitions", s.partitions());
            m.put("detail", s.detail());
            m.put("error", s.error());
            items.add(JsonObject.of(m));
        }
        return new JsonValue.Array(items);
    }

    private static List<StepResult> fromJson(String json) {
        List<StepResult> out = new ArrayList<>();
        if (!(JsonDetailsCodec.readValue(json) instanceof JsonValue.Array a)) {
            return out;
        }
        for (JsonValue v : a.items()) {
            if (v instanceof JsonObject o) {
                List<String> partitions = new ArrayList<>();
                if (o.members().get("partitions") instanceof JsonValue.Array p) {
                    p.items().forEach(i -> partitions.add(text(i)));
                }
                out.add(new StepResult(MaintenanceStep.fromCode(text(o.members().get("step"))),
                        o.members().get("rows") instanceof JsonValue.Num n ? n.value().longValue() : 0, partitions,
                        text(o.members().get("detail")), o.members().get("error") instanceof JsonValue.Text t ? t.value() : null));
            }
        }
        return out;
    }

    private static String text(JsonValue v) {
        return v instanceof JsonValue.Text t ? t.value() : null;
    }
}
