-- V5: telemetry (spec §4.5, partitioned per §9.1) and vehicle_logs (named in spec §3.2).

-- ---------------------------------------------------------------------------------------------
-- Partition helper shared by the telemetry (monthly) and audit_logs (yearly) maintenance functions.
-- Creates partition_name as a range partition [range_from, range_to) of parent_table (both in schema
-- public, partition key column "timestamp"). If rows for that range already sit in the parent's
-- DEFAULT partition (<parent>_default), they are moved into the new partition first, so creating a
-- partition "late" never fails. Returns true when a partition was created, false when it existed.
-- SECURITY DEFINER: creating partitions requires owning the parent; EXECUTE is granted to tvm_admin only.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION tvm_create_range_partition(parent_table text, partition_name text,
                                                      range_from timestamptz, range_to timestamptz,
                                                      storage_options text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    default_name text := parent_table || '_default';
    with_clause text := CASE WHEN storage_options IS NULL THEN '' ELSE ' WITH (' || storage_options || ')' END;
    has_stray_rows boolean := false;
BEGIN
    IF parent_table IS NULL OR partition_name IS NULL OR range_from IS NULL OR range_to IS NULL THEN
        RAISE EXCEPTION 'tvm_create_range_partition: arguments must not be null' USING ERRCODE = '22004';
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
    RETURN true;
END;
$$;

COMMENT ON FUNCTION tvm_create_range_partition(text, text, timestamptz, timestamptz, text) IS
    'Internal: create one range partition, moving matching rows out of <parent>_default first.';

-- ---------------------------------------------------------------------------------------------
-- telemetry: spec §4.5 columns + facility_id, range-partitioned by month on "timestamp" (spec §9.1)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE telemetry (
    id BIGSERIAL,
    facility_id UUID NOT NULL REFERENCES facilities(id),
    vehicle_id UUID NOT NULL,

    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,

    latitude NUMERIC(10,7),
    longitude NUMERIC(10,7),
    heading NUMERIC(5,2),

    speed_mps NUMERIC(4,2),
    acceleration_mps2 NUMERIC(4,2),

    battery_level INTEGER,
    battery_voltage NUMERIC(5,2),
    battery_current NUMERIC(6,2),

    lidar_status VARCHAR(20),
    camera_status VARCHAR(20),
    imu_status VARCHAR(20),

    cpu_usage INTEGER,
    memory_usage INTEGER,  -- MB
    disk_usage INTEGER,

    error_codes VARCHAR(100)[],

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),

    PRIMARY KEY (id, timestamp),
    CONSTRAINT check_telemetry_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT check_telemetry_longitude CHECK (longitude BETWEEN -180 AND 180),
    CONSTRAINT check_telemetry_heading CHECK (heading >= 0 AND heading <= 360),
    CONSTRAINT check_telemetry_battery_level CHECK (battery_level >= 0 AND battery_level <= 100),
    CONSTRAINT check_telemetry_cpu_usage CHECK (cpu_usage >= 0 AND cpu_usage <= 100),
    CONSTRAINT check_telemetry_memory_usage CHECK (memory_usage >= 0),
    CONSTRAINT check_telemetry_disk_usage CHECK (disk_usage >= 0 AND disk_usage <= 100),
    CONSTRAINT check_telemetry_lidar_status CHECK (lidar_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT check_telemetry_camera_status CHECK (camera_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT check_telemetry_imu_status CHECK (imu_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT fk_telemetry_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id)
) PARTITION BY RANGE (timestamp);

CREATE INDEX idx_telemetry_vehicle_timestamp ON telemetry(vehicle_id, timestamp DESC);
CREATE INDEX idx_telemetry_timestamp ON telemetry(timestamp DESC);

-- Catch-all for rows outside every monthly partition (clock skew, late back-fill). Partitions are
-- created ahead of time; tvm_ensure_telemetry_partitions moves stray rows out of it when it creates
-- the matching month.
CREATE TABLE telemetry_default PARTITION OF telemetry DEFAULT;

-- Monthly partitions telemetry_YYYY_MM (UTC months) for every month from from_month to to_month
-- (both inclusive, truncated to the month). Idempotent. Returns the number of partitions created.
CREATE OR REPLACE FUNCTION tvm_ensure_telemetry_partitions(from_month date, to_month date)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
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
        m := (m + INTERVAL '1 month')::date;
    END LOOP;
    RETURN created;
END;
$$;

COMMENT ON FUNCTION tvm_ensure_telemetry_partitions(date, date) IS
    'Create monthly telemetry partitions telemetry_YYYY_MM (UTC) for [from_month, to_month], inclusive. Returns how many were created.';

-- Retention (spec §10: 90 days, DROP partition): drops every monthly partition that lies entirely
-- before the month of "month" and deletes older stray rows from telemetry_default.
-- Returns the names of the dropped partitions, oldest first.
CREATE OR REPLACE FUNCTION tvm_drop_telemetry_partitions_before(month date)
RETURNS SETOF text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    cutoff date := date_trunc('month', month)::date;
    part text;
BEGIN
    IF month IS NULL THEN
        RAISE EXCEPTION 'tvm_drop_telemetry_partitions_before: month must not be null' USING ERRCODE = '22004';
    END IF;
    FOR part IN
        SELECT c.relname::text
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.inhparent = 'public.telemetry'::regclass
          AND n.nspname = 'public'
          AND c.relname ~ '^telemetry_[0-9]{4}_[0-9]{2}$'
          AND to_date(substr(c.relname, 11), 'YYYY_MM') < cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE public.%I', part);
        RETURN NEXT part;
    END LOOP;
    DELETE FROM public.telemetry_default WHERE "timestamp" < (cutoff::timestamp AT TIME ZONE 'UTC');
    RETURN;
END;
$$;

COMMENT ON FUNCTION tvm_drop_telemetry_partitions_before(date) IS
    'Retention: drop telemetry partitions entirely before the given month (UTC) and purge older rows from telemetry_default; returns dropped partition names.';

-- Previous month, current month and the next 3 months (UTC) at migrate time; the afterMigrate
-- callback and TvmAdministration keep the window rolling.
SELECT tvm_ensure_telemetry_partitions(
    (date_trunc('month', NOW() AT TIME ZONE 'UTC') - INTERVAL '1 month')::date,
    (date_trunc('month', NOW() AT TIME ZONE 'UTC') + INTERVAL '3 months')::date);

-- ---------------------------------------------------------------------------------------------
-- vehicle_logs (spec §3.2 "diagnostics", §10.1 retention 90 days)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE vehicle_logs (
    id BIGSERIAL PRIMARY KEY,
    facility_id UUID NOT NULL REFERENCES facilities(id),
    vehicle_id UUID NOT NULL,

    level VARCHAR(10) NOT NULL,
    code VARCHAR(50),
    message VARCHAR(2000) NOT NULL,
    details JSONB,

    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),

    CONSTRAINT check_vehicle_logs_level CHECK (level IN ('debug', 'info', 'warn', 'error')),
    CONSTRAINT fk_vehicle_logs_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id)
);

CREATE INDEX idx_vehicle_logs_vehicle_logged_at ON vehicle_logs(vehicle_id, logged_at DESC);
CREATE INDEX idx_vehicle_logs_logged_at ON vehicle_logs(logged_at);
