-- V9: database roles (spec §13.1, without passwords), privileges and row-level security (spec §13.2).
--
-- Roles are cluster-global and NOLOGIN: operators create their own LOGIN roles and grant one of these
-- (e.g. CREATE ROLE tvm_server LOGIN PASSWORD '...' IN ROLE tvm_app). Created only when missing, and
-- tolerant of a concurrent migration of another database creating them at the same moment.
-- Deviation: tvm_admin is NOT a superuser; it has BYPASSRLS and all privileges on the TVM objects.
-- Role attributes (BYPASSRLS) are not inherited through membership: admin sessions run
-- SET ROLE tvm_admin (or use a login role that itself has BYPASSRLS).

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('tvm_admin',    'CREATE ROLE tvm_admin NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT BYPASSRLS'),
        ('tvm_app',      'CREATE ROLE tvm_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS'),
        ('tvm_readonly', 'CREATE ROLE tvm_readonly NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS')
    ) AS t(role_name, ddl)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.role_name) THEN
            BEGIN
                EXECUTE r.ddl;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN
                    NULL;  -- created concurrently by another migration: fine
            END;
        END IF;
    END LOOP;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO tvm_admin', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO tvm_app, tvm_readonly', current_database());
END;
$$;

GRANT USAGE ON SCHEMA public TO tvm_admin, tvm_app, tvm_readonly;

-- ---------------------------------------------------------------------------------------------
-- tvm_admin: everything on the TVM objects (migrations themselves run as the database owner/superuser)
-- ---------------------------------------------------------------------------------------------
GRANT ALL PRIVILEGES ON
    facilities, locations, maps, users, roles, permissions, role_permissions, user_roles,
    residents, caregiver_assignments, vehicles, missions, mission_events,
    telemetry, vehicle_logs, audit_logs, data_access_logs
TO tvm_admin;
GRANT SELECT ON mission_summary, facility_mission_summary TO tvm_admin;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE
    mission_events_id_seq, telemetry_id_seq, vehicle_logs_id_seq, audit_logs_id_seq, data_access_logs_id_seq
TO tvm_admin;
ALTER MATERIALIZED VIEW mission_summary OWNER TO tvm_admin;  -- REFRESH requires ownership

REVOKE ALL ON FUNCTION tvm_create_range_partition(text, text, timestamptz, timestamptz, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tvm_ensure_telemetry_partitions(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION tvm_drop_telemetry_partitions_before(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION tvm_ensure_audit_partitions(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_ensure_telemetry_partitions(date, date) TO tvm_admin;
GRANT EXECUTE ON FUNCTION tvm_drop_telemetry_partitions_before(date) TO tvm_admin;
GRANT EXECUTE ON FUNCTION tvm_ensure_audit_partitions(integer, integer) TO tvm_admin;

-- ---------------------------------------------------------------------------------------------
-- tvm_app: the application. Facility-scoped by RLS. Catalogue tables read-only. Event, telemetry,
-- log and audit tables append-only (no UPDATE/DELETE). Facilities are created by the administrative
-- entry point (tvm_admin); the app may read and update its own facility.
-- No ALTER DEFAULT PRIVILEGES: new partitions must stay unreachable except through their parent,
-- where the RLS policies apply.
-- ---------------------------------------------------------------------------------------------
GRANT SELECT, UPDATE ON facilities TO tvm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
    locations, maps, users, user_roles, residents, caregiver_assignments, vehicles, missions
TO tvm_app;
GRANT SELECT, INSERT ON mission_events, telemetry, vehicle_logs, audit_logs, data_access_logs TO tvm_app;
GRANT SELECT ON roles, permissions, role_permissions TO tvm_app;
GRANT SELECT ON facility_mission_summary TO tvm_app;
GRANT USAGE, SELECT ON SEQUENCE
    mission_events_id_seq, telemetry_id_seq, vehicle_logs_id_seq, audit_logs_id_seq, data_access_logs_id_seq
TO tvm_app;

-- ---------------------------------------------------------------------------------------------
-- tvm_readonly: reporting. SELECT only, and (like tvm_app) subject to RLS.
-- ---------------------------------------------------------------------------------------------
GRANT SELECT ON
    facilities, locations, maps, users, roles, permissions, role_permissions, user_roles,
    residents, caregiver_assignments, vehicles, missions, mission_events,
    telemetry, vehicle_logs, audit_logs, data_access_logs,
    mission_summary, facility_mission_summary
TO tvm_readonly;

GRANT SELECT ON spatial_ref_sys TO tvm_admin, tvm_app, tvm_readonly;

-- ---------------------------------------------------------------------------------------------
-- Row-level security: ENABLE + FORCE on every facility-owned table (partitioned tables: on the
-- parent). The adapters run SELECT set_config('app.current_facility_id', ?, true) at the start of
-- each transaction; without it no row is visible and no row can be written.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE facilities ENABLE ROW LEVEL SECURITY;
ALTER TABLE facilities FORCE ROW LEVEL SECURITY;
CREATE POLICY facilities_facility_isolation ON facilities
    USING (id = NULLIF(current_setting('app.current_facility_id', true), '')::uuid)
    WITH CHECK (id = NULLIF(current_setting('app.current_facility_id', true), '')::uuid);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'locations', 'maps', 'users', 'user_roles', 'residents', 'caregiver_assignments',
        'vehicles', 'missions', 'mission_events', 'telemetry', 'vehicle_logs', 'audit_logs', 'data_access_logs']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY %I ON public.%I '
            'USING (facility_id = NULLIF(current_setting(''app.current_facility_id'', true), '''')::uuid) '
            'WITH CHECK (facility_id = NULLIF(current_setting(''app.current_facility_id'', true), '''')::uuid)',
            t || '_facility_isolation', t);
    END LOOP;
END;
$$;
