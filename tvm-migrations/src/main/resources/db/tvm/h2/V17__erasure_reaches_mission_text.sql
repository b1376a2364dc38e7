-- H2 mirror of postgresql/V17 (erasure reaches the free text of a resident's missions, live and archived). H2 has
-- no roles or PL/pgSQL: the application may update mission_events there, so the adapters erase with plain
-- statements, archive documents included (org.tvm.adapter.sql.ResidentMissionText). This version exists so both
-- migration sets stay at the same version.
SELECT 1;
