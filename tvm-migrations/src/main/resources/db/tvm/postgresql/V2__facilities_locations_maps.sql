-- V2: configuration tables the spec names (§3.2 "Configuration") but does not define.
-- Columns follow the shared design sheet (Facility, Location) and ARCHITECTURE §4.

CREATE TABLE facilities (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(200) NOT NULL,
    address VARCHAR(500),
    timezone VARCHAR(64) NOT NULL DEFAULT 'UTC',   -- IANA zone id, e.g. 'America/New_York'

    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),

    CONSTRAINT check_facilities_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT check_facilities_timezone_not_blank CHECK (btrim(timezone) <> '')
);

CREATE TRIGGER update_facilities_updated_at BEFORE UPDATE ON facilities
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE locations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    name VARCHAR(200) NOT NULL,
    kind VARCHAR(30) NOT NULL DEFAULT 'other',
    coordinates geography(Point, 4326) NOT NULL,
    zone VARCHAR(100),

    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),

    CONSTRAINT check_locations_kind CHECK (kind IN ('room', 'entrance', 'charging_station', 'building', 'outdoor', 'other')),
    CONSTRAINT uq_locations_facility_name UNIQUE (facility_id, name),
    CONSTRAINT uq_locations_id_facility UNIQUE (id, facility_id)
);

CREATE INDEX idx_locations_facility ON locations(facility_id);
CREATE INDEX idx_locations_coordinates ON locations USING GIST (coordinates);

CREATE TRIGGER update_locations_updated_at BEFORE UPDATE ON locations
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE maps (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    name VARCHAR(200) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    data JSONB NOT NULL DEFAULT '{}'::jsonb,    -- map payload (zones, paths, no-go areas, ...)

    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),

    CONSTRAINT check_maps_version CHECK (version >= 1),
    CONSTRAINT uq_maps_facility_name_version UNIQUE (facility_id, name, version)
);

CREATE INDEX idx_maps_facility ON maps(facility_id);

CREATE TRIGGER update_maps_updated_at BEFORE UPDATE ON maps
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
