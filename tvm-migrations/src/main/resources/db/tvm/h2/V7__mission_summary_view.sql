-- H2 mirror of postgresql/V7: H2 has no materialized views, so mission_summary is a plain view with the
-- same columns (always current; nothing to refresh). facility_mission_summary (RLS-style filter on
-- app.current_facility_id) is PostgreSQL only.

CREATE VIEW mission_summary AS
SELECT
    m.id,
    m.status,
    m.priority,
    r.first_name || ' ' || r.last_name AS resident_name,
    v.name AS vehicle_name,
    m.created_at,
    m.facility_id
FROM missions m
JOIN residents r ON m.resident_id = r.id
LEFT JOIN vehicles v ON m.vehicle_id = v.id
WHERE m.deleted_at IS NULL;
