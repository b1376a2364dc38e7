-- H2 mirror of postgresql/V18 (the row-level security policies read the facility context once per statement). H2 has
-- no row-level security (the repositories' facility filters are the boundary there); this version exists so both
-- migration sets stay at the same version.
SELECT 1;
