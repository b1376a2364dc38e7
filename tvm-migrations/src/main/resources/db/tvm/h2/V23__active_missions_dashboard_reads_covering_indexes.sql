-- H2 mirror of postgresql/V23 (two covering indexes for the operations dashboard, one of them partial). H2 has neither
-- INCLUDE columns nor partial indexes, and no row-level security whose filter they serve. This version exists so both
-- migration sets stay at the same version.
SELECT 1;
