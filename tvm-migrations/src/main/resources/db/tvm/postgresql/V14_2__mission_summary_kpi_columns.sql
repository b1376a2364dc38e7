-- V14_2: the mission summary (spec §8.2) also carries what the KPI read models need: vehicle, the lifecycle
-- instants, when the vehicle arrived at pickup, when the mission finished, and the terminal event's details
-- (the cancel reason lives there). The spec's columns stay first and unchanged. Rebuilt with its view,
-- indexes, owner and grants exactly as V7/V9/V10 left them.
DROP VIEW facility_mission_summary;
DROP MATERIALIZED VIEW mission_summary;

CREATE MATERIALIZED VIEW mission_summary AS
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

CREATE UNIQUE INDEX idx_mission_summary_id ON mission_summary(id);
CREATE INDEX idx_mission_summary_facility_created ON mission_summary(facility_id, created_at DESC);

CREATE VIEW facility_mission_summary WITH (security_barrier = true) AS
SELECT id, status, priority, resident_name, vehicle_name, created_at, facility_id, vehicle_id, assigned_at, started_at,
       completed_at, pickup_arrived_at, finished_at, failure_reason, end_details
FROM mission_summary
WHERE facility_id = NULLIF(current_setting('app.current_facility_id', true), '')::uuid;

ALTER MATERIALIZED VIEW mission_summary OWNER TO tvm_admin;  -- REFRESH requires ownership
GRANT SELECT ON mission_summary, facility_mission_summary TO tvm_admin;
GRANT SELECT ON facility_mission_summary TO tvm_app, tvm_readonly;
