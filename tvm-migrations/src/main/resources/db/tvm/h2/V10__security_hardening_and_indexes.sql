-- V10 (H2 twin of the PostgreSQL V10, same version and description).
-- The PostgreSQL security hardening (partition RLS, revoked grants, function search_path) has no H2
-- counterpart: H2 has no RLS, partitions, roles or plpgsql. Only the hot-path indexes apply.

-- Mission timeline (spec query 4, both adapters): mission_id = ? ORDER BY created_at, id
CREATE INDEX idx_mission_events_mission_created_at ON mission_events(mission_id, created_at, id);

-- Facility-scoped mission lists, newest first (PostgreSQL: partial WHERE deleted_at IS NULL; H2 has no partial indexes)
CREATE INDEX idx_missions_facility_created_at ON missions(facility_id, created_at DESC, id DESC);
