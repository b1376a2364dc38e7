package org.tvm.migrations.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A small, known data set in two facilities (A and B), inserted by the superuser (RLS bypassed). Every
 * facility-owned table gets at least one row per facility, so isolation and constraint tests have
 * something to point at. Ids follow {@code <a|b>0000000-0000-0000-0000-0000000000NN}.
 */
public final class Fixture {

    public static final String FACILITY_A = "a0000000-0000-0000-0000-000000000001";
    public static final String FACILITY_B = "b0000000-0000-0000-0000-000000000001";
    public static final String USER_A = "a0000000-0000-0000-0000-000000000011";
    public static final String USER_B = "b0000000-0000-0000-0000-000000000011";
    public static final String RESIDENT_A = "a0000000-0000-0000-0000-000000000021";
    public static final String RESIDENT_A2 = "a0000000-0000-0000-0000-000000000022";
    public static final String RESIDENT_B = "b0000000-0000-0000-0000-000000000021";
    public static final String VEHICLE_A = "a0000000-0000-0000-0000-000000000031";   // "Alpha", online, has active mission
    public static final String VEHICLE_A2 = "a0000000-0000-0000-0000-000000000032";  // "Bravo", offline
    public static final String VEHICLE_B = "b0000000-0000-0000-0000-000000000031";
    public static final String MISSION_A_PENDING = "a0000000-0000-0000-0000-000000000041";
    public static final String MISSION_A_ASSIGNED = "a0000000-0000-0000-0000-000000000042";
    public static final String MISSION_A_COMPLETED = "a0000000-0000-0000-0000-000000000043";
    public static final String MISSION_B = "b0000000-0000-0000-0000-000000000041";
    public static final String USER_A_EMAIL = "nurse.a@example.org";
    public static final String VEHICLE_A_SERIAL = "SN-A-0001";

    /** Tables that carry facility_id (plus facilities itself) and are under RLS. */
    public static final List<String> FACILITY_OWNED_TABLES = List.of(
            "locations", "maps", "users", "user_roles", "residents", "caregiver_assignments", "vehicles",
            "missions", "mission_events", "telemetry", "vehicle_logs", "audit_logs", "data_access_logs", "audit_logs_pending");

    private Fixture() {
    }

    /** Inserts the data set; the connection must bypass RLS (superuser). */
    public static void insert(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(SQL);
        }
    }

    private static final String SQL = """
            INSERT INTO facilities (id, name, address, timezone) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'Facility A', '1 Care Street', 'Asia/Tokyo'),
              ('b0000000-0000-0000-0000-000000000001', 'Facility B', '2 Care Street', 'America/New_York');

            INSERT INTO users (id, facility_id, email, password_hash, first_name, last_name, status) VALUES
              ('a0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000001', 'nurse.a@example.org',
               '$2a$12$abcdefghijklmnopqrstuuSOMEHASHVALUEabcdefghijklmnopq', 'Nora', 'Nurse', 'active'),
              ('b0000000-0000-0000-0000-000000000011', 'b0000000-0000-0000-0000-000000000001', 'nurse.b@example.org',
               '$2a$12$abcdefghijklmnopqrstuuSOMEHASHVALUEabcdefghijklmnopq', 'Bob', 'Nurse', 'active');

            INSERT INTO user_roles (user_id, role_id, facility_id)
              SELECT 'a0000000-0000-0000-0000-000000000011', id, 'a0000000-0000-0000-0000-000000000001' FROM roles WHERE name = 'nurse';
            INSERT INTO user_roles (user_id, role_id, facility_id)
              SELECT 'b0000000-0000-0000-0000-000000000011', id, 'b0000000-0000-0000-0000-000000000001' FROM roles WHERE name = 'nurse';

            INSERT INTO residents (id, facility_id, first_name, last_name, date_of_birth, gender) VALUES
              ('a0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000001', 'Hana', 'Sato', '1938-04-01', 'female'),
              ('a0000000-0000-0000-0000-000000000022', 'a0000000-0000-0000-0000-000000000001', 'Kenji', 'Ito', '1941-09-12', 'male'),
              ('b0000000-0000-0000-0000-000000000021', 'b0000000-0000-0000-0000-000000000001', 'Mary', 'Jones', '1935-01-30', NULL);

            INSERT INTO caregiver_assignments (facility_id, caregiver_user_id, resident_id) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000021'),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000011', 'b0000000-0000-0000-0000-000000000021');

            INSERT INTO vehicles (id, facility_id, name, serial_number, status, current_location, battery_level, last_heartbeat) VALUES
              ('a0000000-0000-0000-0000-000000000031', 'a0000000-0000-0000-0000-000000000001', 'Alpha', 'SN-A-0001', 'navigating',
               '{"lat": 35.6, "lon": 139.7, "zone": "Building A"}', 80, NOW() - INTERVAL '1 minute'),
              ('a0000000-0000-0000-0000-000000000032', 'a0000000-0000-0000-0000-000000000001', 'Bravo', 'SN-A-0002', 'idle',
               NULL, 55, NOW() - INTERVAL '2 hours'),
              ('b0000000-0000-0000-0000-000000000031', 'b0000000-0000-0000-0000-000000000001', 'Alpha', 'SN-B-0001', 'idle',
               '{"lat": 40.7, "lon": -74.0, "zone": "Lobby"}', 90, NOW());

            INSERT INTO missions (id, facility_id, resident_id, vehicle_id, created_by_user_id, pickup_location, pickup_coordinates,
                                  dropoff_location, priority, status, assigned_at, completed_at, created_at) VALUES
              ('a0000000-0000-0000-0000-000000000041', 'a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000021',
               NULL, 'a0000000-0000-0000-0000-000000000011', 'Room 101', ST_GeogFromText('SRID=4326;POINT(139.7 35.6)'),
               'Garden', 'normal', 'pending', NULL, NULL, NOW() - INTERVAL '3 minutes'),
              ('a0000000-0000-0000-0000-000000000042', 'a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000022',
               'a0000000-0000-0000-0000-000000000031', 'a0000000-0000-0000-0000-000000000011', 'Room 102', NULL,
               'Dining hall', 'urgent', 'assigned', NOW(), NULL, NOW() - INTERVAL '2 minutes'),
              ('a0000000-0000-0000-0000-000000000043', 'a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000021',
               'a0000000-0000-0000-0000-000000000031', 'a0000000-0000-0000-0000-000000000011', 'Room 101', NULL,
               'Clinic', 'high', 'completed', NOW() - INTERVAL '1 day', NOW() - INTERVAL '20 hours', NOW() - INTERVAL '1 day'),
              ('b0000000-0000-0000-0000-000000000041', 'b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000021',
               NULL, 'b0000000-0000-0000-0000-000000000011', 'Room 7', NULL, 'Lobby', 'low', 'pending', NULL, NULL, NOW());

            UPDATE vehicles SET current_mission_id = 'a0000000-0000-0000-0000-000000000042'
             WHERE id = 'a0000000-0000-0000-0000-000000000031';

            INSERT INTO mission_events (facility_id, mission_id, vehicle_id, event_type, details, created_at, created_by_user_id) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000042', NULL, 'created',
               '{"source": "nurse"}', NOW() - INTERVAL '2 minutes', 'a0000000-0000-0000-0000-000000000011'),
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000042', 'a0000000-0000-0000-0000-000000000031',
               'assigned', '{"vehicle_id": "a0000000-0000-0000-0000-000000000031"}', NOW() - INTERVAL '1 minute', NULL),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000041', NULL, 'created',
               NULL, NOW(), 'b0000000-0000-0000-0000-000000000011');

            INSERT INTO telemetry (facility_id, vehicle_id, timestamp, latitude, longitude, heading, speed_mps, battery_level,
                                   lidar_status, error_codes) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000031', NOW() - INTERVAL '10 minutes',
               35.6000000, 139.7000000, 90.00, 1.20, 81, 'ok', ARRAY['VEH-NAV-001']),
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000031', NOW() - INTERVAL '5 minutes',
               35.6001000, 139.7001000, 91.50, 1.10, 80, 'ok', ARRAY[]::varchar[]),
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000031', NOW() - INTERVAL '2 hours',
               35.5, 139.6, 10, 0, 95, 'degraded', NULL),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000031', NOW() - INTERVAL '1 minute',
               40.7, -74.0, 0, 0, 90, 'ok', NULL);

            INSERT INTO vehicle_logs (facility_id, vehicle_id, level, code, message, details, logged_at) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000031', 'warn', 'VEH-LID-001', 'lidar degraded', '{"k": "v"}', NOW()),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000031', 'info', NULL, 'boot', NULL, NOW());

            INSERT INTO audit_logs (facility_id, user_id, user_email, action, resource_type, resource_id, success, ip_address) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', 'nurse.a@example.org', 'login', 'user',
               'a0000000-0000-0000-0000-000000000011', TRUE, '192.0.2.1'),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000011', 'nurse.b@example.org', 'login', 'user',
               'b0000000-0000-0000-0000-000000000011', TRUE, '2001:db8::1'),
              (NULL, NULL, NULL, 'system_start', NULL, NULL, TRUE, NULL);

            INSERT INTO data_access_logs (facility_id, user_id, resident_id, access_type) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000021', 'read'),
              ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000011', 'b0000000-0000-0000-0000-000000000021', 'export');

            INSERT INTO maintenance_runs (id, started_at, finished_at, outcome) VALUES (1000000, NOW(), NOW(), 'succeeded');
            INSERT INTO mission_archive (mission_id, facility_id, finished_at, archived_at, event_count, document) VALUES
              ('a0000000-0000-0000-0000-0000000000a1', 'a0000000-0000-0000-0000-000000000001', NOW(), NOW(), 0, '{"mission": {}}');

            INSERT INTO locations (facility_id, name, kind, coordinates, zone) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'Room 101', 'room', ST_GeogFromText('SRID=4326;POINT(139.7 35.6)'), 'Building A'),
              ('b0000000-0000-0000-0000-000000000001', 'Lobby', 'entrance', ST_GeogFromText('SRID=4326;POINT(-74.0 40.7)'), NULL);

            INSERT INTO maps (facility_id, name, version, data) VALUES
              ('a0000000-0000-0000-0000-000000000001', 'Campus', 1, '{"zones": []}'),
              ('b0000000-0000-0000-0000-000000000001', 'Campus', 1, '{"zones": []}');

            INSERT INTO audit_chain_checkpoints (chain_id, seq, row_hash, key_id, mac, signed_at) VALUES
              ('a0000000-0000-0000-0000-000000000001', 1, repeat('a', 64), 'fixture', repeat('b', 64), NOW());
            """;
}
