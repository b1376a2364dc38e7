-- V4: core entities (spec §4.1 - §4.4) plus caregiver assignments (ARCHITECTURE §3).
-- Facility-consistent composite foreign keys: every reference carries facility_id and points at
-- UNIQUE (id, facility_id) of the referenced table, so a row can never point into another facility
-- even if the application (and RLS) is bypassed.

-- Spec §4.1
CREATE TABLE residents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    -- Personal Information (PII)
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    date_of_birth DATE NOT NULL,
    gender VARCHAR(20),

    -- Contact Information
    phone VARCHAR(20),
    emergency_contact_name VARCHAR(200),
    emergency_contact_phone VARCHAR(20),

    -- Medical Information: sealed (AES-256-GCM, base64) by the application
    medical_notes TEXT,
    wheelchair_type VARCHAR(50),
    requires_assistance BOOLEAN DEFAULT FALSE,

    -- Preferences
    preferred_language VARCHAR(10) DEFAULT 'en',

    photo_url VARCHAR(500),

    -- Privacy & Consent
    gdpr_consent BOOLEAN DEFAULT FALSE,
    gdpr_consent_date TIMESTAMP WITH TIME ZONE,

    -- Metadata
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    deleted_at TIMESTAMP WITH TIME ZONE,

    -- Deviation: the spec lists NULL inside IN (...), which makes the check accept every value
    -- ('x' IN (..., NULL) is NULL, and a NULL check passes). NULL genders still pass without it.
    CONSTRAINT check_gender CHECK (gender IN ('male', 'female', 'non-binary', 'prefer-not-to-say')),
    CONSTRAINT check_residents_wheelchair_type CHECK (wheelchair_type IN ('manual', 'powered', 'transport_chair')),
    CONSTRAINT check_residents_gdpr_consent_date CHECK (gdpr_consent IS NOT TRUE OR gdpr_consent_date IS NOT NULL),
    CONSTRAINT uq_residents_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_residents_facility ON residents(facility_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_residents_last_name ON residents(last_name) WHERE deleted_at IS NULL;
CREATE INDEX idx_residents_deleted ON residents(deleted_at);

CREATE TRIGGER update_residents_updated_at BEFORE UPDATE ON residents
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Caregiver <-> resident assignment (ARCHITECTURE §3: caregivers request transport for assigned residents only)
CREATE TABLE caregiver_assignments (
    facility_id UUID NOT NULL REFERENCES facilities(id),
    caregiver_user_id UUID NOT NULL,
    resident_id UUID NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    assigned_by_user_id UUID,

    PRIMARY KEY (caregiver_user_id, resident_id),
    CONSTRAINT fk_caregiver_assignments_caregiver FOREIGN KEY (caregiver_user_id, facility_id)
        REFERENCES users(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_caregiver_assignments_resident FOREIGN KEY (resident_id, facility_id)
        REFERENCES residents(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_caregiver_assignments_assigned_by FOREIGN KEY (assigned_by_user_id, facility_id)
        REFERENCES users(id, facility_id)
);

CREATE INDEX idx_caregiver_assignments_resident ON caregiver_assignments(resident_id);
CREATE INDEX idx_caregiver_assignments_facility ON caregiver_assignments(facility_id);

-- Spec §4.2 (current_mission_id FK is added below, once missions exists)
CREATE TABLE vehicles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    -- Deviation: no plain UNIQUE on name; idx_vehicles_name_unique = (facility_id, name) among non-deleted (spec §5.3)
    name VARCHAR(100) NOT NULL,
    serial_number VARCHAR(100),

    model VARCHAR(100),
    firmware_version VARCHAR(50),

    status VARCHAR(50) NOT NULL DEFAULT 'idle',

    current_mission_id UUID,
    current_location JSONB,  -- {"lat": 35.6, "lon": 139.7, "zone": "Building A"}
    battery_level INTEGER,
    last_heartbeat TIMESTAMP WITH TIME ZONE,

    max_payload_kg INTEGER DEFAULT 150,
    max_speed_mps NUMERIC(3,1) DEFAULT 2.0,

    last_maintenance_date DATE,
    next_maintenance_due DATE,
    total_distance_km NUMERIC(10,2) DEFAULT 0.0,
    total_missions INTEGER DEFAULT 0,

    -- Optimistic locking (ARCHITECTURE §3)
    version BIGINT NOT NULL DEFAULT 0,

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    deleted_at TIMESTAMP WITH TIME ZONE,

    -- Derived point of current_location for nearest-vehicle (KNN) queries; NULL when lat/lon absent.
    current_point geography(Point, 4326) GENERATED ALWAYS AS (
        CASE
            WHEN (current_location ->> 'lat') IS NOT NULL AND (current_location ->> 'lon') IS NOT NULL
            THEN ST_SetSRID(ST_MakePoint((current_location ->> 'lon')::double precision,
                                         (current_location ->> 'lat')::double precision), 4326)::geography
        END
    ) STORED,

    CONSTRAINT vehicles_serial_number_key UNIQUE (serial_number),
    CONSTRAINT check_vehicles_status CHECK (status IN ('idle', 'navigating', 'docking', 'charging', 'maintenance', 'error')),
    CONSTRAINT check_battery_level CHECK (battery_level >= 0 AND battery_level <= 100),
    CONSTRAINT check_vehicles_version CHECK (version >= 0),
    CONSTRAINT check_vehicles_current_location_object CHECK (current_location IS NULL OR jsonb_typeof(current_location) = 'object'),
    CONSTRAINT uq_vehicles_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_vehicles_facility ON vehicles(facility_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_vehicles_status ON vehicles(status) WHERE deleted_at IS NULL;
CREATE INDEX idx_vehicles_last_heartbeat ON vehicles(last_heartbeat);
CREATE INDEX idx_vehicles_name ON vehicles(name);
CREATE UNIQUE INDEX idx_vehicles_name_unique ON vehicles(facility_id, name) WHERE deleted_at IS NULL;
CREATE INDEX idx_vehicles_current_point ON vehicles USING GIST (current_point);

CREATE TRIGGER update_vehicles_updated_at BEFORE UPDATE ON vehicles
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Spec §4.3
CREATE TABLE missions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    resident_id UUID NOT NULL,
    vehicle_id UUID,
    created_by_user_id UUID NOT NULL,

    pickup_location VARCHAR(200) NOT NULL,
    pickup_coordinates geography(Point, 4326),      -- spec: "PostGIS POINT"
    dropoff_location VARCHAR(200) NOT NULL,
    dropoff_coordinates geography(Point, 4326),

    priority VARCHAR(20) NOT NULL DEFAULT 'normal',
    status VARCHAR(50) NOT NULL DEFAULT 'pending',

    scheduled_at TIMESTAMP WITH TIME ZONE,
    assigned_at TIMESTAMP WITH TIME ZONE,
    started_at TIMESTAMP WITH TIME ZONE,
    completed_at TIMESTAMP WITH TIME ZONE,

    notes TEXT,
    failure_reason TEXT,

    -- Fine-grained progress while in_progress (ARCHITECTURE §3) and optimistic locking
    last_progress VARCHAR(50),
    version BIGINT NOT NULL DEFAULT 0,

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    deleted_at TIMESTAMP WITH TIME ZONE,

    CONSTRAINT check_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    CONSTRAINT check_missions_status CHECK (status IN ('pending', 'assigned', 'in_progress', 'completed', 'cancelled', 'failed')),
    CONSTRAINT check_missions_last_progress CHECK (last_progress IN ('pickup_arrived', 'pickup_completed', 'in_transit', 'dropoff_arrived', 'dropoff_completed')),
    CONSTRAINT check_missions_active_has_vehicle CHECK (status NOT IN ('assigned', 'in_progress') OR vehicle_id IS NOT NULL),
    CONSTRAINT check_missions_failed_has_reason CHECK (status <> 'failed' OR (failure_reason IS NOT NULL AND btrim(failure_reason) <> '')),
    CONSTRAINT check_missions_version CHECK (version >= 0),
    CONSTRAINT uq_missions_id_facility UNIQUE (id, facility_id),
    CONSTRAINT fk_missions_resident FOREIGN KEY (resident_id, facility_id) REFERENCES residents(id, facility_id),
    CONSTRAINT fk_missions_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id),
    CONSTRAINT fk_missions_created_by FOREIGN KEY (created_by_user_id, facility_id) REFERENCES users(id, facility_id)
);

CREATE INDEX idx_missions_facility ON missions(facility_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_missions_resident ON missions(resident_id);
CREATE INDEX idx_missions_vehicle ON missions(vehicle_id);
CREATE INDEX idx_missions_status ON missions(status) WHERE status IN ('pending', 'assigned', 'in_progress');
CREATE INDEX idx_missions_created_at ON missions(created_at DESC);
CREATE INDEX idx_missions_scheduled_at ON missions(scheduled_at) WHERE status = 'pending';
CREATE INDEX idx_missions_pickup_location ON missions USING GIST (pickup_coordinates);
CREATE INDEX idx_missions_dropoff_location ON missions USING GIST (dropoff_coordinates);
CREATE INDEX idx_missions_created_by ON missions(created_by_user_id);
-- A vehicle has at most one active mission (ARCHITECTURE §3)
CREATE UNIQUE INDEX idx_missions_one_active_per_vehicle ON missions(vehicle_id)
    WHERE status IN ('assigned', 'in_progress') AND deleted_at IS NULL;

CREATE TRIGGER update_missions_updated_at BEFORE UPDATE ON missions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Circular reference vehicles -> missions, added once both tables exist
ALTER TABLE vehicles ADD CONSTRAINT fk_vehicles_current_mission
    FOREIGN KEY (current_mission_id, facility_id) REFERENCES missions(id, facility_id);
CREATE INDEX idx_vehicles_current_mission ON vehicles(current_mission_id);

-- Spec §4.4 + facility_id (immutable, append-only)
CREATE TABLE mission_events (
    id BIGSERIAL PRIMARY KEY,
    facility_id UUID NOT NULL REFERENCES facilities(id),
    mission_id UUID NOT NULL,
    vehicle_id UUID,

    event_type VARCHAR(50) NOT NULL,
    details JSONB,

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    created_by_user_id UUID,

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
