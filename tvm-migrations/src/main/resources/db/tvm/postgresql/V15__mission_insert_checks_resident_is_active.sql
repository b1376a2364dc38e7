-- V15: a mission is created only for a resident that is not soft-deleted, checked inside the INSERT itself.
-- The foreign key fk_missions_resident only proves that the row exists; before V15 the adapters asked
-- "SELECT count(*) FROM residents ..." in a separate round trip before every mission insert. The trigger
-- raises the same error as the foreign key (SQLSTATE 23503, constraint fk_missions_resident), so the adapters
-- translate it to UnknownReferenceException exactly as before. It runs as the caller (RLS applies to the probe).
-- AFTER INSERT: NOT NULL, CHECKs and the RLS WITH CHECK are decided first (their own errors stay), and the foreign
-- key's own trigger (RI_ConstraintTrigger_*, earlier in name order) reports a resident that does not exist at all.
-- H2 has no PL/pgSQL: there the adapters keep their own check (see V15 in db/tvm/h2).

CREATE OR REPLACE FUNCTION tvm_mission_resident_active() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp   -- as every function of the schema (V10): pg_temp last
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM residents r
                   WHERE r.id = NEW.resident_id AND r.facility_id = NEW.facility_id AND r.deleted_at IS NULL) THEN
        RAISE EXCEPTION 'resident_id: no non-deleted resident of this facility'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_missions_resident',
                  TABLE = 'missions', COLUMN = 'resident_id';
    END IF;
    RETURN NULL;  -- AFTER trigger: the result is ignored
END;
$$;

-- Only the trigger calls it (triggers need no EXECUTE privilege).
REVOKE EXECUTE ON FUNCTION tvm_mission_resident_active() FROM PUBLIC;

COMMENT ON FUNCTION tvm_mission_resident_active() IS
    'Trigger: a new mission must reference a non-deleted resident of its facility (raises 23503 fk_missions_resident).';

CREATE TRIGGER missions_resident_active AFTER INSERT ON missions
    FOR EACH ROW EXECUTE FUNCTION tvm_mission_resident_active();
