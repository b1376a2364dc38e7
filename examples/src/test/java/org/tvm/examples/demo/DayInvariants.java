package org.tvm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionEventType;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/** The invariants every simulated day must keep, checked through the ports (and, for SQL databases, through JDBC). */
final class DayInvariants {

    static final List<MissionEventType> FULL_SEQUENCE = List.of(MissionEventType.CREATED, MissionEventType.ASSIGNED,
            MissionEventType.STARTED, MissionEventType.PICKUP_ARRIVED, MissionEventType.PICKUP_COMPLETED,
            MissionEventType.IN_TRANSIT, MissionEventType.DROPOFF_ARRIVED, MissionEventType.DROPOFF_COMPLETED,
            MissionEventType.COMPLETED);

    private static final EnumSet<MissionEventType> TERMINAL =
            EnumSet.of(MissionEventType.COMPLETED, MissionEventType.CANCELLED, MissionEventType.FAILED);

    private DayInvariants() {
    }

    /** Every mission of the facility with its events, oldest mission first. */
    static Map<Mission, List<MissionEvent>> history(TvmPersistence persistence, FacilityId facility) {
        return persistence.inReadOnlyTransaction(TvmContext.system(facility), tx -> {
            List<Mission> all = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (page != null) {
                Page<Mission> p = tx.missions().listByStatus(EnumSet.allOf(MissionStatus.class), page);
                all.addAll(p.items());
                page = p.nextRequest(PageRequest.MAX_LIMIT).orElse(null);
            }
            all.sort(Comparator.comparing(Mission::createdAt));
            Map<Mission, List<MissionEvent>> result = new LinkedHashMap<>();
            for (Mission m : all) {
                result.put(m, tx.missions().events(m.id()));
            }
            return result;
        });
    }

    /** No vehicle ever had two active missions: per vehicle, the [assigned, terminal) intervals never overlap. */
    static void noVehicleHadTwoActiveMissions(Map<Mission, List<MissionEvent>> history) {
        record Interval(String mission, Instant from, Instant to) {
        }
        Map<VehicleId, List<Interval>> byVehicle = new LinkedHashMap<>();
        history.forEach((mission, events) -> {
            Instant from = null;
            Instant to = Instant.MAX;
            VehicleId vehicle = null;
            for (MissionEvent e : events) {
                if (e.type() == MissionEventType.ASSIGNED) {
                    from = e.occurredAt();
                    vehicle = VehicleId.parse(e.details().get("vehicle_id"));
                } else if (TERMINAL.contains(e.type()) && from != null) {
                    to = e.occurredAt();
                }
            }
            if (vehicle != null) {
                assertThat(mission.vehicleId()).as("vehicle of %s", mission).isEqualTo(vehicle);
                byVehicle.computeIfAbsent(vehicle, v -> new ArrayList<>()).add(new Interval(mission.id().toString(), from, to));
            }
        });
        assertThat(byVehicle).as("vehicles that ever had a mission").isNotEmpty();
        byVehicle.forEach((vehicle, intervals) -> {
            intervals.sort(Comparator.comparing(Interval::from));
            for (int i = 1; i < intervals.size(); i++) {
                Interval previous = intervals.get(i - 1);
                Interval next = intervals.get(i);
                assertThat(next.from()).as("vehicle %s: mission %s assigned while %s was still active", vehicle,
                        next.mission(), previous.mission()).isAfterOrEqualTo(previous.to());
            }
        });
    }

    /** Every completed mission has the full event sequence, in order; every mission starts with CREATED. */
    static void completedMissionsHaveTheFullSequence(Map<Mission, List<MissionEvent>> history) {
        history.forEach((mission, events) -> {
            assertThat(events).as("events of %s", mission).isNotEmpty();
            assertThat(events.get(0).type()).isEqualTo(MissionEventType.CREATED);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).occurredAt()).as("events of %s in time order", mission)
                        .isAfterOrEqualTo(events.get(i - 1).occurredAt());
            }
            if (mission.status() == MissionStatus.COMPLETED) {
                assertThat(events).extracting(MissionEvent::type).as("events of completed %s", mission)
                        .containsExactlyElementsOf(FULL_SEQUENCE);
            }
        });
    }

    /**
     * Every row that carries {@code facility_id = facility} (and the facility row itself), read as an administrator with
     * plain JDBC: a snapshot to prove that a day at another facility touched none of them.
     */
    static Map<String, List<String>> rowsOf(DataSource adminDataSource, FacilityId facility) throws SQLException {
        Map<String, List<String>> snapshot = new TreeMap<>();
        try (Connection c = adminDataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT c.table_name FROM information_schema.columns c "
                    + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                    + "WHERE c.column_name = 'facility_id' AND c.table_schema = current_schema() "
                    + "AND t.table_type = 'BASE TABLE'");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("facility-owned tables").contains("missions", "mission_events", "telemetry", "vehicles");
            for (String table : tables) {
                snapshot.put(table, rows(c, "SELECT * FROM " + table + " WHERE facility_id = ?", facility.value()));
            }
            snapshot.put("facilities", rows(c, "SELECT * FROM facilities WHERE id = ?", facility.value()));
        }
        return snapshot;
    }

    private static List<String> rows(Connection c, String sql, UUID id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(meta.getColumnLabel(i)).append('=').append(text(rs.getObject(i))).append("; ");
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof Array array) {
            return Arrays.deepToString((Object[]) array.getArray());
        }
        if (value instanceof Object[] values) {
            return Arrays.deepToString(values);
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        return String.valueOf(value);
    }
}
