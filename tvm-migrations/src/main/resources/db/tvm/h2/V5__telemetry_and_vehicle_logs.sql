-- H2 mirror of postgresql/V5. No partitioning (same primary key (id, timestamp) as PostgreSQL),
-- no partition maintenance functions; VARCHAR(100)[] -> VARCHAR(100) ARRAY.

CREATE TABLE telemetry (
    id BIGSERIAL NOT NULL,
    facility_id UUID NOT NULL,
    vehicle_id UUID NOT NULL,
    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    latitude NUMERIC(10,7),
    longitude NUMERIC(10,7),
    heading NUMERIC(5,2),
    speed_mps NUMERIC(4,2),
    acceleration_mps2 NUMERIC(4,2),
    battery_level INTEGER,
    battery_voltage NUMERIC(5,2),
    battery_current NUMERIC(6,2),
    lidar_status VARCHAR(20),
    camera_status VARCHAR(20),
    imu_status VARCHAR(20),
    cpu_usage INTEGER,
    memory_usage INTEGER,
    disk_usage INTEGER,
    error_codes VARCHAR(100) ARRAY,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT telemetry_pkey PRIMARY KEY (id, timestamp),
    CONSTRAINT telemetry_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_telemetry_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT check_telemetry_longitude CHECK (longitude BETWEEN -180 AND 180),
    CONSTRAINT check_telemetry_heading CHECK (heading >= 0 AND heading <= 360),
    CONSTRAINT check_telemetry_battery_level CHECK (battery_level >= 0 AND battery_level <= 100),
    CONSTRAINT check_telemetry_cpu_usage CHECK (cpu_usage >= 0 AND cpu_usage <= 100),
    CONSTRAINT check_telemetry_memory_usage CHECK (memory_usage >= 0),
    CONSTRAINT check_telemetry_disk_usage CHECK (disk_usage >= 0 AND disk_usage <= 100),
    CONSTRAINT check_telemetry_lidar_status CHECK (lidar_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT check_telemetry_camera_status CHECK (camera_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT check_telemetry_imu_status CHECK (imu_status IN ('ok', 'degraded', 'error')),
    CONSTRAINT fk_telemetry_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id)
);

CREATE INDEX idx_telemetry_vehicle_timestamp ON telemetry(vehicle_id, timestamp DESC);
CREATE INDEX idx_telemetry_timestamp ON telemetry(timestamp DESC);

CREATE TABLE vehicle_logs (
    id BIGSERIAL NOT NULL,
    facility_id UUID NOT NULL,
    vehicle_id UUID NOT NULL,
    level VARCHAR(10) NOT NULL,
    code VARCHAR(50),
    message VARCHAR(2000) NOT NULL,
    details JSON,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT vehicle_logs_pkey PRIMARY KEY (id),
    CONSTRAINT vehicle_logs_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_vehicle_logs_level CHECK (level IN ('debug', 'info', 'warn', 'error')),
    CONSTRAINT fk_vehicle_logs_vehicle FOREIGN KEY (vehicle_id, facility_id) REFERENCES vehicles(id, facility_id)
);

CREATE INDEX idx_vehicle_logs_vehicle_logged_at ON vehicle_logs(vehicle_id, logged_at DESC);
CREATE INDEX idx_vehicle_logs_logged_at ON vehicle_logs(logged_at);
