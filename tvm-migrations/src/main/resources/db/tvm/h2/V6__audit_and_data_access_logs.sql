-- H2 mirror of postgresql/V6 (no yearly partitioning). INET -> VARCHAR(45).

CREATE TABLE audit_logs (
    id BIGSERIAL NOT NULL,
    facility_id UUID,
    user_id UUID,
    user_email VARCHAR(255),
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id UUID,
    details JSON,
    timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    ip_address VARCHAR(45),
    user_agent VARCHAR,
    success BOOLEAN NOT NULL,
    failure_reason VARCHAR,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id, timestamp),
    CONSTRAINT audit_logs_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id),
    CONSTRAINT check_audit_logs_failure_reason CHECK (success OR failure_reason IS NOT NULL)
);

CREATE INDEX idx_audit_logs_user ON audit_logs(user_id);
CREATE INDEX idx_audit_logs_timestamp ON audit_logs(timestamp DESC);
CREATE INDEX idx_audit_logs_action ON audit_logs(action);
CREATE INDEX idx_audit_logs_resource ON audit_logs(resource_type, resource_id);
CREATE INDEX idx_audit_logs_facility_timestamp ON audit_logs(facility_id, timestamp);

CREATE TABLE data_access_logs (
    id BIGSERIAL NOT NULL,
    facility_id UUID NOT NULL,
    user_id UUID,
    resident_id UUID NOT NULL,
    access_type VARCHAR(10) NOT NULL,
    accessed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT data_access_logs_pkey PRIMARY KEY (id),
    CONSTRAINT data_access_logs_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_data_access_logs_access_type CHECK (access_type IN ('read', 'update', 'export')),
    CONSTRAINT fk_data_access_logs_user FOREIGN KEY (user_id, facility_id) REFERENCES users(id, facility_id),
    CONSTRAINT fk_data_access_logs_resident FOREIGN KEY (resident_id, facility_id) REFERENCES residents(id, facility_id)
);

CREATE INDEX idx_data_access_logs_resident ON data_access_logs(resident_id, accessed_at);
CREATE INDEX idx_data_access_logs_user ON data_access_logs(user_id, accessed_at);
