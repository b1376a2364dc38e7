-- H2 mirror of postgresql/V14. H2 triggers need Java classes: the telemetry facility_id trigger is
-- PostgreSQL-only (H2 is the demo and fast-test tier, where only the library writes telemetry).
-- E-mail: stored as written, unique case-insensitively. The H2 stand-in for the partial expression index
-- (unique_live_email) now holds LOWER(email), so 'A@x.org' and 'a@x.org' collide as on PostgreSQL.
ALTER TABLE users DROP CONSTRAINT check_users_email_lower_case;
DROP INDEX idx_users_email_unique;
ALTER TABLE users DROP COLUMN unique_live_email;
ALTER TABLE users ADD COLUMN unique_live_email VARCHAR(255)
    GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN LOWER(email) END);
CREATE UNIQUE INDEX idx_users_email_unique ON users(unique_live_email);
