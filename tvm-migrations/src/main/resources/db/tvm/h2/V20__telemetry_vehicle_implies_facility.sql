-- H2 mirror of postgresql/V20 (planner statistics on PostgreSQL's telemetry partitions; H2 has neither partitions nor
-- row-level security). This version exists so both migration sets stay at the same version.
SELECT 1;
