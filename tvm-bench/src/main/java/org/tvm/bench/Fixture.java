package org.tvm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.resident.ResidentId;
import org.tvm.ports.TvmContext;

/**
 * The ids the measured operations work on, read (as admin) from facility 0 of a generated data set, plus the admin
 * resets that let an operation repeat (dispatch, progress) without changing what it measures.
 */
final class Fixture {

    final FacilityId facility;
    final UserId nurse;
    final TvmContext ctx;
    final List<ResidentId> residents;
    final List<VehicleId> vehicles;          // by name
    final List<MissionId> completedMissions;  // with their full event history
    final List<MissionId> inProgressMissions;
    private final DataSource admin;

    /** One facility's vehicles that stream telemetry, with the context their appends run in. */
    record StreamingFleet(TvmContext ctx, List<VehicleId> vehicles) {
    }

    private Fixture(DataSource admin, FacilityId facility, UserId nurse, List<ResidentId> residents,
            List<VehicleId> vehicles, List<MissionId> completed, List<MissionId> inProgress) {
        this.admin = admin;
        this.facility = facility;
        this.nurse = nurse;
        this.ctx = TvmContext.of(facility, nurse);
        this.residents = residents;
        this.vehicles = vehicles;
        this.completedMissions = completed;
        this.inProgressMissions = inProgress;
    }

    static Fixture load(DataSource admin) {
        try (Connection c = admin.getConnection()) {
            // the newest data set, should the database hold more than one
            UUID f = benchFacility(c, 0);
            if (f == null) {
                throw new IllegalStateException("the database holds no generated data set (no Bench facility 0)");
            }
            UUID u = firstUser(c, f);
            return new Fixture(admin, FacilityId.of(f), UserId.of(u),
                    ids(c, "SELECT id FROM residents WHERE facility_id = ? ORDER BY last_name LIMIT 200", f).stream()
                            .map(ResidentId::of).toList(),
                    ids(c, "SELECT id FROM vehicles WHERE facility_id = ? ORDER BY name", f).stream()
                            .map(VehicleId::of).toList(),
                    ids(c, "SELECT id FROM missions WHERE facility_id = ? AND status = 'completed' "
                            + "ORDER BY created_at DESC LIMIT 500", f).stream().map(MissionId::of).toList(),
                    ids(c, "SELECT id FROM missions WHERE facility_id = ? AND status = 'in_progress' ORDER BY id", f)
                            .stream().map(MissionId::of).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the bench fixture failed: " + e.getMessage(), e);
        }
    }

    /**
     * The fleets that stream telemetry in the mixed workload: {@code vehicles} distinct vehicles, facility 0's first,
     * then those of facilities 1, 2, ... (each facility's appends run in its own context: row-level security refuses
     * another facility's rows). Fails when the data set has fewer vehicles.
     */
    List<StreamingFleet> streamingFleets(int vehicles) {
        List<StreamingFleet> fleets = new ArrayList<>();
        int left = vehicles;
        try (Connection c = admin.getConnection()) {
            for (int n = 0; left > 0; n++) {
                UUID f = benchFacility(c, n);
                if (f == null) {
                    throw new IllegalStateException("the data set has fewer than " + vehicles + " vehicles to stream");
                }
                FacilityId facility = FacilityId.of(f);
                UserId user = UserId.of(firstUser(c, f));
                List<VehicleId> fleet = ids(c, "SELECT id FROM vehicles WHERE facility_id = ? ORDER BY name", facility.value())
                        .stream().limit(left).map(VehicleId::of).toList();
                fleets.add(new StreamingFleet(TvmContext.of(facility, user), fleet));
                left -= fleet.size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the streaming fleets failed: " + e.getMessage(), e);
        }
        return List.copyOf(fleets);
    }

    /** In-progress missions reserved for one path (so paths never step each other's missions). */
    List<MissionId> inProgressFor(int pathIndex, int paths) {
        int per = inProgressMissions.size() / paths;
        return inProgressMissions.subList(pathIndex * per, (pathIndex + 1) * per);
    }

    /**
     * Undoes dispatching: missions assigned since the last reset go back to pending and their vehicles to idle (as
     * admin; the measured paths never see this); every vehicle's heartbeat is renewed, so the fleet stays online however
     * long the run takes. Returns the number of missions released.
     */
    int releaseAssignments() {
        exec("UPDATE vehicles SET last_heartbeat = now() WHERE facility_id = ?");
        try (Connection c = admin.getConnection(); PreparedStatement a = c.prepareStatement(
                "UPDATE vehicles SET current_mission_id = NULL, status = 'idle' WHERE facility_id = ? AND current_mission_id IN "
                        + "(SELECT id FROM missions WHERE facility_id = ? AND status = 'assigned')");
             PreparedStatement b = c.prepareStatement("UPDATE missions SET status = 'pending', vehicle_id = NULL, "
                     + "assigned_at = NULL, version = version + 1 WHERE facility_id = ? AND status = 'assigned'")) {
            a.setObject(1, facility.value());
            a.setObject(2, facility.value());
            a.executeUpdate();
            b.setObject(1, facility.value());
            return b.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing the bench assignments failed: " + e.getMessage(), e);
        }
    }

    /** Puts the in-progress missions back before their first progress step. */
    void resetProgress() {
        exec("UPDATE missions SET last_progress = NULL, version = version + 1 WHERE facility_id = ? AND status = 'in_progress'");
    }

    /** Vehicles holding more than one active mission, or bound to a mission that is not theirs: must stay 0. */
    long doubleAssignments() {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM (SELECT vehicle_id FROM missions WHERE facility_id = ? AND status IN "
                        + "('assigned', 'in_progress') AND deleted_at IS NULL GROUP BY vehicle_id HAVING count(*) > 1) d) "
                        + "+ (SELECT count(*) FROM missions m JOIN vehicles v ON v.id = m.vehicle_id WHERE m.facility_id = ? "
                        + "AND m.status = 'assigned' AND v.current_mission_id IS DISTINCT FROM m.id)")) {
            ps.setObject(1, facility.value());
            ps.setObject(2, facility.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Deletes the missions the bench requested (pending, scheduled about a year ahead), with their events: otherwise
     * every round adds hundreds of active missions to facility 0 and dashboard query 1 (which sorts the active ones)
     * measures the bench's own leftovers instead of the generated 200 per facility.
     */
    void deleteRequestedMissions() {
        exec("DELETE FROM missions WHERE facility_id = ? AND status = 'pending' AND scheduled_at > now() + interval '300 days'");
    }

    /**
     * Once, after the bulk load: the state a production database is in once autovacuum and the checkpointer have run.
     * VACUUM sets the hint bits and the visibility map of the tables the operations read (or the first reads of each page
     * write it again), and CHECKPOINT writes the load out, so the rounds do not pay for it. Telemetry is only analyzed:
     * the operations read its newest rows, and a VACUUM of 100,000,000 rows would take longer than the run.
     */
    void settle() {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) facilities, users, residents, vehicles, missions, mission_events");
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM or CHECKPOINT failed: " + e.getMessage(), e);
        }
    }

    /**
     * Before each path's mixed workload: what autovacuum would have done by then (this server runs without it). The
     * paths run one after another, and each minute of progress steps, dispatches and heartbeats leaves dead mission and
     * vehicle rows behind; without this the second and third path would run on the first one's leftovers.
     */
    void settleBetweenPaths() {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) vehicles, missions, mission_events, audit_chain_heads");
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM failed: " + e.getMessage(), e);
        }
    }

    /**
     * VACUUM the vehicles and ANALYZE the tables the measured writes change (autovacuum may be off); with
     * {@code telemetry} also the telemetry partitions (seconds on a busy machine, so only the full run does it every
     * round).
     */
    void analyze(boolean telemetry) {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            // What autovacuum would do, and it may be off: every heartbeat rewrites a vehicle row with a new index entry
            // (last_heartbeat is indexed), tens of thousands per round on a 1,000-row table, and the nearest-vehicle
            // scans then wade through dead entries. VACUUM of this small table takes milliseconds.
            st.execute("VACUUM (ANALYZE) vehicles");
            // Every linked audit or data-access row updates its chain's head row, 50 times per dashboard query 1 (one
            // data-access row per resident shown, in one transaction): more versions than fit on the head's page, so
            // without VACUUM the 11-row table grows by a page per call, and with its statistics of one page the
            // planner scans it sequentially for every link (a full run measured query 1 at 85 ms instead of 6).
            // Autovacuum keeps such a small, hot table vacuumed within its naptime; this server runs without it.
            st.execute("VACUUM (ANALYZE) audit_chain_heads");
            st.execute(telemetry ? "ANALYZE missions, mission_events, telemetry" : "ANALYZE missions, mission_events");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed: " + e.getMessage(), e);
        }
    }

    void exec(String sql) {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, facility.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Facility {@code n} of the newest generated data set (the database may hold more than one), or null. */
    private static UUID benchFacility(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM facilities WHERE name = 'Bench facility ' || ? ORDER BY created_at DESC LIMIT 1")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** The facility's first user: the actor of the bench's units of work. */
    private static UUID firstUser(Connection c, UUID facility) throws SQLException {
        return one(c, "SELECT id FROM users WHERE facility_id = ? ORDER BY created_at LIMIT 1", facility);
    }

    private static UUID one(Connection c, String sql, UUID param) throws SQLException {
        List<UUID> ids = ids(c, sql, param);
        if (ids.isEmpty()) {
            throw new IllegalStateException("the database holds no generated data set (" + sql + ")");
        }
        return ids.get(0);
    }

    private static List<UUID> ids(Connection c, String sql, UUID param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }
}
