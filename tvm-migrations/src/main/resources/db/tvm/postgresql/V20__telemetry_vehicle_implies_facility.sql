-- V20: the planner learns that a telemetry row's vehicle decides its facility.
--
-- Row-level security adds facility_id = <the context's facility> to every telemetry read. The planner took that as
-- independent of vehicle_id and divided its estimate for one vehicle by the number of facilities. For the spec's
-- query 3 (a vehicle's last hour, newest first, LIMIT 1000) prepared through JDBC, PostgreSQL switches to a generic
-- plan after five runs, whose per-vehicle estimate is the average; divided again by the facilities it fell under the
-- LIMIT, and the planner chose to read and sort the vehicle's whole hour (35,000 rows at 10 Hz: 80-400 ms) instead
-- of reading its newest 1,000 rows in index order (2 ms). Functional-dependency statistics on (facility_id,
-- vehicle_id) correct the estimate. PostgreSQL 15 keeps extended statistics per table and does not copy them to
-- partitions, so every partition gets its own: the existing ones here, new ones in tvm_ensure_telemetry_partitions.
-- They are filled by the next ANALYZE (autovacuum's, or the maintenance job's).

CREATE OR REPLACE FUNCTION tvm_telemetry_partition_statistics(part regclass) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    rel text;
BEGIN
    SELECT c.relname INTO rel FROM pg_class c WHERE c.oid = part;
    EXECUTE format('CREATE STATISTICS IF NOT EXISTS public.%I (dependencies) ON facility_id, vehicle_id FROM public.%I',
                   rel || '_facility_vehicle', rel);
END;
$$;

REVOKE ALL ON FUNCTION tvm_telemetry_partition_statistics(regclass) FROM PUBLIC;

-- V5's function, unchanged but for the statistics of each month it ensures (idempotent, like the partitions).
CREATE OR REPLACE FUNCTION tvm_ensure_telemetry_partitions(from_month date, to_month date)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    first_month date := date_trunc('month', from_month)::date;
    last_month date := date_trunc('month', to_month)::date;
    m date;
    created integer := 0;
BEGIN
    IF from_month IS NULL OR to_month IS NULL THEN
        RAISE EXCEPTION 'tvm_ensure_telemetry_partitions: months must not be null' USING ERRCODE = '22004';
    END IF;
    IF first_month > last_month THEN
        RAISE EXCEPTION 'tvm_ensure_telemetry_partitions: from_month % is after to_month %', from_month, to_month
            USING ERRCODE = '22023';
    END IF;
    IF last_month > (first_month + INTERVAL '120 months')::date THEN
        RAISE EXCEPTION 'tvm_ensure_telemetry_partitions: at most 121 months per call' USING ERRCODE = '22023';
    END IF;
    m := first_month;
    WHILE m <= last_month LOOP
        IF tvm_create_range_partition('telemetry', 'telemetry_' || to_char(m, 'YYYY_MM'),
                                      m::timestamp AT TIME ZONE 'UTC',
                                      (m + INTERVAL '1 month')::timestamp AT TIME ZONE 'UTC',
                                      'autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02') THEN
            created := created + 1;
        END IF;
        PERFORM tvm_telemetry_partition_statistics(format('public.%I', 'telemetry_' || to_char(m, 'YYYY_MM'))::regclass);
        m := (m + INTERVAL '1 month')::date;
    END LOOP;
    RETURN created;
END;
$$;

SELECT tvm_telemetry_partition_statistics(i.inhrelid::regclass)
FROM pg_inherits i
WHERE i.inhparent = 'public.telemetry'::regclass;
