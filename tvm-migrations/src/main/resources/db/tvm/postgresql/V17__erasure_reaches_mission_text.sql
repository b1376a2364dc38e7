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
-- It also reaches the resident's missions that maintenance has moved to mission_archive (V14_1), where the notes and
-- reasons of a finished mission would otherwise outlive erasure: every archived document of the context facility
-- whose mission.resident_id is the resident gets the same rule, in the document (mission.notes null, a non-null
-- mission.failure_reason '[erased]', each event's details.reason '[erased]'; MissionArchiver stores details as a JSON
-- object). Nothing else in the document changes (no version or updated_at: the archive records the mission as it
-- finished); members it lacks are not added. The return value counts missions changed, live and archived (a mission
-- is in one place only). Mirrored in Java by ArchivedMission.residentTextErased.
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
    archived integer;
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

    -- one step per rule (jsonb_set is strict: a member the document lacks is left out, not set to null)
    WITH rewritten AS (
        SELECT a.mission_id, d3.doc AS document
        FROM mission_archive a
        CROSS JOIN LATERAL (SELECT CASE WHEN a.document -> 'mission' ? 'notes'
                                        THEN jsonb_set(a.document, '{mission,notes}', 'null'::jsonb)
                                        ELSE a.document END AS doc) d1
        CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(d1.doc #> '{mission,failure_reason}') = 'string'
                                        THEN jsonb_set(d1.doc, '{mission,failure_reason}', to_jsonb(erased))
                                        ELSE d1.doc END AS doc) d2
        CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(d2.doc -> 'events') = 'array'
                                        THEN jsonb_set(d2.doc, '{events}', (
                                            SELECT COALESCE(jsonb_agg(
                                                       CASE WHEN jsonb_typeof(ev -> 'details') = 'object'
                                                                 AND ev -> 'details' ? 'reason'
                                                            THEN jsonb_set(ev, '{details,reason}', to_jsonb(erased))
                                                            ELSE ev END ORDER BY n), '[]'::jsonb)
                                            FROM jsonb_array_elements(d2.doc -> 'events') WITH ORDINALITY AS x(ev, n)))
                                        ELSE d2.doc END AS doc) d3
        WHERE a.facility_id = facility AND a.document #>> '{mission,resident_id}' = resident::text
        FOR UPDATE OF a
    )
    UPDATE mission_archive a SET document = r.document
    FROM rewritten r
    WHERE a.mission_id = r.mission_id AND a.facility_id = facility AND a.document IS DISTINCT FROM r.document;
    GET DIAGNOSTICS archived = ROW_COUNT;
    RETURN changed + archived;
END;
$$;

REVOKE ALL ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) TO tvm_app;

COMMENT ON FUNCTION tvm_erase_resident_mission_text(uuid, timestamptz) IS
    'Erasure: notes NULL, failure and event reasons ''[erased]'' for one resident''s missions (deleted and archived '
    'ones too), only in the facility of app.current_facility_id; version + 1 per changed live mission; returns the '
    'missions changed, live and archived.';
