-- H2 mirror of postgresql/V14_2: the plain view mission_summary gains the KPI columns (always current).
DROP VIEW mission_summary;

CREATE VIEW mission_summary AS
SELECT
    m.id,
    m.status,
    m.priority,
    r.first_name || ' ' || r.last_name AS resident_name,
    v.name AS vehicle_name,
    m.created_at,
    m.facility_id,
    m.vehicle_id,
    m.assigned_at,
    m.started_at,
    m.completed_at,
    (SELECT min(e.created_at) FROM mission_events e
      WHERE e.mission_id = m.id AND e.facility_id = m.facility_id AND e.event_type = 'pickup_arrived') AS pickup_arrived_at,
    CASE WHEN m.status IN ('completed', 'cancelled', 'failed') THEN COALESCE(m.completed_at,
        (SELECT max(e.created_at) FROM mission_events e WHERE e.mission_id = m.id AND e.facility_id = m.facility_id
           AND e.event_type IN ('completed', 'cancelled', 'failed')), m.updated_at) END AS finished_at,
    m.failure_reason,
    (SELECT e.details FROM mission_events e
      WHERE e.mission_id = m.id AND e.facility_id = m.facility_id AND e.event_type IN ('cancelled', 'failed')
      ORDER BY e.id DESC LIMIT 1) AS end_details
FROM missions m
JOIN residents r ON m.resident_id = r.id
LEFT JOIN vehicles v ON m.vehicle_id = v.id
WHERE m.deleted_at IS NULL;
