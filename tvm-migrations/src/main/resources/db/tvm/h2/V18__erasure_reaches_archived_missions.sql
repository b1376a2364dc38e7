-- H2 mirror of postgresql/V18 (erasure reaches the resident's archived missions). H2 has no roles or PL/pgSQL: the
-- adapters rewrite the archive documents there with plain statements (org.tvm.adapter.sql.ResidentMissionText).
-- This version exists so both migration sets stay at the same version.
SELECT 1;
