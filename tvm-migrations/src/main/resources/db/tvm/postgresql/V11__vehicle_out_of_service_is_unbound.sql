-- A vehicle bound to a mission (a resident is waiting for it or riding) is never charging or in
-- maintenance. The domain enforces this in Vehicle; this CHECK keeps it true when the domain is bypassed.
ALTER TABLE vehicles ADD CONSTRAINT check_vehicles_unbound_when_out_of_service
    CHECK (current_mission_id IS NULL OR status NOT IN ('charging', 'maintenance'));
