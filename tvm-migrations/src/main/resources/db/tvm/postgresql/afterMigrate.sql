-- Flyway callback, runs after every successful "migrate" (also when nothing was pending): keeps the
-- partition window rolling (previous month .. +3 months of telemetry, current and next year of
-- audit_logs). Idempotent; creates nothing when the partitions exist. PERFORM inside DO returns no
-- result set, so Flyway has no table to print at INFO on every start.
DO $$
BEGIN
    PERFORM tvm_ensure_telemetry_partitions(
        (date_trunc('month', NOW() AT TIME ZONE 'UTC') - INTERVAL '1 month')::date,
        (date_trunc('month', NOW() AT TIME ZONE 'UTC') + INTERVAL '3 months')::date);
    PERFORM tvm_ensure_audit_partitions(
        extract(year FROM NOW() AT TIME ZONE 'UTC')::integer,
        extract(year FROM NOW() AT TIME ZONE 'UTC')::integer + 1);
END
$$;
