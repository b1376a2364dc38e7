-- H2 mirror of postgresql/V2. geography(Point,4326) -> GEOMETRY(POINT, 4326); JSONB -> JSON.

CREATE TABLE facilities (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    name VARCHAR(200) NOT NULL,
    address VARCHAR(500),
    timezone VARCHAR(64) DEFAULT 'UTC' NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT facilities_pkey PRIMARY KEY (id),
    CONSTRAINT check_facilities_name_not_blank CHECK (TRIM(name) <> ''),
    CONSTRAINT check_facilities_timezone_not_blank CHECK (TRIM(timezone) <> '')
);

CREATE TABLE locations (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(30) DEFAULT 'other' NOT NULL,
    coordinates GEOMETRY(POINT, 4326) NOT NULL,
    zone VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT locations_pkey PRIMARY KEY (id),
    CONSTRAINT locations_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_locations_kind CHECK (kind IN ('room', 'entrance', 'charging_station', 'building', 'outdoor', 'other')),
    CONSTRAINT uq_locations_facility_name UNIQUE (facility_id, name),
    CONSTRAINT uq_locations_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_locations_facility ON locations(facility_id);
CREATE SPATIAL INDEX idx_locations_coordinates ON locations(coordinates);

CREATE TABLE maps (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    name VARCHAR(200) NOT NULL,
    version INTEGER DEFAULT 1 NOT NULL,
    data JSON DEFAULT JSON '{}' NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT maps_pkey PRIMARY KEY (id),
    CONSTRAINT maps_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_maps_version CHECK (version >= 1),
    CONSTRAINT uq_maps_facility_name_version UNIQUE (facility_id, name, version)
);

CREATE INDEX idx_maps_facility ON maps(facility_id);
