-- H2 mirror of postgresql/V12. H2 has no PostGIS, no database roles and no row-level security, so only the
-- audit attribution applies: an audit entry of a facility may only name a user of that facility.
ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_user_id_fkey;
ALTER TABLE audit_logs ADD CONSTRAINT fk_audit_logs_user_facility
    FOREIGN KEY (user_id, facility_id) REFERENCES users (id, facility_id);
ALTER TABLE audit_logs ADD CONSTRAINT check_audit_logs_system_entry_without_user
    CHECK (facility_id IS NOT NULL OR user_id IS NULL);
