-- H2 mirror of postgresql/V22: the same table and view. H2's Java audit trigger (org.tvm.migrations.h2.H2AuditTrigger)
-- still writes into audit_logs at once, so audit_logs_pending stays empty here: H2 is the embedded and test tier, where
-- the cost the batch step saves on PostgreSQL (indexes, chain head lock held to commit) does not matter. Readers use
-- audit_entries on both databases, so they see the same entries.

CREATE TABLE audit_logs_pending (
    id BIGINT NOT NULL,
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
    CONSTRAINT audit_logs_pending_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT fk_audit_logs_pending_user_facility FOREIGN KEY (user_id, facility_id) REFERENCES users (id, facility_id),
    CONSTRAINT check_audit_logs_pending_failure_reason CHECK (success OR failure_reason IS NOT NULL),
    CONSTRAINT check_audit_logs_pending_system_entry_without_user CHECK (facility_id IS NOT NULL OR user_id IS NULL)
);

CREATE VIEW audit_entries AS
    SELECT id, facility_id, user_id, user_email, action, resource_type, resource_id, details, timestamp, ip_address,
           user_agent, success, failure_reason, chain_seq, prev_hash, row_hash
      FROM audit_logs
    UNION ALL
    SELECT id, facility_id, user_id, user_email, action, resource_type, resource_id, details, timestamp, ip_address,
           user_agent, success, failure_reason, CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(64))
      FROM audit_logs_pending;
