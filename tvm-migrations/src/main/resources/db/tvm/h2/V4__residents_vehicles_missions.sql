-- H2 mirror of postgresql/V4.
-- Not on H2: vehicles.current_point (generated geography for KNN; PostgreSQL only), GiST -> SPATIAL indexes,
-- partial indexes become full indexes, and:
--   * H2 has no partial indexes, so the two partial unique indexes sit on H2-only generated columns that are NULL
--     outside the indexed condition (NULLs never collide), with the same index names as on PostgreSQL:
--     idx_vehicles_name_unique on (facility_id, unique_live_name) -- names of soft-deleted vehicles can be re-used;
--     idx_missions_one_active_per_vehicle on active_vehicle_id -- one active mission per vehicle, as on PostgreSQL;
--   * check_vehicles_current_location_object (jsonb_typeof) is omitted.

CREATE TABLE residents (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    date_of_birth DATE NOT NULL,
    gender VARCHAR(20),
    phone VARCHAR(20),
    emergency_contact_name VARCHAR(200),
    emergency_contact_phone VARCHAR(20),
    medical_notes VARCHAR,
    wheelchair_type VARCHAR(50),
    requires_assistance BOOLEAN DEFAULT FALSE,
    preferred_language VARCHAR(10) DEFAULT 'en',
    photo_url VARCHAR(500),
    gdpr_consent BOOLEAN DEFAULT FALSE,
    gdpr_consent_date TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT residents_pkey PRIMARY KEY (id),
    CONSTRAINT residents_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_gender CHECK (gender IN ('male', 'female', 'non-binary', 'prefer-not-to-say')),
    CONSTRAINT check_residents_wheelchair_type CHECK (wheelchair_type IN ('manual', 'powered', 'transport_chair')),
    CONSTRAINT check_residents_gdpr_consent_date CHECK (gdpr_consent IS NOT TRUE OR gdpr_consent_date IS NOT NULL),
    CONSTRAINT uq_residents_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_residents_facility ON residents(facility_id);
CREATE INDEX idx_residents_last_name ON residents(last_name);
CREATE INDEX idx_residents_deleted ON residents(deleted_at);

CREATE TABLE caregiver_assignments (
    facility_id UUID NOT NULL,
    caregiver_user_id UUID NOT NULL,
    resident_id UUID NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    assigned_by_user_id UUID,
    CONSTRAINT caregiver_assignments_pkey PRIMARY KEY (caregiver_user_id, resident_id),
    CONSTRAINT caregiver_assignments_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT fk_caregiver_assignments_caregiver FOREIGN KEY (caregiver_user_id, facility_id)
        REFERENCES users(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_caregiver_assignments_resident FOREIGN KEY (resident_id, facility_id)
        REFERENCES residents(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_caregiver_assignments_assigned_by FOREIGN KEY (assigned_by_user_id, facility_id)
        REFERENCES users(id, facility_id)
);

CREATE INDEX idx_caregiver_assignments_resident ON caregiver_assignments(resident_id);
CREATE INDEX idx_caregiver_assignments_facility ON caregiver_assignments(facility_id);

CREATE TABLE vehicles (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    name VARCHAR(100) NOT NULL,
    serial_number VARCHAR(100),
    model VARCHAR(100),
    firmware_version VARCHAR(50),
    status VARCHAR(50) DEFAULT 'idle' NOT NULL,
    current_mission_id UUID,
    current_location JSON,
    battery_level INTEGER,
    last_heartbeat TIMESTAMP WITH TIME ZONE,
    max_payload_kg INTEGER DEFAULT 150,
    max_speed_mps NUMERIC(3,1) DEFAULT 2.0,
    last_maintenance_date DATE,
    next_maintenance_due DATE,
    total_distance_km NUMERIC(10,2) DEFAULT 0.0,
    total_missions INTEGER DEFAULT 0,
    version BIGINT DEFAULT 0 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP WITH TIME ZONE,
    unique_live_name VARCHAR(100) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN name END),
    CONSTRAINT vehicles_pkey PRIMARY KEY (id),
    CONSTRAINT vehicles_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT vehicles_serial_number_key UNIQUE (serial_number),
    CONSTRAINT check_vehicles_status CHECK (status IN ('idle', 'navigating', 'docking', 'charging', 'maintenance', 'error')),
    CONSTRAINT check_battery_level CHECK (battery_level >= 0 AND battery_level <= 100),
    CONSTRAINT check_vehicles_version CHECK (version >= 0),
    CONSTRAINT uq_vehicles_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_vehicles_facility ON vehicles(facility_id);
CREATE INDEX idx_vehicles_status ON vehicles(status);
CREATE INDEX idx_vehicles_last_heartbeat ON vehicles(last_heartbeat);
CREATE INDEX idx_vehicles_name ON vehicles(name);
CREATE UNIQUE INDEX idx_vehicles_name_unique ON vehicles(facility_id, unique_live_name);

CREATE TABLE missions (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    resident_id UUID NOT NULL,
    vehicle_id UUID,
    created_by_user_id UUID NOT NULL,
    pickup_location VARCHAR(200) NOT NULL,
    pickup_coordinates GEOMETRY(POINT, 4326),
    dropoff_location VARCHAR(200) NOT NULL,
    dropoff_coordinates GEOMETRY(POINT, 4326),
    priority VARCHAR(20) DEFAULT 'normal' NOT NULL,
    status VARCHAR(50) DEFAULT 'pending' NOT NULL,
    scheduled_at TIMESTAMP WITH TIME ZONE,
    assigned_at TIMESTAMP WITH TIME ZONE,
    started_at TIMESTAMP WITH TIME ZONE,
    completed_at TIMESTAMP WITH TIME ZONE,
    notes VARCHAR,
    failure_reason VARCHAR,
    last_progress VARCHAR(50),
    version BIGINT DEFAULT 0 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP WITH TIME ZONE,
    active_vehicle_id UUID GENERATED ALWAYS AS (
        CASE WHEN status IN ('assigned', 'in_progress') AND deleted_at IS NULL THEN vehicle_id END),
    CONSTRAINT missions_pkey PRIMARY KEY (id),
    CONSTRAINT missions_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    CONSTRAINT check_missions_status CHECK (status IN ('pending', 'assigned', 'in_progress', 'completed', 'cancelled', 'failed')),
    CONSTRAINT check_missions_last_progress CHECK (last_progress IN ('pickup_arrived', 'pickup_completed', 'in_transit', 'dropoff_arrived', 'dropoff_completed')),
    CONSTRAINT check_missions_active_has_vehicle CHECK (status NOT IN ('assigned', 'in_progress') OR vehicle_id IS NOT NULL),
    CONSTRAINT check_missions_failed_has_reason CHECK (status <> 'failed' OR (failure_reason IS NOT NULL AND TRIM(failure_reason) <> '')),
    CONSTRAINT check_missions_version CHECK (version >= 0),
    CONSTRAINT uq_missions_id_facility UNIQUE (id, facility_id),
    CONSTRAINT fk_missions_resident FOREIGN KEY (resident_id, facility_id) REFERENCES residents(id, facility_id),
    CONSTRAINT fk_missions_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id),
    CONSTRAINT fk_missions_created_by FOREIGN KEY (created_by_user_id, facility_id) REFERENCES users(id, facility_id)
);

CREATE INDEX idx_missions_facility ON missions(facility_id);
CREATE INDEX idx_missions_resident ON missions(resident_id);
CREATE INDEX idx_missions_vehicle ON missions(vehicle_id);
CREATE INDEX idx_missions_status ON missions(status);
CREATE INDEX idx_missions_created_at ON missions(created_at DESC);
CREATE INDEX idx_missions_scheduled_at ON missions(scheduled_at);
CREATE SPATIAL INDEX idx_missions_pickup_location ON missions(pickup_coordinates);
CREATE SPATIAL INDEX idx_missions_dropoff_location ON missions(dropoff_coordinates);
CREATE INDEX idx_missions_created_by ON missions(created_by_user_id);
CREATE UNIQUE INDEX idx_missions_one_active_per_vehicle ON missions(active_vehicle_id);

ALTER TABLE vehicles ADD CONSTRAINT fk_vehicles_current_mission
    FOREIGN KEY (current_mission_id, facility_id) REFERENCES missions(id, facility_id);
CREATE INDEX idx_vehicles_current_mission ON vehicles(current_mission_id);

CREATE TABLE mission_events (
    id BIGSERIAL NOT NULL,
    facility_id UUID NOT NULL,
    mission_id UUID NOT NULL,
    vehicle_id UUID,
    event_type VARCHAR(50) NOT NULL,
    details JSON,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    created_by_user_id UUID,
    CONSTRAINT mission_events_pkey PRIMARY KEY (id),
    CONSTRAINT mission_events_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_mission_events_event_type CHECK (event_type IN (
        'created', 'assigned', 'started', 'pickup_arrived', 'pickup_completed',
        'in_transit', 'dropoff_arrived', 'dropoff_completed', 'completed', 'cancelled', 'failed')),
    CONSTRAINT fk_mission_events_mission FOREIGN KEY (mission_id, facility_id)
        REFERENCES missions(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_events_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id),
    CONSTRAINT fk_mission_events_created_by FOREIGN KEY (created_by_user_id, facility_id) REFERENCES users(id, facility_id)
);

CREATE INDEX idx_mission_events_mission ON mission_events(mission_id);
CREATE INDEX idx_mission_events_created_at ON mission_events(created_at DESC);
CREATE INDEX idx_mission_events_type ON mission_events(event_type);
