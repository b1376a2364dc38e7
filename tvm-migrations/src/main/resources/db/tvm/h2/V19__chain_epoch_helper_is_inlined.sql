-- H2 mirror of postgresql/V19 (the PostgreSQL chain's epoch helper is inlined). H2 links the chain in Java
-- (H2ChainTrigger); this version exists so both migration sets stay at the same version.
SELECT 1;
