-- V10: security hardening and hot-path indexes (review findings on V1..V9; nothing is renamed or removed).
--
-- 1. Partitions get RLS of their own. Until now they had none: they were unreachable only because no
--    role held a privilege on them. One ALTER DEFAULT PRIVILEGES (spec §13.1 tells operators to run it) or
--    GRANT ... ON ALL TABLES IN SCHEMA public made e.g. telemetry_2026_11 readable directly, bypassing the
--    parent's policy. Now every partition (monthly/yearly and *_default, existing and future) is
--    ENABLE + FORCE ROW LEVEL SECURITY with the parent's facility policy, and partitions created by
--    tvm_create_range_partition are stripped of any privilege that default privileges handed out.
-- 2. tvm_readonly loses SELECT on the materialized view mission_summary (no RLS possible: it exposed every
--    facility's resident names). It reads facility_mission_summary, like the app.
-- 3. tvm_app loses DELETE on missions: missions are soft-deleted (ports contract), and a hard DELETE
--    cascades (spec §5.1 ON DELETE CASCADE) into mission_events, erasing the append-only mission timeline.
-- 4. SECURITY DEFINER functions: search_path pinned as pg_catalog, public, pg_temp (pg_temp last; when it
--    is not listed it is searched FIRST for relations, so a caller's temporary table could shadow the
--    catalog tables the functions read). The partition helper validates storage_options.
-- 5. Indexes: the timeline (spec query 4 and both adapters: mission_id = ? ORDER BY created_at, id) and
--    the facility-scoped mission lists (facility_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC).

-- ---------------------------------------------------------------------------------------------
-- 1. Partition security
-- ---------------------------------------------------------------------------------------------

-- Internal: make one partition of telemetry / audit_logs safe to exist on its own: no privilege for
-- anybody but its owner (clears what ALTER DEFAULT PRIVILEGES granted), RLS enabled and forced, and the
-- parent's facility policy as <partition>_facility_isolation. Idempotent.
CREATE OR REPLACE FUNCTION tvm_secure_partition(partition_name text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    rel regclass := to_regclass(format('public.%I', partition_name));
    grantee_oid oid;
BEGIN
    IF rel IS NULL THEN
        RAISE EXCEPTION 'tvm_secure_partition: no table public.%', quote_ident(partition_name) USING ERRCODE = '42P01';
    END IF;
    FOR grantee_oid IN
        SELECT DISTINCT a.grantee
        FROM pg_catalog.pg_class c, LATERAL pg_catalog.aclexplode(c.relacl) a
        WHERE c.oid = rel AND a.grantee <> c.relowner
    LOOP
        IF grantee_oid = 0 THEN
            EXECUTE format('REVOKE ALL ON TABLE public.%I FROM PUBLIC', partition_name);
        ELSE
            EXECUTE format('REVOKE ALL ON TABLE public.%I FROM %I', partition_name,
                           (SELECT rolname FROM pg_catalog.pg_roles WHERE oid = grantee_oid));
        END IF;
    END LOOP;
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', partition_name);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', partition_name);
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy
                   WHERE polrelid = rel AND polname = partition_name || '_facility_isolation') THEN
        EXECUTE format(
            'CREATE POLICY %I ON public.%I '
            'USING (facility_id = NULLIF(current_setting(''app.current_facility_id'', true), '''')::uuid) '
            'WITH CHECK (facility_id = NULLIF(current_setting(''app.current_facility_id'', true), '''')::uuid)',
            partition_name || '_facility_isolation', partition_name);
    END IF;
END;
$$;

COMMENT ON FUNCTION tvm_secure_partition(text) IS
    'Internal: revoke every non-owner privilege on a partition, ENABLE + FORCE RLS and add the facility policy.';

REVOKE ALL ON FUNCTION tvm_secure_partition(text) FROM PUBLIC;

-- Same signature as V5 (owner and privileges are kept); now secures every partition it creates and
-- accepts only "name = number, ..." as storage options (they are spliced into DDL).
CREATE OR REPLACE FUNCTION tvm_create_range_partition(parent_table text, partition_name text,
                                                      range_from timestamptz, range_to timestamptz,
                                                      storage_options text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    default_name text := parent_table || '_default';
    with_clause text := CASE WHEN storage_options IS NULL THEN '' ELSE ' WITH (' || storage_options || ')' END;
    has_stray_rows boolean := false;
BEGIN
    IF parent_table IS NULL OR partition_name IS NULL OR range_from IS NULL OR range_to IS NULL THEN
        RAISE EXCEPTION 'tvm_create_range_partition: arguments must not be null' USING ERRCODE = '22004';
    END IF;
    IF parent_table NOT IN ('telemetry', 'audit_logs') THEN
        RAISE EXCEPTION 'tvm_create_range_partition: not a partitioned TVM table: %', quote_ident(parent_table)
            USING ERRCODE = '22023';
    END IF;
    IF storage_options IS NOT NULL
       AND storage_options !~ '^[a-z_]+ *= *[0-9.]+( *, *[a-z_]+ *= *[0-9.]+)*$' THEN
        RAISE EXCEPTION 'tvm_create_range_partition: storage options must be "name = number, ..."'
            USING ERRCODE = '22023';
    END IF;
    IF range_from >= range_to THEN
        RAISE EXCEPTION 'tvm_create_range_partition: empty range [%, %)', range_from, range_to USING ERRCODE = '22023';
    END IF;
    IF to_regclass(format('public.%I', partition_name)) IS NOT NULL THEN
        RETURN false;
    END IF;

    -- Serialise concurrent maintenance callers (self-conflicting lock), then re-check.
    EXECUTE format('LOCK TABLE public.%I IN SHARE ROW EXCLUSIVE MODE', parent_table);
    IF to_regclass(format('public.%I', partition_name)) IS NOT NULL THEN
        RETURN false;
    END IF;

    IF to_regclass(format('public.%I', default_name)) IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I WHERE "timestamp" >= $1 AND "timestamp" < $2)', default_name)
            INTO has_stray_rows USING range_from, range_to;
    END IF;

    IF has_stray_rows THEN
        EXECUTE format('CREATE TABLE public.%I (LIKE public.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)%s',
                       partition_name, parent_table, with_clause);
        EXECUTE format('WITH moved AS (DELETE FROM public.%I WHERE "timestamp" >= $1 AND "timestamp" < $2 RETURNING *) '
                       'INSERT INTO public.%I SELECT * FROM moved', default_name, partition_name)
            USING range_from, range_to;
        EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
                       parent_table, partition_name, range_from, range_to);
    ELSE
        EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)%s',
                       partition_name, parent_table, range_from, range_to, with_clause);
    END IF;
    PERFORM public.tvm_secure_partition(partition_name);
    RETURN true;
END;
$$;

-- Every partition that exists now (monthly, yearly and the two DEFAULT partitions).
DO $$
DECLARE
    part text;
BEGIN
    FOR part IN
        SELECT c.relname::text
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('public.telemetry'::regclass, 'public.audit_logs'::regclass)
        ORDER BY 1
    LOOP
        PERFORM public.tvm_secure_partition(part);
    END LOOP;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. + 3. Privileges
-- ---------------------------------------------------------------------------------------------
REVOKE SELECT ON mission_summary FROM tvm_readonly;
REVOKE DELETE ON missions FROM tvm_app;

-- ---------------------------------------------------------------------------------------------
-- 4. search_path of the other SECURITY DEFINER functions and the trigger function: pg_temp last
-- ---------------------------------------------------------------------------------------------
ALTER FUNCTION tvm_ensure_telemetry_partitions(date, date) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION tvm_drop_telemetry_partitions_before(date) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION tvm_ensure_audit_partitions(integer, integer) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION update_updated_at_column() SET search_path = pg_catalog, public, pg_temp;

-- ---------------------------------------------------------------------------------------------
-- 5. Indexes
-- ---------------------------------------------------------------------------------------------
CREATE INDEX idx_mission_events_mission_created_at ON mission_events(mission_id, created_at, id);
CREATE INDEX idx_missions_facility_created_at ON missions(facility_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
