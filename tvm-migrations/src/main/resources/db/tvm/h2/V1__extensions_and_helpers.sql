-- TVM H2 variant (H2 2.x, MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE). Embedded demo / fast test tier only;
-- PostgreSQL (db/migration/postgresql) is the schema of record. Versions and descriptions mirror the
-- PostgreSQL set one to one so both report the same schema version.
--
-- V1 on PostgreSQL creates PostGIS and update_updated_at_column(). H2 needs no extension (GEOMETRY is
-- built in), and triggers would need Java classes: updated_at columns use H2's
-- "ON UPDATE CURRENT_TIMESTAMP" instead (applies when an UPDATE does not set updated_at itself).
SELECT 1;
