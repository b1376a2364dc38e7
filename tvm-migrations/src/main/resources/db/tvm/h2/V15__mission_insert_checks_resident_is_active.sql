-- H2 mirror of postgresql/V15 (a new mission must reference a non-deleted resident). H2 cannot run the
-- PL/pgSQL trigger, so on H2 the adapters check the resident themselves before the insert; this version
-- exists so both migration sets stay at the same version.
SELECT 1;
