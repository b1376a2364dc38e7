-- H2 mirror of postgresql/V13: the same columns and tables; the triggers are Java (org.tvm.migrations.h2), since
-- H2 has no plpgsql. The audit rules (which tables, withheld and ignored columns) live in
-- org.tvm.migrations.AuditedTables; the chain in org.tvm.domain.audit.AuditChain. No append-only guard: H2 has no
-- roles to keep apart, and the chain still shows every edit.

ALTER TABLE audit_logs ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_logs ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_logs ADD COLUMN row_hash VARCHAR(64);
ALTER TABLE data_access_logs ADD COLUMN chain_seq BIGINT;
ALTER TABLE data_access_logs ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE data_access_logs ADD COLUMN row_hash VARCHAR(64);
CREATE INDEX idx_audit_logs_chain ON audit_logs(facility_id, chain_seq);
CREATE INDEX idx_data_access_logs_chain ON data_access_logs(facility_id, chain_seq);

CREATE TABLE audit_chain_heads (
    chain_id UUID NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_heads_pkey PRIMARY KEY (chain_id),
    CONSTRAINT check_audit_chain_heads_last_seq CHECK (last_seq >= 0)
);

CREATE TABLE audit_chain_checkpoints (
    chain_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    row_hash VARCHAR(64) NOT NULL,
    key_id VARCHAR(50) NOT NULL,
    mac VARCHAR(64) NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_chain_checkpoints_pkey PRIMARY KEY (chain_id, seq),
    CONSTRAINT check_audit_chain_checkpoints_seq CHECK (seq >= 1)
);

CREATE TRIGGER audit_logs_chain_link BEFORE INSERT ON audit_logs
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2ChainTrigger';
CREATE TRIGGER data_access_logs_chain_link BEFORE INSERT ON data_access_logs
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2ChainTrigger';

CREATE TRIGGER residents_audit AFTER INSERT, UPDATE, DELETE ON residents
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER users_audit AFTER INSERT, UPDATE, DELETE ON users
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER user_roles_audit AFTER INSERT, UPDATE, DELETE ON user_roles
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER role_permissions_audit AFTER INSERT, UPDATE, DELETE ON role_permissions
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER caregiver_assignments_audit AFTER INSERT, UPDATE, DELETE ON caregiver_assignments
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER vehicles_audit AFTER INSERT, UPDATE, DELETE ON vehicles
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER missions_audit AFTER INSERT, UPDATE, DELETE ON missions
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER locations_audit AFTER INSERT, UPDATE, DELETE ON locations
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
CREATE TRIGGER maps_audit AFTER INSERT, UPDATE, DELETE ON maps
    FOR EACH ROW CALL 'org.tvm.migrations.h2.H2AuditTrigger';
