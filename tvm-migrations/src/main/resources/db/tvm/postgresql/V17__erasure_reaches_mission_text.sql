-- V17: erasure (GDPR Art. 17, ResidentRights.erase) reaches the free text about a resident in their missions:
-- missions.notes, missions.failure_reason (e.g. "felt dizzy") and the "reason" detail of cancel/fail events.
-- mission_events is append-only for the application (tvm_app has SELECT/INSERT only, V9), so the one sanctioned
-- rewrite of it is this function: it runs as its owner and does exactly what erasure needs, nothing else.
-- The owner bypasses row-level security, so the function filters by the caller's facility itself
-- (app.current_facility_id): a call naming another facility's resident, or without a context, changes nothing.
-- Notes become NULL, a failure reason becomes '[erased]' (check_missions_failed_has_reason needs one), an event's
-- "reason" becomes '[erased]'; statuses, times, event types and counts stay. Each mission whose row or events
-- changed gets version + 1 (a concurrent writer's copy is stale) and updated_at (the V1 trigger stamps NOW()).
-- The missions audit trigger records the update with notes and failure reason withheld (V13), as for any update.
-- Mirrored in Java by Mission.residentTextErased / MissionEvent.residentTextErased (H2 and the in-memory adapter).
-- H2 has no roles: there the adapters run plain statements (see V17 in db/tvm/h2).

CREATE FUNCTION tvm_erase_resident_mission_text(resident uuid, erased_at timestamptz) RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp   -- as every function of the schema (V10): pg_temp last
AS $$
DECLARE
    facility uuid := NULLIF(current_setting('app.current_facility_id', true), '')::uuid;
    erased constant text := '[erased]';
    changed integer;
BEGIN
    IF facility IS NULL OR resident IS NULL OR erased_at IS NULL THEN
        RETURN 0;  -- without a context the caller sees no row, so nothing is erased either
    END IF;
    WITH targets AS (
        SELECT m.id FROM missions m
        WHERE m.facility_id = facility AND m.resident_id = resident
          AND (m.notes IS NOT NULL OR m.failure_reason IS DISTINCT FROM erased AND m.failure_reason IS NOT NULL
               OR EXISTS (SELECT 1 FROM mission_events e
                          WHERE e.mission_id = m.id AND e.facility_id = facility AND e.details ? 'reason'
                            AND e.details -> 'reason' IS DISTINCT FROM to_jsonb(erased)))
        FOR UPDATE OF m
    ), erased_events AS (
        UPDATE mission_events e SET details = jsonb_set(e.details, '{reason}', to_jsonb(erased))
        FROM targets t
        WHERE e.mission_id = t.id AND e.facility_id = facility AND e.details ? 'reason'
          AND e.details -> 'reason' IS DISTINCT FROM to_jsonb(erased)
    )
    UPDATE missions m SET notes = NULL,
           failure_reason = CASE WHEN m.failure_reason IS NULL THEN NULL ELSE erased END,
           version = m.version + 1, updated_at = erased_at
    FROM targets t
    WHERE m.id = t.id AND m.facility_id = facility;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END;
$$;

REVOKE ALL ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) TO tvm_app;

COMMENT ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) IS
    'Erasure: notes NULL, failure and event reasons ''[erased]'' for one resident''s missions (deleted ones too), '
    'only in the facility of app.current_facility_id; version + 1 per changed mission; returns the missions changed.';
