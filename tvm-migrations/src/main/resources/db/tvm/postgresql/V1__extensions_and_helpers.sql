-- TVM schema of record (PostgreSQL 15+, PostGIS 3).
-- V1: extensions and helper functions shared by every later migration.
-- gen_random_uuid() is core since PostgreSQL 13: pgcrypto is not needed.

CREATE EXTENSION IF NOT EXISTS postgis;

-- Spec Appendix A.1. search_path pinned so the function cannot be hijacked.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
SET search_path = pg_catalog, public;

COMMENT ON FUNCTION update_updated_at_column() IS
    'Spec Appendix A.1: BEFORE UPDATE trigger function that stamps updated_at with NOW() (transaction start time).';
