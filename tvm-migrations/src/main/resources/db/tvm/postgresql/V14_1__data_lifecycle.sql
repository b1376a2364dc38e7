-- V14_1: the data lifecycle job (TvmMaintenance, `tvm maintain`): its run record, the mission archive, and
-- retention of whole yearly audit partitions. Both tables are the administrative role's only: the application
-- never reads or writes them, so they carry no facility row-level security.

-- One row per maintenance run: start, end, outcome and what each step did (JSON array of step results).
-- A run killed before it could record its end stays 'running' (finished_at NULL); `tvm status` reports it.
CREATE TABLE maintenance_runs (
    id BIGSERIAL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    outcome VARCHAR(20) NOT NULL DEFAULT 'running',
    steps JSONB NOT NULL DEFAULT '[]'::jsonb,
    error TEXT,

    CONSTRAINT check_maintenance_runs_outcome CHECK (outcome IN ('running', 'succeeded', 'failed')),
    CONSTRAINT check_maintenance_runs_finished CHECK ((outcome = 'running') = (finished_at IS NULL)),
    CONSTRAINT check_maintenance_runs_steps CHECK (jsonb_typeof(steps) = 'array')
);

CREATE INDEX idx_maintenance_runs_started_at ON maintenance_runs(started_at DESC);

-- Finished missions past retention (spec §10.1: 3 years, archived with their events), one self-contained JSON
-- document per mission: {"mission": {...row...}, "events": [{...row...}, ...]}. Written, read back and compared
-- in the same transaction that deletes the mission, so a mission is never deleted without its archive.
CREATE TABLE mission_archive (
    mission_id UUID PRIMARY KEY,
    facility_id UUID NOT NULL REFERENCES facilities(id),
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_count INTEGER NOT NULL,
    document JSONB NOT NULL,

    CONSTRAINT check_mission_archive_event_count CHECK (event_count >= 0),
    CONSTRAINT check_mission_archive_document CHECK (jsonb_typeof(document) = 'object')
);

CREATE INDEX idx_mission_archive_facility_finished_at ON mission_archive(facility_id, finished_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON maintenance_runs, mission_archive TO tvm_admin;
GRANT USAGE, SELECT ON SEQUENCE maintenance_runs_id_seq TO tvm_admin;

-- Retention (spec §10.1: audit 7 years, by yearly partition): drops every yearly partition audit_logs_YYYY with
-- YYYY < before_year. Whole partitions only: no audit row is ever updated or deleted one by one, so the rows
-- that stay are exactly as written. Rows in audit_logs_default are left alone. Returns the dropped names.
CREATE OR REPLACE FUNCTION tvm_drop_audit_partitions_before(before_year integer)
RETURNS SETOF text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    part text;
BEGIN
    IF before_year IS NULL THEN
        RAISE EXCEPTION 'tvm_drop_audit_partitions_before: year must not be null' USING ERRCODE = '22004';
    END IF;
    FOR part IN
        SELECT c.relname::text
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.inhparent = 'public.audit_logs'::regclass
          AND n.nspname = 'public'
          AND c.relname ~ '^audit_logs_[0-9]{4}$'
          AND substr(c.relname, 12)::integer < before_year
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE public.%I', part);
        RETURN NEXT part;
    END LOOP;
    RETURN;
END;
$$;

COMMENT ON FUNCTION tvm_drop_audit_partitions_before(integer) IS
    'Retention: drop yearly audit_logs partitions of years before the given year; returns dropped partition names.';

REVOKE ALL ON FUNCTION tvm_drop_audit_partitions_before(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_drop_audit_partitions_before(integer) TO tvm_admin;
