-- V6: audit_logs (spec §4.11, partitioned by year per §10.1) and data_access_logs (named in §3.2).

-- Spec §4.11 + facility_id (NULL for system events). Immutable, append-only.
CREATE TABLE audit_logs (
    id BIGSERIAL,
    facility_id UUID REFERENCES facilities(id),

    -- Who
    user_id UUID REFERENCES users(id),  -- NULL for system events
    user_email VARCHAR(255),

    -- What
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id UUID,

    details JSONB,

    -- When & Where (NOT NULL: partition key, part of the primary key)
    timestamp TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    ip_address INET,
    user_agent TEXT,

    -- Result
    success BOOLEAN NOT NULL,
    failure_reason TEXT,

    PRIMARY KEY (id, timestamp),
    CONSTRAINT check_audit_logs_failure_reason CHECK (success OR failure_reason IS NOT NULL)
) PARTITION BY RANGE (timestamp);

CREATE INDEX idx_audit_logs_user ON audit_logs(user_id);
CREATE INDEX idx_audit_logs_timestamp ON audit_logs(timestamp DESC);
CREATE INDEX idx_audit_logs_action ON audit_logs(action);
CREATE INDEX idx_audit_logs_resource ON audit_logs(resource_type, resource_id);
CREATE INDEX idx_audit_logs_facility_timestamp ON audit_logs(facility_id, timestamp);

-- Catch-all, see telemetry_default.
CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;

-- Yearly partitions audit_logs_YYYY (UTC years) for from_year..to_year inclusive. Idempotent.
-- Returns the number of partitions created.
CREATE OR REPLACE FUNCTION tvm_ensure_audit_partitions(from_year integer, to_year integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    y integer;
    created integer := 0;
BEGIN
    IF from_year IS NULL OR to_year IS NULL THEN
        RAISE EXCEPTION 'tvm_ensure_audit_partitions: years must not be null' USING ERRCODE = '22004';
    END IF;
    IF from_year > to_year THEN
        RAISE EXCEPTION 'tvm_ensure_audit_partitions: from_year % is after to_year %', from_year, to_year
            USING ERRCODE = '22023';
    END IF;
    IF from_year < 1970 OR to_year > 9998 OR to_year - from_year > 50 THEN
        RAISE EXCEPTION 'tvm_ensure_audit_partitions: years out of range (1970..9998, at most 51 per call)'
            USING ERRCODE = '22023';
    END IF;
    FOR y IN from_year .. to_year LOOP
        IF tvm_create_range_partition('audit_logs', 'audit_logs_' || lpad(y::text, 4, '0'),
                                      make_date(y, 1, 1)::timestamp AT TIME ZONE 'UTC',
                                      make_date(y + 1, 1, 1)::timestamp AT TIME ZONE 'UTC') THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

COMMENT ON FUNCTION tvm_ensure_audit_partitions(integer, integer) IS
    'Create yearly audit_logs partitions audit_logs_YYYY (UTC) for [from_year, to_year], inclusive. Returns how many were created.';

-- Current and next year at migrate time.
SELECT tvm_ensure_audit_partitions(
    extract(year FROM NOW() AT TIME ZONE 'UTC')::integer,
    extract(year FROM NOW() AT TIME ZONE 'UTC')::integer + 1);

-- GDPR: who read/changed/exported which resident's data.
CREATE TABLE data_access_logs (
    id BIGSERIAL PRIMARY KEY,
    facility_id UUID NOT NULL REFERENCES facilities(id),
    user_id UUID,
    resident_id UUID NOT NULL,
    access_type VARCHAR(10) NOT NULL,
    accessed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),

    CONSTRAINT check_data_access_logs_access_type CHECK (access_type IN ('read', 'update', 'export')),
    CONSTRAINT fk_data_access_logs_user FOREIGN KEY (user_id, facility_id) REFERENCES users(id, facility_id),
    CONSTRAINT fk_data_access_logs_resident FOREIGN KEY (resident_id, facility_id) REFERENCES residents(id, facility_id)
);

CREATE INDEX idx_data_access_logs_resident ON data_access_logs(resident_id, accessed_at);
CREATE INDEX idx_data_access_logs_user ON data_access_logs(user_id, accessed_at);
