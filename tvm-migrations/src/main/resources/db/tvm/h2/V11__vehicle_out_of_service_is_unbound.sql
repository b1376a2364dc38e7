-- H2 mirror of postgresql/V11: a vehicle bound to a mission is never charging or in maintenance.
ALTER TABLE vehicles ADD CONSTRAINT check_vehicles_unbound_when_out_of_service
    CHECK (current_mission_id IS NULL OR status NOT IN ('charging', 'maintenance'));
