-- V7: spec §8.2 materialized view, plus facility_id (addition) so it can be filtered per facility.
-- A materialized view cannot carry row-level security: tvm_app gets no direct access to it and reads
-- facility_mission_summary instead (filtered by app.current_facility_id). Owned by tvm_admin (V9), which
-- refreshes it (REFRESH requires ownership).

CREATE MATERIALIZED VIEW mission_summary AS
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

-- Required by REFRESH MATERIALIZED VIEW CONCURRENTLY
CREATE UNIQUE INDEX idx_mission_summary_id ON mission_summary(id);
CREATE INDEX idx_mission_summary_facility_created ON mission_summary(facility_id, created_at DESC);

CREATE VIEW facility_mission_summary WITH (security_barrier = true) AS
SELECT id, status, priority, resident_name, vehicle_name, created_at, facility_id
FROM mission_summary
WHERE facility_id = NULLIF(current_setting('app.current_facility_id', true), '')::uuid;
