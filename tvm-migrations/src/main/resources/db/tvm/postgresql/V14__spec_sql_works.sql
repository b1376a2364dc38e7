-- V14: SQL written from the spec's DDL works against this schema.

-- 1. The spec's telemetry has no facility_id. An INSERT that leaves it out takes it from the vehicle.
--    The trigger fires only when facility_id IS NULL (WHEN clause, evaluated without calling the function),
--    so the library's own writes, which always supply it, pay no lookup. SECURITY INVOKER on purpose: under
--    row-level security a vehicle of another facility stays invisible, facility_id stays NULL and NOT NULL
--    rejects the row.
CREATE OR REPLACE FUNCTION tvm_telemetry_facility_from_vehicle()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    SELECT v.facility_id INTO NEW.facility_id FROM public.vehicles v WHERE v.id = NEW.vehicle_id;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION tvm_telemetry_facility_from_vehicle() IS
    'BEFORE INSERT on telemetry, only when facility_id IS NULL: copy the facility of the vehicle.';

-- Trigger functions need no EXECUTE grant to fire; nobody calls this one directly.
REVOKE ALL ON FUNCTION tvm_telemetry_facility_from_vehicle() FROM PUBLIC;

CREATE TRIGGER trg_telemetry_facility_from_vehicle
    BEFORE INSERT ON telemetry
    FOR EACH ROW
    WHEN (NEW.facility_id IS NULL)
    EXECUTE FUNCTION tvm_telemetry_facility_from_vehicle();

-- 2. E-mail is stored as written and unique case-insensitively (spec §5.3: idx_users_email_unique on
--    LOWER(email), which V3 already created). The lower-case-only check rejected spec-conforming rows.
ALTER TABLE users DROP CONSTRAINT check_users_email_lower_case;
