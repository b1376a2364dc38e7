-- V12: no side channel between facilities through statistics, and audit attribution inside the facility.
--
-- 1. PostGIS exposes table statistics through SQL-callable functions that everybody may execute:
--    ST_EstimatedExtent (SECURITY DEFINER) returns the bounding box of a whole geometry/geography column,
--    _postgis_stats the row count and histogram summary, _postgis_selectivity / _postgis_join_selectivity
--    selectivity estimates for any box, _postgis_index_extent the extent of a spatial index. Row-level
--    security does not apply to statistics, so the application role could read how many vehicles,
--    locations and missions all facilities have and where they are, without any facility context.
--    Only tvm_admin keeps them. The planner is unaffected: it calls the C selectivity functions directly,
--    never through these SQL entry points (PostgresSecurityTest checks that spatial queries still plan
--    with their GiST indexes as the application role).
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'postgis'
        WHERE p.proname IN ('st_estimatedextent', '_postgis_stats', '_postgis_selectivity',
                            '_postgis_join_selectivity', '_postgis_index_extent')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tvm_admin', f);
    END LOOP;
END;
$$;

-- 2. A sequence's last_value counts the rows of every facility (telemetry, audit entries, ...).
--    The application needs nextval only (USAGE); reading last_value needs SELECT, which it loses. The
--    pg_sequences view shows last_value to anyone with USAGE through pg_sequence_last_value(), so that
--    function is closed too (this database only: pg_catalog is per database).
REVOKE SELECT ON SEQUENCE
    mission_events_id_seq, telemetry_id_seq, vehicle_logs_id_seq, audit_logs_id_seq, data_access_logs_id_seq
FROM tvm_app;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sequence_last_value(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_sequence_last_value(regclass) TO tvm_admin;

-- 3. An audit entry of a facility may only name a user of that facility: the plain foreign key on
--    user_id accepted another facility's user, and accepted-versus-rejected told a facility whether a
--    user id exists anywhere. The composite key (user_id, facility_id) rejects both the same way.
--    Entries without facility (system entries) are written only by tvm_admin: the row-level security
--    policy of audit_logs already refuses a NULL facility to tvm_app (WITH CHECK facility_id = context).
--    A system entry names no user: the composite key cannot check a user without a facility (MATCH
--    SIMPLE skips rows with a NULL column), so the check makes "no facility" mean "no user" as well.
ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_user_id_fkey;
ALTER TABLE audit_logs ADD CONSTRAINT fk_audit_logs_user_facility
    FOREIGN KEY (user_id, facility_id) REFERENCES users (id, facility_id);
ALTER TABLE audit_logs ADD CONSTRAINT check_audit_logs_system_entry_without_user
    CHECK (facility_id IS NOT NULL OR user_id IS NULL);
