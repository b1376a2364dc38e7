-- V23: the operations dashboard (the spec's query 1) reads a facility's active missions and its residents' names
-- from two small covering indexes instead of the tables.
--
-- Under row-level security query 1 becomes "this facility's pending, assigned and in-progress missions, with their
-- residents' names". Its plan read the active entries of idx_missions_status for every facility (2,000 at 10
-- facilities x 200) to keep this facility's 200, fetching each from the heap, then hashed the facility's residents
-- after a sequential scan of all of them (0.6-0.9 ms and 0.6-1.0 ms of a 1.6 ms p50, 2.8 ms p95). Measured with
-- EXPLAIN (ANALYZE, BUFFERS) on 1,000,000 missions as the application login: 1.7 ms and 561 buffers before, 0.6 ms and
-- 134 buffers with these indexes (both scans index-only). An ordered index over the priority CASE is not used: row-level
-- security's facility filter on residents makes the planner expect 21 joined rows, under the LIMIT of 50.
--
-- The missions index holds only active missions (a few hundred per facility), so it stays small; its entries change
-- with the status changes that already update idx_missions_status. The residents index duplicates idx_residents_facility
-- with the columns the join and the name need; it is not partial because query 1 does not filter deleted residents.
-- Both take a SHARE lock while they are built (writes wait; the missions build reads the table once).

CREATE INDEX idx_missions_active_by_facility ON missions (facility_id)
    INCLUDE (id, status, priority, pickup_location, dropoff_location, resident_id, vehicle_id, created_at)
    WHERE status IN ('pending', 'assigned', 'in_progress') AND deleted_at IS NULL;

CREATE INDEX idx_residents_facility_names ON residents (facility_id) INCLUDE (id, first_name, last_name);
